import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ValidationError } from '../services/errors.js'
import { handleError } from './errorReply.js'

// What every request must satisfy before any route reads it (issue 15 finding 9, decision 0030): no NUL
// character anywhere (PostgreSQL refuses one in text with a 500, and no field of ours has a use for it) and a
// path and query of sane length. Refused with a 400 naming the field, in Chinese, as any bad input is.

/** Longer than any link of the site; a longer one is no request a browser or a program of ours makes. */
const MAX_URL_LENGTH = 8192

const NUL_MESSAGE = '不能包含空字符（NUL）'

/** The NUL in a URL, written raw or percent-encoded (%00), in the path or the query. */
function urlHasNul(url: string): boolean {
  return url.includes('\0') || /%00/i.test(url)
}

/** A multipart part (attachFieldsToBody: true) as its text: a field's value, a file's own name (not its bytes). */
function partText(v: object): unknown {
  if (!('fieldname' in v)) return v
  const part = v as { type?: unknown; filename?: unknown; value?: unknown }
  return part.type === 'file' ? String(part.filename ?? '') : part.value
}

/** The first field (dotted path) of a parsed body whose text holds a NUL; files' bytes are not text. */
function nulField(body: unknown): string | undefined {
  const seen = new Set<object>()
  const stack: [unknown, string][] = [[body, '']]
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [raw, path] = top
    const v = raw && typeof raw === 'object' ? partText(raw) : raw
    if (typeof v === 'string') {
      if (v.includes('\0')) return path || '(整体)'
      continue
    }
    if (!v || typeof v !== 'object' || seen.has(v) || Buffer.isBuffer(v) || ArrayBuffer.isView(v)) continue
    seen.add(v)
    for (const [k, x] of Object.entries(v)) {
      if (k.includes('\0')) return path || '(整体)'
      stack.push([x, path ? `${path}.${k}` : k])
    }
  }
  return undefined
}

/**
 * The refusals are answered here, by the app's own error answer (errorReply.ts), not thrown: a route's own
 * error handler may show its form, which needs what later hooks (cookies, CSRF) have not yet read.
 */
export function registerEdgeHooks(app: FastifyInstance): void {
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.url.length > MAX_URL_LENGTH)
      return handleError(
        new ValidationError([{ field: '(地址)', message: `请求的地址过长（不超过 ${MAX_URL_LENGTH} 个字符）` }]),
        req,
        reply,
      )
    if (urlHasNul(req.url))
      return handleError(new ValidationError([{ field: '(地址)', message: `地址${NUL_MESSAGE}` }]), req, reply)
  })
  app.addHook('preValidation', async (req: FastifyRequest, reply: FastifyReply) => {
    const field = nulField(req.body)
    if (field) return handleError(new ValidationError([{ field, message: `「${field}」${NUL_MESSAGE}` }]), req, reply)
  })
}
