import type { FastifyPluginAsync } from 'fastify'
import { dashboard } from '../../services/cases/dashboard.js'
import type { AppContext } from '../context.js'
import { presentDashboard } from '../presenters/dashboard.js'
import { DashboardPage } from '../views/console/DashboardPage.js'
import { pageContext, requestActor, sendHtml } from './consoleSupport.js'

export const consoleDashboardRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/console', { config: { permission: 'console.view' } }, async (req, reply) => {
    const d = await dashboard({ store: ctx.store, actor: requestActor(req), today: ctx.today() })
    return sendHtml(reply, DashboardPage({ page: await pageContext(ctx, req, reply), ...presentDashboard(d) }))
  })
}
