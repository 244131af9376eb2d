import formbody from '@fastify/formbody'
import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../context.js'
import { consoleAdminRoutes } from './consoleAdmin.js'
import { consoleApplicationRoutes } from './consoleApplications.js'
import { consoleAuthRoutes } from './consoleAuth.js'
import { consoleDashboardRoutes } from './consoleDashboard.js'
import { consoleReviewRoutes } from './consoleReviews.js'
import { supervisionRoutes } from './supervision.js'
import { consoleSearchDictionaryRoutes } from './consoleSearchDictionary.js'

/** The staff console: its own form parser (encapsulated), then each area's routes. */
export const consoleRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(formbody)
  for (const routes of [
    consoleAuthRoutes,
    consoleDashboardRoutes,
    consoleApplicationRoutes,
    consoleAdminRoutes,
    consoleReviewRoutes,
    supervisionRoutes,
    consoleSearchDictionaryRoutes,
  ])
    await app.register(routes, { ctx })
  // the reminders job is scheduled once across instances by `gongkai serve` (src/jobs/scheduler.ts)
}
