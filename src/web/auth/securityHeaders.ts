import { IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import helmet from 'helmet'
import type { HelmetOptions } from 'helmet'

/**
 * The security headers of every answer (CSP without inline script, HSTS, referrer policy…), as helmet defines
 * them. Our policy has no per-request part (no nonces), so helmet runs once at start-up and each answer gets
 * the same headers. @fastify/helmet re-ran it per request and held a portal page at 34 % of a bare route's rate;
 * once at start-up, 42 % (bench/portal).
 */
export function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  // a real (unsent) response for helmet to set its headers on
  const req = new IncomingMessage(new Socket())
  const res = new ServerResponse(req)
  let failure: unknown
  helmet(options)(req, res, (err?: unknown) => {
    failure = err
  })
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure))
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  return Object.freeze(headers)
}
