import '../services/zodLocale.js'
import Fastify from 'fastify'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { AppContext } from './context.js'
import type { EdgeConfig } from './edgeConfig.js'
import { edgeConfigFromEnv } from './edgeConfig.js'
import { registerEdgeHooks } from './edgeHooks.js'
import { auditRefusals } from './auditRefusals.js'
import { handleError, handleNotFound } from './errorReply.js'
import { coreRoutes } from './routes/core.js'
import { applicationApiRoutes } from './routes/applicationsApi.js'
import { portalRoutes } from './routes/portal.js'
import { authPlugin } from './auth/plugin.js'
import { consoleRoutes } from './routes/console.js'
import { publicApplyRoutes } from './routes/publicApply.js'
import { publicApplyStatusRoutes } from './routes/publicApplyStatus.js'
import { publicApplyGuideRoutes } from './routes/publicApplyGuide.js'
import { publicApplyConsoleRoutes } from './routes/publicApplyConsole.js'
import { publicApplyOutbox } from './routes/publicApplyOutbox.js'
import { consoleCatalogRoutes } from './routes/consoleCatalog.js'
import { consolePrivacyReviewRoutes } from './routes/consolePrivacyReview.js'
import { reportRoutes } from './routes/reports.js'
import { auditReportRoutes } from './routes/auditReports.js'
import { interactionPortalRoutes } from './routes/interactionPortal.js'
import { interactionConsoleRoutes } from './routes/interactionConsole.js'
import { interactionParticipationRoutes } from './routes/interactionParticipation.js'
import { openApiPlugin } from './routes/openApi.js'
import { serviceItemsPortalRoutes } from './routes/serviceItemsPortal.js'
import { serviceItemsConsoleRoutes } from './routes/serviceItemsConsole.js'
import { inspectionsPortalRoutes } from './routes/inspectionsPortal.js'
import { inspectionsConsoleRoutes } from './routes/inspectionsConsole.js'
import { siteInspectionConsoleRoutes } from './routes/siteInspectionConsole.js'
import { retentionRoutes } from './routes/retention.js'
import { applicantRightsRoutes } from './routes/applicantRights.js'

/** Route plugins in the order they register; each feature adds its own. */
const ROUTES = [
  authPlugin,
  // before every other route: it describes the routes registered after it
  openApiPlugin,
  coreRoutes,
  applicationApiRoutes,
  portalRoutes,
  consoleRoutes,
  consoleCatalogRoutes,
  // issue 17 point 2: personal data decided at the 保密审查 step
  consolePrivacyReviewRoutes,
  publicApplyRoutes,
  publicApplyStatusRoutes,
  publicApplyGuideRoutes,
  publicApplyConsoleRoutes,
  publicApplyOutbox,
  auditReportRoutes,
  reportRoutes,
  // issue 16: 政民互动
  interactionPortalRoutes,
  interactionConsoleRoutes,
  interactionParticipationRoutes,
  serviceItemsPortalRoutes,
  inspectionsPortalRoutes,
  serviceItemsConsoleRoutes,
  inspectionsConsoleRoutes,
  siteInspectionConsoleRoutes,
  // issue 17 points 4 and 5: retention, the applicant's rights
  retentionRoutes,
  applicantRightsRoutes,
]

/** Builds the app apart from `listen` so tests can `inject` (fastify docs: Testing). */
export async function buildApp(
  ctx: AppContext,
  options: { logger?: FastifyServerOptions['logger']; edge?: EdgeConfig } = {},
): Promise<FastifyInstance> {
  // the client's address is the socket's unless a configured proxy forwards it (decision 0030)
  const edge = options.edge ?? edgeConfigFromEnv()
  const trustProxy = edge.trustedProxies.length > 0 ? edge.trustedProxies : false
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy,
    // the router's own refusals (a malformed %-escape, an overlong parameter) answer as every error does
    frameworkErrors: handleError,
  })
  // every route's params, query, body and JSON responses are zod schemas (fastify-type-provider-zod)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  // errors and unknown paths: a Chinese page for people, JSON only under /api/ (web/errorReply.ts)
  app.setErrorHandler(handleError)
  app.setNotFoundHandler(handleNotFound)
  // NUL characters and overlong addresses are refused before any route reads the request (web/edgeHooks.ts)
  registerEdgeHooks(app)
  // CSRF and 403 refusals are audited (issue 15 point 8)
  auditRefusals(app, ctx)
  const routeCtx: AppContext = { ...ctx, publicUrl: ctx.publicUrl ?? edge.publicUrl }
  for (const routes of ROUTES) await app.register(routes, { ctx: routeCtx })
  return app
}
