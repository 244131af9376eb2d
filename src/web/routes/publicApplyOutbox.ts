import type { FastifyPluginAsync } from 'fastify'
import { deliverOutbox } from '../../services/notifications/deliverOutbox.js'
import type { AppContext } from '../context.js'

/**
 * While the server runs, the outbox is sent every `ctx.messaging.everyMs` (a message queued by any step reaches
 * the applicant within that time); `gongkai outbox send` does the same from cron. One round at a time.
 */
export const publicApplyOutbox: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const messaging = ctx.messaging
  if (!messaging) return
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> | null = null
  const round = () => {
    running ??= deliverOutbox({ store: ctx.store, transports: messaging.transports, now: new Date() })
      .catch((err: unknown) => app.log.error({ err }, 'outbox round failed'))
      .finally(() => {
        running = null
      })
  }
  app.addHook('onReady', async () => {
    timer = setInterval(round, messaging.everyMs)
    timer.unref()
  })
  app.addHook('onClose', async () => {
    clearInterval(timer)
    await running
    messaging.transports.close()
  })
}
