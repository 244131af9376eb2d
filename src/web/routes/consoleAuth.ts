import type { FastifyPluginAsync } from 'fastify'
import type { AppContext } from '../context.js'
import { changePassword, login } from '../auth/accounts.js'
import { COOKIE_BASE } from '../auth/plugin.js'
import { hitRateLimit } from '../auth/rateLimit.js'
import { destroySession, SESSION_COOKIE } from '../auth/sessions.js'
import { audit } from '../../services/auditLog.js'
import { ValidationError } from '../../services/errors.js'
import { LoginPage, PasswordPage } from '../views/console/LoginPage.js'
import { actorOf, formString, pageContext, principal, safeNext, sendHtml } from './consoleSupport.js'

/** Login attempts per address per minute (DB counter: shared by every instance). */
export const LOGIN_RATE = { limit: 20, windowMs: 60_000 }

export const consoleAuthRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get<{ Querystring: { next?: string; expired?: string } }>(
    '/console/login',
    { config: { permission: 'public' } },
    async (req, reply) => {
      const page = await pageContext(ctx, req, reply)
      const message = req.query.expired ? '登录已超时，请重新登录' : undefined
      return sendHtml(
        reply,
        LoginPage({ page: { ...page, user: null }, next: safeNext(req.query.next ?? '/console'), message }),
      )
    },
  )

  app.post('/console/login', { config: { permission: 'public' } }, async (req, reply) => {
    const username = formString(req.body, 'username')
    const next = safeNext(formString(req.body, 'next'))
    const rate = await hitRateLimit(ctx.store.db, `login:${req.ip}`, LOGIN_RATE.limit, LOGIN_RATE.windowMs)
    const page = { ...(await pageContext(ctx, req, reply)), user: null }
    if (!rate.allowed) {
      reply.header('retry-after', String(rate.retryAfter))
      return sendHtml(
        reply,
        LoginPage({ page, next, username, message: `尝试过于频繁，请 ${rate.retryAfter} 秒后再试` }),
        429,
      )
    }
    const result = await login(
      ctx.store,
      { username, password: formString(req.body, 'password') },
      { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' },
    )
    if (!result.ok) {
      const message =
        result.reason === 'locked'
          ? `连续登录失败次数过多，账号已锁定至 ${new Date(result.lockedUntil ?? '').toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`
          : '用户名或密码错误'
      return sendHtml(reply, LoginPage({ page, next, username, message }), result.reason === 'locked' ? 423 : 401)
    }
    reply.setCookie(SESSION_COOKIE, result.token, COOKIE_BASE)
    return reply.redirect(result.mustChangePassword ? '/console/password' : next, 303)
  })

  app.post('/console/logout', { config: { permission: 'console.view' } }, async (req, reply) => {
    if (req.sessionToken) await destroySession(ctx.store.db, req.sessionToken)
    await audit(ctx.store, {
      ...actorOf(req),
      action: 'session.logout',
      targetType: 'session',
      targetId: principal(req).userId,
    })
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.redirect('/console/login', 303)
  })

  app.get('/console/password', { config: { permission: 'console.view' } }, async (req, reply) => {
    return sendHtml(reply, PasswordPage({ page: await pageContext(ctx, req, reply), forced: req.mustChangePassword }))
  })

  app.post('/console/password', { config: { permission: 'console.view' } }, async (req, reply) => {
    const p = principal(req)
    try {
      await changePassword(
        ctx.store,
        p.userId,
        {
          current: formString(req.body, 'current'),
          next: formString(req.body, 'next'),
          keepToken: req.sessionToken ?? undefined,
        },
        actorOf(req),
      )
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      return sendHtml(
        reply,
        PasswordPage({ page: await pageContext(ctx, req, reply), forced: req.mustChangePassword, errors: err.errors }),
        400,
      )
    }
    return reply.redirect('/console', 303)
  })
}
