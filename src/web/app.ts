import '../services/zodLocale.js'
import Fastify from 'fastify'
import type { FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { AppContext } from './context.js'
import { answerOf } from './errors.js'
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
export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, trustProxy: true })
  // every route's params, query, body and JSON responses are zod schemas (fastify-type-provider-zod)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler((err, req, reply) => {
    const answer = answerOf(err)
    if (answer.status >= 500) req.log.error(err)
    void reply
      .status(answer.status)
      .send({ error: answer.message, code: answer.code, ...(answer.errors ? { errors: answer.errors } : {}) })
  })
  for (const routes of ROUTES) await app.register(routes, { ctx })
  return app
}
