import type { FastifyRequest } from 'fastify'
import type { DisplayMode } from './views/Layout.js'

/** 适老化 mode from its cookie (set by /a11y). */
export function displayMode(req: FastifyRequest): DisplayMode {
  return /(?:^|;\s*)gk_mode=elder(?:;|$)/.test(req.headers.cookie ?? '') ? 'elder' : 'normal'
}
