import Fastify from 'fastify'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from './context.js'
import { INTERNAL_MESSAGE, statusOf } from './errors.js'
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
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    const status = statusOf(err) !== 500 ? statusOf(err) : (err.statusCode ?? 500)
    if (status >= 500) req.log.error(err)
    const message = status >= 500 ? INTERNAL_MESSAGE : err.message
    void reply.status(status).send({ error: message })
  })
  for (const routes of ROUTES) await app.register(routes, { ctx })
  return app
}
