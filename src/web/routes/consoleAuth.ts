import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { changePassword } from '../../services/accounts/changePassword.js'
import { login } from '../../services/accounts/login.js'
import { logout } from '../../services/accounts/logout.js'
import type { FactorDue } from '../../domain/auth/secondFactor.js'
import type { FieldProblem } from '../../services/errors.js'
import { COOKIE_BASE, SESSION_COOKIE } from '../auth/plugin.js'
import type { AppContext } from '../context.js'
import { presentLoginRefusal } from '../presenters/login.js'
import { LoginPage, PasswordPage } from '../views/console/LoginPage.js'
import { loginForm, loginQuery, passwordForm } from './consoleAuth.schema.js'
import { consoleAuthTotpRoutes } from './consoleAuthTotp.js'
import { formProblems, pageContext, requestActor, safeNext, sendHtml } from './consoleSupport.js'

/** Where a right password leads: the second factor first, then a forced password change, then `next`. */
function afterPassword(factor: FactorDue, mustChangePassword: boolean, next: string): string {
  if (factor === 'enrol') return '/console/totp/enrol'
  if (factor === 'verify') return `/console/totp?next=${encodeURIComponent(next)}`
  return mustChangePassword ? '/console/password' : next
}

/** Signing in and out, and changing one's password. */
export const consoleAuthRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const store = ctx.store
  await app.register(consoleAuthTotpRoutes, { ctx })

  r.get(
    '/console/login',
    { schema: { querystring: loginQuery }, config: { permission: 'public' } },
    async (req, reply) => {
      const page = { ...(await pageContext(ctx, req, reply)), user: null }
      const message = req.query.expired ? '登录已超时，请重新登录' : undefined
      return sendHtml(reply, LoginPage({ page, next: safeNext(req.query.next), message }))
    },
  )

  r.post('/console/login', { schema: { body: loginForm }, config: { permission: 'public' } }, async (req, reply) => {
    const { username, password } = req.body
    const next = safeNext(req.body.next)
    const result = await login({ store, username, password, ip: req.ip, userAgent: req.headers['user-agent'] ?? '' })
    if (result.ok) {
      reply.setCookie(SESSION_COOKIE, result.token, COOKIE_BASE)
      return reply.redirect(afterPassword(result.factor, result.mustChangePassword, next), 303)
    }
    const refusal = presentLoginRefusal(result)
    if (refusal.retryAfter) reply.header('retry-after', String(refusal.retryAfter))
    const page = { ...(await pageContext(ctx, req, reply)), user: null }
    return sendHtml(reply, LoginPage({ page, next, username, message: refusal.message }), refusal.status)
  })

  r.post('/console/logout', { config: { permission: 'console.view' } }, async (req, reply) => {
    await logout({ store, actor: requestActor(req), token: req.sessionToken })
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.redirect('/console/login', 303)
  })

  async function passwordPage(req: FastifyRequest, reply: FastifyReply, errors?: FieldProblem[]) {
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, PasswordPage({ page, forced: req.mustChangePassword, errors }), errors ? 400 : 200)
  }

  r.get('/console/password', { config: { permission: 'console.view' } }, (req, reply) => passwordPage(req, reply))

  r.post(
    '/console/password',
    { schema: { body: passwordForm }, config: { permission: 'console.view' } },
    async (req, reply) => {
      const { current, next } = req.body
      const keepToken = req.sessionToken ?? undefined
      try {
        await changePassword({ store, actor: requestActor(req), current, next, keepToken })
      } catch (err) {
        return passwordPage(req, reply, formProblems(err))
      }
      return reply.redirect('/console', 303)
    },
  )
}
