import { randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Answer } from './errors.js'
import { answerOf, NotFound } from './errors.js'
import { renderPage } from './views/Layout.js'
import { ErrorPage } from './views/ErrorPage.js'
import { displayMode } from './displayMode.js'

/** Only `/api/` answers in JSON; every other path is a page a person reads (issue 13 point 5, decision 0021). */
function answersJson(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/')
}

/** An id to quote to the administrator, logged with the error it names (10 characters, no look-alikes). */
function newIncidentId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('')
}

/** Sends an answer of the catalog: JSON under /api/, otherwise the Chinese error page. */
function sendAnswer(req: FastifyRequest, reply: FastifyReply, answer: Answer, incident?: string) {
  reply.status(answer.status).header('cache-control', 'no-store')
  if (answersJson(req)) {
    return reply.send({
      error: answer.message,
      code: answer.code,
      ...(answer.errors ? { errors: answer.errors } : {}),
      ...(incident ? { incident } : {}),
    })
  }
  const page = ErrorPage({
    status: answer.status,
    message: answer.message,
    errors: answer.errors,
    incident,
    console: req.url === '/console' || req.url.startsWith('/console/') || req.url.startsWith('/console?'),
    mode: displayMode(req),
  })
  return reply.type('text/html; charset=utf-8').send(renderPage(page))
}

/** The app's error handler: the catalog's answer; a 500 gets an incident id, logged with the error. */
export function handleError(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const answer = answerOf(err)
  const retryAfter = (err as { retryAfter?: unknown } | null)?.retryAfter
  if (answer.status === 429 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter))
  if (answer.status < 500) return sendAnswer(req, reply, answer)
  const incident = newIncidentId()
  req.log.error({ err, incident }, `request failed (incident ${incident})`)
  return sendAnswer(req, reply, answer, incident)
}

/** No route matched: the catalog's 404 (never fastify's English JSON). */
export function handleNotFound(req: FastifyRequest, reply: FastifyReply) {
  return sendAnswer(req, reply, answerOf(new NotFound()))
}
