// 年报体检: the public page that reads a pasted or uploaded annual report and shows what does not add
// up; and the console page where supervisors check many files at once and download a CSV.
import multipart from '@fastify/multipart'
import type { MultipartFile, MultipartValue } from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { auditReport } from '../../audit/audit.js'
import { auditCsv, type AuditedFile } from '../../audit/csv.js'
import { REPORT_FILE_LIMIT_BYTES, reportText, UnsupportedReportFile } from '../../audit/upload.js'
import { hitRateLimit } from '../auth/rateLimit.js'
import type { AppContext } from '../context.js'
import { AuditFormPage, AuditResultPage, SupervisorAuditPage } from '../views/audit/AuditPages.js'
import { pageContext, sendHtml } from './consoleSupport.js'

const LIMIT_MB = REPORT_FILE_LIMIT_BYTES / 1024 / 1024
const MAX_FILES = 200
/** whole request: one report for the public page, MAX_FILES small pages for supervisors */
const PUBLIC_BODY_LIMIT = REPORT_FILE_LIMIT_BYTES * 2 + 64 * 1024
const SUPERVISOR_BODY_LIMIT = 64 * 1024 * 1024
const PUBLIC_RATE = { limit: 30, windowMs: 60_000 }

interface Parts {
  fields: Record<string, string>
  files: { name: string; data: Buffer }[]
}

async function partsOf(req: FastifyRequest): Promise<Parts> {
  const out: Parts = { fields: {}, files: [] }
  if (!req.isMultipart()) {
    for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>))
      if (typeof v === 'string') out.fields[k] = v
    return out
  }
  for (const raw of Object.values((req.body ?? {}) as Record<string, unknown>)) {
    for (const part of [raw].flat() as (MultipartFile | MultipartValue)[]) {
      if (part && typeof part === 'object' && 'file' in part) {
        const data = await part.toBuffer()
        if (part.filename && data.length > 0) out.files.push({ name: part.filename, data })
      } else if (part && typeof part === 'object' && 'value' in part) {
        out.fields[part.fieldname] = String(part.value)
      }
    }
  }
  return out
}

function tooLarge(err: Error & { code?: string }): boolean {
  return [
    'FST_REQ_FILE_TOO_LARGE',
    'FST_FILES_LIMIT',
    'FST_PARTS_LIMIT',
    'FST_FIELDS_LIMIT',
    'FST_REQ_BODY_TOO_LARGE',
  ].includes(err.code ?? '')
}

function checkLength(req: FastifyRequest, limit: number): void {
  const n = Number(req.headers['content-length'] ?? NaN)
  if (req.method === 'POST' && (!Number.isFinite(n) || n > limit)) {
    throw Object.assign(new Error('请求体过大或未声明长度'), { code: 'FST_REQ_BODY_TOO_LARGE' })
  }
}

export const auditReportRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: REPORT_FILE_LIMIT_BYTES, files: MAX_FILES, fields: 10, fieldSize: REPORT_FILE_LIMIT_BYTES },
  })

  const formPage = (reply: FastifyReply, error?: string, status = 200) =>
    sendHtml(reply, AuditFormPage({ csrf: reply.generateCsrf(), error, limitMb: LIMIT_MB }), status)

  app.setErrorHandler(async (err: Error & { code?: string }, req, reply) => {
    if (!tooLarge(err)) throw err
    const message = `上传内容过大：每份报告不超过${LIMIT_MB}MB${req.url.startsWith('/console') ? `，最多${MAX_FILES}份` : ''}`
    if (req.url.startsWith('/console')) {
      return sendHtml(
        reply,
        SupervisorAuditPage({
          page: await pageContext(ctx, req, reply),
          error: message,
          limitMb: LIMIT_MB,
          maxFiles: MAX_FILES,
        }),
        413,
      )
    }
    return formPage(reply, message, 413)
  })

  app.get('/report-check', { config: { permission: 'public' } }, async (_req, reply) => formPage(reply))

  app.post(
    '/report-check',
    { config: { permission: 'public' }, onRequest: async (req) => checkLength(req, PUBLIC_BODY_LIMIT) },
    async (req, reply) => {
      const rate = await hitRateLimit(ctx.store.db, `report-check:${req.ip}`, PUBLIC_RATE.limit, PUBLIC_RATE.windowMs)
      if (!rate.allowed) {
        reply.header('retry-after', String(rate.retryAfter))
        return formPage(reply, `检查过于频繁，请 ${rate.retryAfter} 秒后再试`, 429)
      }
      const { fields, files } = await partsOf(req)
      let text = (fields.text ?? '').trim()
      let source = '粘贴的文字'
      const file = files[0]
      if (file) {
        try {
          text = await reportText(file.name, file.data)
          source = `上传的文件“${file.name}”`
        } catch (err) {
          if (err instanceof UnsupportedReportFile) return formPage(reply, err.message, 415)
          throw err
        }
      }
      if (text === '') return formPage(reply, '请粘贴报告全文或上传报告文件（text 或 file）', 400)
      const report = auditReport(text)
      return sendHtml(reply, AuditResultPage({ report, source, csrf: reply.generateCsrf(), limitMb: LIMIT_MB }))
    },
  )

  app.get('/console/report-check', { config: { permission: 'console.view' } }, async (req, reply) =>
    sendHtml(
      reply,
      SupervisorAuditPage({ page: await pageContext(ctx, req, reply), limitMb: LIMIT_MB, maxFiles: MAX_FILES }),
    ),
  )

  app.post(
    '/console/report-check',
    { config: { permission: 'console.view' }, onRequest: async (req) => checkLength(req, SUPERVISOR_BODY_LIMIT) },
    async (req, reply) => {
      const { files } = await partsOf(req)
      if (files.length === 0) {
        return sendHtml(
          reply,
          SupervisorAuditPage({
            page: await pageContext(ctx, req, reply),
            error: '请选择要检查的报告文件（files）',
            limitMb: LIMIT_MB,
            maxFiles: MAX_FILES,
          }),
          400,
        )
      }
      const audited: AuditedFile[] = []
      for (const f of files) {
        try {
          audited.push({ file: f.name, report: auditReport(await reportText(f.name, f.data)) })
        } catch (err) {
          if (!(err instanceof UnsupportedReportFile)) throw err
          audited.push({ file: f.name, error: err.message })
        }
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="report-check.csv"; filename*=UTF-8''${encodeURIComponent('年报体检.csv')}`,
        )
        .header('cache-control', 'no-store')
        .send(auditCsv(audited))
    },
  )
}
