import type { FastifyInstance } from 'fastify'
import { pruneRateLimits } from '../../services/rateLimits.js'
import type { AppContext } from '../context.js'

/** How often a listening server forgets rate-limit counters older than a day. */
const PRUNE_RATE_LIMITS_EVERY_MS = 60 * 60_000

/**
 * Keeps the `rate_limits` table small: a listening server prunes it once on start and then every hour (each
 * instance does; the delete is idempotent). Tests that only `inject` start no timer.
 */
export function pruneRateLimitsWhileListening(app: FastifyInstance, ctx: AppContext): void {
  let timer: NodeJS.Timeout | null = null
  const prune = () => {
    pruneRateLimits(ctx.store.db)
      .then((n) => (n > 0 ? app.log.info({ rateLimitsPruned: n }, 'rate limits pruned') : undefined))
      .catch((err: unknown) => app.log.error(err, 'rate-limit pruning failed'))
  }
  app.addHook('onListen', async () => {
    if (timer) return
    prune()
    timer = setInterval(prune, PRUNE_RATE_LIMITS_EVERY_MS)
    timer.unref()
  })
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer)
  })
}
