import '../services/zodLocale.js'
import Fastify from 'fastify'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { AppContext } from './context.js'
import { handleError, handleNotFound } from './errorReply.js'
import { coreRoutes } from './routes/core.js'
import { applicationApiRoutes } from './routes/applicationsApi.js'
import { portalRoutes } from './routes/portal.js'
import { authPlugin } from './auth/plugin.js'
import { consoleRoutes } from './routes/console.js'
import { publicApplyRoutes } from './routes/publicApply.js'
import { consoleCatalogRoutes } from './routes/consoleCatalog.js'
import { reportRoutes } from './routes/reports.js'
import { auditReportRoutes } from './routes/auditReports.js'

/** Route plugins in the order they register; each feature adds its own. */
const ROUTES = [
  authPlugin,
  coreRoutes,
  applicationApiRoutes,
  portalRoutes,
  consoleRoutes,
  consoleCatalogRoutes,
  publicApplyRoutes,
  auditReportRoutes,
  reportRoutes,
]

/** Builds the app apart from `listen` so tests can `inject` (fastify docs: Testing). */
export async function buildApp(
  ctx: AppContext,
  options: { logger?: FastifyServerOptions['logger'] } = {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, trustProxy: true })
  // every route's params, query, body and JSON responses are zod schemas (fastify-type-provider-zod)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  // errors and unknown paths: a Chinese page for people, JSON only under /api/ (web/errorReply.ts)
  app.setErrorHandler(handleError)
  app.setNotFoundHandler(handleNotFound)
  for (const routes of ROUTES) await app.register(routes, { ctx })
  return app
}
