import formbody from '@fastify/formbody'
import type { FastifyPluginAsync } from 'fastify'
import { runReminders, webhookUrlFromEnv } from '../../jobs/reminders.js'
import type { AppContext } from '../context.js'
import { consoleAdminRoutes } from './consoleAdmin.js'
import { consoleApplicationRoutes } from './consoleApplications.js'
import { consoleAuthRoutes } from './consoleAuth.js'
import { consoleDashboardRoutes } from './consoleDashboard.js'
import { consoleReviewRoutes } from './consoleReviews.js'

/** The staff console: its own form parser (encapsulated), then each area's routes. */
export const consoleRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(formbody)
  for (const routes of [
    consoleAuthRoutes,
    consoleDashboardRoutes,
    consoleApplicationRoutes,
    consoleAdminRoutes,
    consoleReviewRoutes,
  ])
    await app.register(routes, { ctx })

  // the reminders job runs in a listening server every GONGKAI_REMINDERS_EVERY_MIN minutes (0: off; default 60)
  const everyMin = Number(process.env.GONGKAI_REMINDERS_EVERY_MIN ?? 60)
  let timer: NodeJS.Timeout | null = null
  const tick = () => {
    runReminders(ctx.store, ctx.today(), { webhookUrl: webhookUrlFromEnv() })
      .then((r) =>
        app.log.info(
          { reminders: { created: r.created.length, dueSoon: r.dueSoon, overdue: r.overdue, webhook: r.webhook } },
          'reminders',
        ),
      )
      .catch((err: unknown) => app.log.error(err, 'reminders failed'))
  }
  app.addHook('onListen', async () => {
    if (!(everyMin > 0) || timer) return
    timer = setInterval(tick, everyMin * 60_000)
    timer.unref()
    setTimeout(tick, 5_000).unref()
  })
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer)
  })
}
