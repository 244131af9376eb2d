import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { publicActor } from '../../services/actor.js'
import { downloadDisclosedFile } from '../../services/cases/downloadDisclosedFile.js'
import { grantDownload, sendDownloadCode } from '../../services/cases/grantDownload.js'
import { publicCaseStatus } from '../../services/cases/publicCaseStatus.js'
import { UPLOAD_LIMIT_BYTES, UPLOAD_MAX_FILES } from '../../services/cases/submitOnlineApplication.js'
import { submitOnlineSupplement } from '../../services/cases/submitOnlineSupplement.js'
import { NotFoundError, TooManyRequests, ValidationError } from '../../services/errors.js'
import type { FieldProblem } from '../../services/errors.js'
import { hitRateLimit } from '../../services/rateLimits.js'
import type { AppContext } from '../context.js'
import { timeOfDay } from '../context.js'
import { presentStatusView } from '../presenters/publicStatus.js'
import { ReceiptPage, StatusPage } from '../views/apply/ApplyStatusPages.js'
import { APPLY_CSS, PRINT_JS } from '../views/apply/applyCss.js'
import { sendHtml } from './consoleSupport.js'
import { applyFormBody, codeQuery, fileIdParams, statusQuery, verifyForm } from './publicApply.schema.js'

const GRANT_COOKIE = 'gk_dl'

async function onFile(part: MultipartFile) {
  const data = await part.toBuffer()
  Object.assign(part, { value: { fileName: part.filename, data } })
}

/** `attachment; filename=…` with an ASCII fallback and the UTF-8 name (RFC 6266). */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

/** A file as a download: its sniffed type, its name, never cached or sniffed again by the browser. */
function sendFile(reply: FastifyReply, f: { mime: string; fileName: string; data: Buffer }) {
  return reply
    .type(f.mime)
    .header('content-disposition', attachment(f.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(f.data)
}

/**
 * The applicant's side after applying (issue 14): the printable 申请回执, the status page with every step, the
 * letters, what a 补正 needs and by when, the online supplement, and the disclosed files behind the second factor.
 */
export const publicApplyStatusRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  await plugin.register(formbody)
  await plugin.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile,
    limits: { fileSize: UPLOAD_LIMIT_BYTES, files: UPLOAD_MAX_FILES, fields: 10, fieldSize: 20_000 },
  })
  const app = plugin.withTypeProvider<ZodTypeProvider>()
  const now = () => (ctx.now ? ctx.now() : new Date())

  const lookup = async (req: FastifyRequest, reply: FastifyReply) => {
    const limit = Number(process.env.GONGKAI_STATUS_RATE_LIMIT ?? 120)
    const v = await hitRateLimit(ctx.store.db, `lookup:${req.ip}`, limit, 60_000)
    if (v.allowed) return
    reply.header('retry-after', String(v.retryAfter))
    throw new TooManyRequests(v.retryAfter)
  }

  /** The status page of `code` (with the browser's download grant), or the empty look-up form. */
  const statusPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: {
      supplementErrors?: FieldProblem[]
      verifyErrors?: FieldProblem[]
      supplementSent?: boolean
      codeSent?: boolean
    } = {},
    status = 200,
  ) => {
    const csrf = reply.generateCsrf()
    if (!code) return sendHtml(reply, StatusPage({ status: null, code: '', csrf }))
    const grant = req.cookies[GRANT_COOKIE]
    const s = await publicCaseStatus({
      store: ctx.store,
      queryCode: code,
      today: ctx.today(),
      now: now(),
      ...(grant ? { grant } : {}),
    })
    if (!s) return sendHtml(reply, StatusPage({ status: null, code, csrf, notFound: true }), 404)
    return sendHtml(reply, StatusPage({ status: presentStatusView(s), code, csrf, ...extra }), status)
  }

  app.get('/assets/apply.css', { config: { permission: 'public' } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(APPLY_CSS),
  )
  app.get('/assets/print.js', { config: { permission: 'public' } }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PRINT_JS),
  )

  app.get(
    '/apply/receipt',
    { schema: { querystring: codeQuery }, config: { permission: 'public' }, preValidation: lookup },
    async (req, reply) => {
      const s = await publicCaseStatus({ store: ctx.store, queryCode: req.query.code, today: ctx.today() })
      if (!s) throw new NotFoundError('申请')
      const { queryCode, receivedOn, dueBy, provisional, agencyName } = s
      const issuedOn = ctx.today()
      return sendHtml(reply, ReceiptPage({ queryCode, receivedOn, dueBy, provisional, agencyName, issuedOn }))
    },
  )

  app.get(
    '/apply/status',
    { schema: { querystring: statusQuery }, config: { permission: 'public' } },
    async (req, reply) => {
      const code = req.query.code.trim().toUpperCase()
      if (code) await lookup(req, reply)
      return statusPage(req, reply, code, {
        supplementSent: req.query.sent === 'supplement',
        codeSent: req.query.sent === 'code',
      })
    },
  )

  app.post(
    '/apply/supplement',
    { schema: { body: applyFormBody }, config: { permission: 'public' }, preValidation: lookup },
    async (req, reply) => {
      const { fields, files } = req.body
      const code = (fields.code ?? '').trim().toUpperCase()
      const who = { store: ctx.store, actor: publicActor(req.ip), today: ctx.today(), at: timeOfDay(ctx) }
      try {
        await submitOnlineSupplement({ ...who, input: fields, files })
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err
        return statusPage(req, reply, code, { supplementErrors: err.errors }, 400)
      }
      return reply.redirect(`/apply/status?code=${encodeURIComponent(code)}&sent=supplement`, 303)
    },
  )

  app.post(
    '/apply/status/code',
    { schema: { body: verifyForm }, config: { permission: 'public' }, preValidation: lookup },
    async (req, reply) => {
      const code = req.body.code.trim().toUpperCase()
      try {
        await sendDownloadCode({ store: ctx.store, actor: publicActor(req.ip), queryCode: code, now: now() })
      } catch (err) {
        if (!(err instanceof ValidationError) && !(err instanceof TooManyRequests)) throw err
        const message = err instanceof ValidationError ? err.errors : [{ field: 'answer', message: err.message }]
        return statusPage(req, reply, code, { verifyErrors: message }, 400)
      }
      return reply.redirect(`/apply/status?code=${encodeURIComponent(code)}&sent=code#files`, 303)
    },
  )

  app.post(
    '/apply/status/verify',
    { schema: { body: verifyForm }, config: { permission: 'public' }, preValidation: lookup },
    async (req, reply) => {
      const code = req.body.code.trim().toUpperCase()
      try {
        const token = await grantDownload({ store: ctx.store, input: req.body, now: now() })
        void reply.setCookie(GRANT_COOKIE, token, { path: '/apply', httpOnly: true, sameSite: 'lax', maxAge: 1800 })
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err
        return statusPage(req, reply, code, { verifyErrors: err.errors }, 400)
      }
      return reply.redirect(`/apply/status?code=${encodeURIComponent(code)}#files`, 303)
    },
  )

  app.get(
    '/apply/files/:fileId',
    {
      schema: { params: fileIdParams, querystring: codeQuery },
      config: { permission: 'public' },
      preValidation: lookup,
    },
    async (req, reply) => {
      const f = await downloadDisclosedFile({
        store: ctx.store,
        actor: publicActor(req.ip),
        queryCode: req.query.code,
        grant: req.cookies[GRANT_COOKIE] ?? '',
        fileId: req.params.fileId,
        today: ctx.today(),
        now: now(),
      })
      return sendFile(reply, f)
    },
  )
}
