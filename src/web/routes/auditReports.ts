// 年报体检: the public page that reads a pasted or uploaded annual report and shows what does not add
// up; and the console page where supervisors check many files at once and download a CSV.
import multipart from '@fastify/multipart'
import type { MultipartFile, MultipartValue } from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { REPORT_FILE_LIMIT_BYTES } from '../../audit/upload.js'
import { TooManyRequests } from '../../services/errors.js'
import { checkReport, checkReportFiles } from '../../services/report/checkReports.js'
import { closeReportCheckPool } from '../../services/report/reportCheckPool.js'
import type { UploadedFile } from '../../services/report/checkReports.js'
import type { AppContext } from '../context.js'
import { answerOf } from '../errors.js'
import type { ErrorCode } from '../errors.js'
import { AuditFormPage, AuditResultPage, SupervisorAuditPage } from '../views/audit/AuditPages.js'
import { reportCheckBody } from './auditReports.schema.js'
import { pageContext, requestActor, sendHtml } from './consoleSupport.js'

const LIMIT_MB = REPORT_FILE_LIMIT_BYTES / 1024 / 1024
const MAX_FILES = 200
/** whole request: one report for the public page, MAX_FILES small pages for supervisors */
const PUBLIC_BODY_LIMIT = REPORT_FILE_LIMIT_BYTES * 2 + 64 * 1024
const SUPERVISOR_BODY_LIMIT = 64 * 1024 * 1024
/** the refusals the pages show on their form (anything else answers as every route does) */
const SHOWN_ON_FORM = new Set<ErrorCode>([
  'VALIDATION',
  'UNSUPPORTED_MEDIA_TYPE',
  'TOO_MANY_REQUESTS',
  'PAYLOAD_TOO_LARGE',
  'REPORT_TOO_COMPLEX',
  'REPORT_CHECK_TIMEOUT',
])

interface Parts {
  fields: Record<string, string>
  files: UploadedFile[]
}

const isPart = (x: unknown): x is MultipartFile | MultipartValue =>
  typeof x === 'object' && x !== null && 'fieldname' in x

/** The text fields and the non-empty files of a multipart (or urlencoded) form. */
async function partsOf(req: FastifyRequest, body: Record<string, unknown> = {}): Promise<Parts> {
  const out: Parts = { fields: {}, files: [] }
  if (!req.isMultipart()) {
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out.fields[k] = v
    return out
  }
  for (const part of Object.values(body).flat().filter(isPart)) {
    if (part.type === 'file') {
      const data = await part.toBuffer()
      if (part.filename && data.length > 0) out.files.push({ name: part.filename, data })
    } else out.fields[part.fieldname] = String(part.value)
  }
  return out
}

function checkLength(req: FastifyRequest, limit: number): void {
  const n = Number(req.headers['content-length'] ?? NaN)
  if (req.method === 'POST' && (!Number.isFinite(n) || n > limit)) {
    throw Object.assign(new Error('请求体过大或未声明长度'), { code: 'FST_REQ_BODY_TOO_LARGE', statusCode: 413 })
  }
}

export const auditReportRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: REPORT_FILE_LIMIT_BYTES, files: MAX_FILES, fields: 10, fieldSize: REPORT_FILE_LIMIT_BYTES },
  })
  const r = app.withTypeProvider<ZodTypeProvider>()
  app.addHook('onClose', closeReportCheckPool)

  const formPage = (reply: FastifyReply, error?: string, status = 200) =>
    sendHtml(reply, AuditFormPage({ csrf: reply.generateCsrf(), error, limitMb: LIMIT_MB }), status)
  const supervisorPage = async (req: FastifyRequest, reply: FastifyReply, error?: string, status = 200) => {
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, SupervisorAuditPage({ page, error, limitMb: LIMIT_MB, maxFiles: MAX_FILES }), status)
  }

  // a refusal the form can explain is shown on the form, in the catalog's status
  app.setErrorHandler(async (err, req, reply) => {
    const answer = answerOf(err)
    if (!SHOWN_ON_FORM.has(answer.code)) throw err
    const supervisor = req.url.startsWith('/console')
    const message =
      answer.code === 'PAYLOAD_TOO_LARGE'
        ? `上传内容过大：每份报告不超过${LIMIT_MB}MB${supervisor ? `，最多${MAX_FILES}份` : ''}`
        : answer.message
    if (err instanceof TooManyRequests) void reply.header('retry-after', String(err.retryAfter))
    return supervisor ? supervisorPage(req, reply, message, answer.status) : formPage(reply, message, answer.status)
  })

  r.get('/report-check', { config: { permission: 'public' } }, async (_req, reply) => formPage(reply))

  r.post(
    '/report-check',
    {
      config: { permission: 'public' },
      schema: { body: reportCheckBody },
      onRequest: async (req) => checkLength(req, PUBLIC_BODY_LIMIT),
    },
    async (req, reply) => {
      const { fields, files } = await partsOf(req, req.body)
      const actor = requestActor(req)
      const { report, source } = await checkReport({ store: ctx.store, actor, text: fields.text ?? '', file: files[0] })
      return sendHtml(reply, AuditResultPage({ report, source, csrf: reply.generateCsrf(), limitMb: LIMIT_MB }))
    },
  )

  r.get('/console/report-check', { config: { permission: 'console.view' } }, async (req, reply) =>
    supervisorPage(req, reply),
  )

  r.post(
    '/console/report-check',
    {
      config: { permission: 'console.view' },
      schema: { body: reportCheckBody },
      onRequest: async (req) => checkLength(req, SUPERVISOR_BODY_LIMIT),
    },
    async (req, reply) => {
      const { files } = await partsOf(req, req.body)
      const csv = await checkReportFiles({ actor: requestActor(req), files })
      const name = encodeURIComponent('年报体检.csv')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="report-check.csv"; filename*=UTF-8''${name}`)
        .header('cache-control', 'no-store')
        .send(csv)
    },
  )
}
