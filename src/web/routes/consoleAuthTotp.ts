import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { confirmTotpEnrolment } from '../../services/accounts/confirmTotpEnrolment.js'
import { startTotpEnrolment } from '../../services/accounts/startTotpEnrolment.js'
import { verifySecondFactor } from '../../services/accounts/verifySecondFactor.js'
import type { FieldProblem } from '../../services/errors.js'
import { COOKIE_BASE, SESSION_COOKIE } from '../auth/plugin.js'
import type { AppContext } from '../context.js'
import { totpQrDataUrl } from '../presenters/totpQr.js'
import { RecoveryCodesPage, TotpEnrolPage, TotpPage } from '../views/console/TotpPages.js'
import { totpForm, totpQuery } from './consoleAuth.schema.js'
import { formProblems, pageContext, requestActor, safeNext, sendHtml } from './consoleSupport.js'

const config = { permission: 'console.view' } as const

/** The second factor (decision 0031): enrolment with a QR code, and the code asked after the password. */
export const consoleAuthTotpRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const store = ctx.store

  /** A pending session sees no navigation: nothing else answers it yet. */
  async function factorPage(req: FastifyRequest, reply: FastifyReply) {
    const page = await pageContext(ctx, req, reply)
    return req.pendingFactor === 'none' || !page.user ? page : { ...page, user: { ...page.user, can: {} } }
  }

  async function verifyPage(req: FastifyRequest, reply: FastifyReply, errors?: FieldProblem[]) {
    if (req.pendingFactor !== 'verify') return reply.redirect('/console', 303)
    return sendHtml(reply, TotpPage({ page: await factorPage(req, reply), errors }), errors ? 400 : 200)
  }

  async function enrolPage(req: FastifyRequest, reply: FastifyReply, errors?: FieldProblem[]) {
    const e = await startTotpEnrolment({ store, actor: requestActor(req) })
    if (e.enrolled) return reply.redirect('/console', 303)
    const view = { page: await factorPage(req, reply), secret: e.secret, qr: await totpQrDataUrl(e.uri) }
    return sendHtml(
      reply,
      TotpEnrolPage({ ...view, required: req.pendingFactor === 'enrol', errors }),
      errors ? 400 : 200,
    )
  }

  r.get('/console/totp', { schema: { querystring: totpQuery }, config }, (req, reply) => verifyPage(req, reply))

  r.post('/console/totp', { schema: { body: totpForm }, config }, async (req, reply) => {
    const userAgent = req.headers['user-agent'] ?? ''
    try {
      const { code } = req.body
      const token = await verifySecondFactor({
        store,
        actor: requestActor(req),
        code,
        token: req.sessionToken ?? '',
        userAgent,
      })
      reply.setCookie(SESSION_COOKIE, token, COOKIE_BASE)
    } catch (err) {
      return verifyPage(req, reply, formProblems(err))
    }
    return reply.redirect(safeNext(req.body.next), 303)
  })

  r.get('/console/totp/enrol', { config }, (req, reply) => enrolPage(req, reply))

  r.post('/console/totp/enrol', { schema: { body: totpForm }, config }, async (req, reply) => {
    const userAgent = req.headers['user-agent'] ?? ''
    try {
      const { code } = req.body
      const done = await confirmTotpEnrolment({
        store,
        actor: requestActor(req),
        code,
        token: req.sessionToken ?? '',
        userAgent,
      })
      reply.setCookie(SESSION_COOKIE, done.token, COOKIE_BASE)
      const page = { ...(await pageContext(ctx, req, reply)), user: null }
      return sendHtml(reply, RecoveryCodesPage({ page, codes: done.recoveryCodes, next: safeNext(req.body.next) }))
    } catch (err) {
      return enrolPage(req, reply, formProblems(err))
    }
  })
}
