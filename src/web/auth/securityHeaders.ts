import helmet from 'helmet'
import type { HelmetOptions } from 'helmet'

/**
 * The security headers of every answer (CSP without inline script, HSTS, referrer policy…), as helmet defines
 * them. Our policy has no per-request part (no nonces), so helmet runs once at start-up and each answer gets
 * the same headers. @fastify/helmet re-ran it per request and held a portal page at 34 % of a bare route's rate;
 * once at start-up, 42 % (bench/portal).
 */
export function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {}
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()]
    },
  }
  let failure: unknown
  helmet(options)({} as never, res as never, (err?: unknown) => {
    failure = err
  })
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure))
  return Object.freeze(headers)
}
