import formbody from '@fastify/formbody'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { can } from '../../domain/auth/permissions.js'
import { runSiteInspection } from '../../services/siteInspection/runSiteInspection.js'
import { siteInspectionReport } from '../../services/siteInspection/siteInspectionPages.js'
import type { AppContext } from '../context.js'
import { SiteInspectionPage } from '../views/console/siteInspection/SiteInspectionPage.js'
import { pageContext, principal, requestActor, sendHtml } from './consoleSupport.js'
import { formBody } from './formSchemas.js'
import { sitePageFetcher } from './sitePageFetcher.js'

// 网站检查 in the console: the last report, and a run over the site's own pages (through inject, no network).

export const siteInspectionConsoleRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(formbody)
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get('/console/site-inspection', { config: { permission: 'siteInspection.read' } }, async (req, reply) => {
    const report = await siteInspectionReport({ store: ctx.store, actor: requestActor(req) })
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, SiteInspectionPage({ page, report, canRun: can(principal(req), 'siteInspection.run') }))
  })

  r.post(
    '/console/site-inspection/run',
    { config: { permission: 'siteInspection.run' }, schema: { body: formBody({}) } },
    async (req, reply) => {
      await runSiteInspection({
        store: ctx.store,
        actor: requestActor(req),
        today: ctx.today(),
        fetchPage: sitePageFetcher(app),
      })
      return reply.redirect('/console/site-inspection', 303)
    },
  )
}
