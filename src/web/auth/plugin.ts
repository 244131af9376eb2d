import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Principal } from '../../domain/auth/roles.js'
import { can } from '../../domain/auth/permissions.js'
import type { AppContext } from '../context.js'
import type { RouteNeed } from './routeTable.js'
import { isProtectedPath, needOf } from './routeTable.js'
import { loadSession } from '../../services/accounts/sessions.js'
import { resourceOfCase } from '../../services/accounts/resourceOfCase.js'
import { Forbidden } from '../../services/errors.js'
import { securityHeaders } from './securityHeaders.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RouteNeed['permission']
    resource?: RouteNeed['resource']
    csrf?: boolean
  }
  interface FastifyInstance {
    /** every route registered after the auth plugin, with what it declared (for the authorisation test) */
    declaredRoutes: DeclaredRoute[]
  }
  interface FastifyRequest {
    principal: Principal | null
    displayName: string
    mustChangePassword: boolean
    /** what the session still owes before it is complete (decision 0031) */
    pendingFactor: 'none' | 'verify' | 'enrol'
    sessionToken: string | null
    sessionExpired: boolean
  }
}

interface DeclaredRoute {
  method: string
  url: string
  need: RouteNeed | undefined
}

class Unauthenticated extends Error {
  readonly code = 'UNAUTHENTICATED'
  constructor(message = '请先登录') {
    super(message)
  }
}

/** The session cookie: its token's hash keys the session row (services/accounts/sessions.ts). */
export const SESSION_COOKIE = 'gk_session'

const CSRF_MESSAGE = '表单已失效或来源不明（CSRF 校验未通过），请刷新页面后重试'

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Cookies are Secure on HTTPS (directly or behind a proxy that says so); plain HTTP only on loopback dev. */
export const COOKIE_BASE = { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' } as const

/** One field of a parsed body or params object (undefined when it is not an object). */
function fieldOf(o: unknown, key: string): unknown {
  return o !== null && typeof o === 'object' ? Reflect.get(o, key) : undefined
}

function wantsHtml(req: FastifyRequest): boolean {
  return !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html')
}

/**
 * Security for the whole app (registered first, not encapsulated): headers with a CSP that allows no inline
 * script, the session cookie → `req.principal`, the ONE permission check (each route declares its need in
 * `config` or in routeTable.ts), CSRF on every unsafe form request.
 */
const authPluginImpl: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(cookie)
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // TLS is the proxy's job (HSTS below); upgrading would break plain-HTTP loopback use
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
    referrerPolicy: { policy: 'same-origin' },
  })
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers)
    done()
  })
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'gk_csrf',
    cookieOpts: { ...COOKIE_BASE, sameSite: 'strict' },
    getToken: (req: FastifyRequest) => {
      const v = fieldOf(req.body, '_csrf')
      if (typeof v === 'string') return v
      // multipart fields (attachFieldsToBody) arrive as { value }
      const value = fieldOf(v, 'value')
      if (typeof value === 'string') return value
      const h = req.headers['x-csrf-token']
      return typeof h === 'string' ? h : ''
    },
  })

  const declared: DeclaredRoute[] = []
  app.decorate('declaredRoutes', declared)
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD')
        declared.push({
          method,
          url: r.url ?? r.path,
          need: needOf(method, r.url ?? r.path, r.config),
        })
    }
  })

  app.decorateRequest('principal', null)
  app.decorateRequest('displayName', '')
  app.decorateRequest('mustChangePassword', false)
  app.decorateRequest('pendingFactor', 'none')
  app.decorateRequest('sessionToken', null)
  app.decorateRequest('sessionExpired', false)

  // Authentication and authorisation run on request, before any body is read: a refused request never
  // gets its upload parsed. CSRF needs the body, so it is checked in preHandler.
  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE]
    if (token) {
      const s = await loadSession(ctx.store.db, token)
      if (s?.principal) {
        req.principal = s.principal
        req.displayName = s.displayName
        req.mustChangePassword = s.mustChangePassword
        req.pendingFactor = s.pendingFactor
        req.sessionToken = token
      } else if (s) req.sessionExpired = true
    }
    const url = req.routeOptions.url ?? ''
    const need = needOf(req.method, url, req.routeOptions.config)
    if (!need) {
      if (isProtectedPath(url)) throw new Forbidden('该页面未声明访问权限，已拒绝')
      return
    }
    if (need.permission === 'public') return
    const p = req.principal
    if (!p) {
      const message = req.sessionExpired ? '登录已超时，请重新登录' : '请先登录'
      if (req.method === 'GET' && wantsHtml(req)) {
        return reply.redirect(
          `/console/login?next=${encodeURIComponent(req.url)}${req.sessionExpired ? '&expired=1' : ''}`,
        )
      }
      throw new Unauthenticated(message)
    }
    // a session that owes its second factor reaches only the page that takes it (and logout)
    const factorPage = req.pendingFactor === 'enrol' ? '/console/totp/enrol' : '/console/totp'
    if (req.pendingFactor !== 'none' && url !== factorPage && url !== '/console/logout') {
      if (req.method === 'GET' && wantsHtml(req)) return reply.redirect(factorPage)
      throw new Forbidden('请先完成动态验证码验证')
    }
    if (req.mustChangePassword && url !== '/console/password' && url !== '/console/logout') {
      if (req.method === 'GET' && wantsHtml(req)) return reply.redirect('/console/password')
      throw new Forbidden('请先修改初始密码')
    }
    if (!can(p, need.permission)) throw new Forbidden()
    if (need.resource === 'application') {
      const resource = await resourceOfCase(ctx.store, Number(fieldOf(req.params, 'id')))
      if (!resource) return // the handler answers 404
      if (!can(p, need.permission, resource)) throw new Forbidden('无权访问该申请')
    }
  })

  app.addHook('preHandler', async (req, reply) => {
    const need = needOf(req.method, req.routeOptions.url ?? '', req.routeOptions.config)
    if (UNSAFE.has(req.method) && need?.csrf !== false) await checkCsrf(app, req, reply)
  })
}

/** @fastify/csrf-protection's check, its English error replaced by the Chinese one. */
async function checkCsrf(
  app: { csrfProtection: (req: FastifyRequest, reply: FastifyReply, done: () => void) => void },
  req: FastifyRequest,
  reply: FastifyReply,
) {
  await new Promise<void>((resolve, reject) => {
    const probe = new Proxy(reply, {
      get(target, prop, receiver) {
        if (prop === 'send') return () => reject(new Forbidden(CSRF_MESSAGE))
        const value: unknown = Reflect.get(target, prop, receiver)
        return value
      },
    })
    app.csrfProtection(req, probe, () => resolve())
  })
}

export const authPlugin = fp(authPluginImpl, { name: 'gongkai-auth' })
