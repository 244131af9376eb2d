import type { FastifyRequest } from 'fastify'
import type { DisplayMode } from './views/Layout.js'

// 适老化 mode is a cookie the visitor sets at /a11y; every public page and error page reads it here.
const COOKIE = 'gk_mode'
const ELDER = new RegExp(`(?:^|;\\s*)${COOKIE}=elder(?:;|$)`)

/** The visitor's display mode, from its cookie. */
export function displayMode(req: FastifyRequest): DisplayMode {
  return ELDER.test(req.headers.cookie ?? '') ? 'elder' : 'normal'
}

/** The set-cookie value that keeps a display mode for a year. */
export function displayModeCookie(mode: DisplayMode): string {
  return `${COOKIE}=${mode}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`
}
