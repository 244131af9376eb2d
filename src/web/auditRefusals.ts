import type { FastifyInstance } from 'fastify'
import { auditAccess } from '../services/auditLog.js'
import { Forbidden } from '../services/errors.js'
import type { AppContext } from './context.js'
import { requestActor } from './routes/consoleSupport.js'

/**
 * Every refusal, a failed CSRF check or a 403, goes into the audit chain with who, from where and which path
 * (issue 15 point 8): probing for what one may not do leaves a trace.
 */
export function auditRefusals(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onError', async (req, _reply, err) => {
    if (!(err instanceof Forbidden)) return
    const csrf = err.message.includes('CSRF')
    await auditAccess(ctx.store.db, requestActor(req), csrf ? 'security.csrfRefused' : 'security.forbidden', {
      type: 'request',
      id: `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0] ?? ''}`.slice(0, 200),
      detail: { message: err.message },
    })
  })
}
