import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import type { MultipartFile, MultipartValue } from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { outcomeLabel, isOutcomeCode } from '../../domain/application/outcomes.js'
import { stateLabel } from '../../domain/application/states.js'
import { loadCaseContext } from '../../services/caseContext.js'
import { ValidationError } from '../../services/errors.js'
import { buildLetter, caseLetters } from '../../services/letters/letters.js'
import { LetterHtml } from '../../services/letters/LetterHtml.js'
import { findApplicationByQueryCode } from '../../store/applicationRepo.js'
import type { Database } from '../../store/schema.js'
import type { Kysely } from 'kysely'
import { hitRateLimit } from '../auth/rateLimit.js'
import type { AppContext } from '../context.js'
import { NotFound } from '../errors.js'
import type { PublicStatus } from '../views/apply/ApplyPages.js'
import { ApplyFormPage, ReceiptPage, StatusPage } from '../views/apply/ApplyPages.js'
import { sendHtml } from './consoleSupport.js'
import type { Upload } from './publicApplySubmit.js'
import { submitOnlineApplication, UPLOAD_LIMIT_BYTES, UPLOAD_MAX_FILES } from './publicApplySubmit.js'

/** Submissions per address per window; status look-ups too (query codes are not for guessing). */
export function applyRate(env: NodeJS.ProcessEnv = process.env) {
  return {
    submit: {
      limit: Number(env.GONGKAI_APPLY_RATE_LIMIT ?? 20),
      windowMs: Number(env.GONGKAI_APPLY_RATE_WINDOW_MS ?? 10 * 60_000),
    },
    lookup: { limit: Number(env.GONGKAI_STATUS_RATE_LIMIT ?? 120), windowMs: 60_000 },
  }
}

const QUERY_CODE = /^[A-Z0-9]{6,16}$/

export class TooManyRequests extends Error {
  readonly code = 'TOO_MANY_REQUESTS'
  readonly statusCode = 429
  constructor(readonly retryAfter: number) {
    super(`提交过于频繁，请 ${retryAfter} 秒后再试`)
  }
}

async function limit(db: Kysely<Database>, req: FastifyRequest, reply: FastifyReply, kind: 'submit' | 'lookup') {
  const r = applyRate()[kind]
  const v = await hitRateLimit(db, `${kind}:${req.ip}`, r.limit, r.windowMs)
  if (!v.allowed) {
    reply.header('retry-after', String(v.retryAfter))
    throw new TooManyRequests(v.retryAfter)
  }
}

/** The case as the public sees it: stage, dates, outcome. Nothing personal. */
export async function publicStatus(
  db: Kysely<Database>,
  code: string,
  today: CalendarDay,
): Promise<PublicStatus | null> {
  if (!QUERY_CODE.test(code)) return null
  const row = await findApplicationByQueryCode(db, code)
  if (!row) return null
  const file = await loadCaseContext(db, Number(row.id), today)
  const agency = file.agency
  const replies = (await caseLetters(db, Number(row.id))).filter((l) => l.kind === 'reply')
  const o = file.clock.outcome
  return {
    queryCode: row.query_code,
    agencyName: agency.name,
    receivedOn: file.clock.receivedOn,
    stage: file.state,
    stageLabel: stateLabel(file.state),
    dueBy: file.clock.deadline?.day ?? null,
    // the mark belongs to the date shown: the deadline in force
    provisional: file.clock.deadline?.provisional ?? false,
    concludedOn: file.clock.concludedOn,
    outcome: o,
    outcomeLabel: o && isOutcomeCode(o) ? outcomeLabel(o) : null,
    replyLetterSeq: replies.length ? (replies[replies.length - 1]?.seq ?? null) : null,
  }
}

async function fieldsOf(body: Record<string, unknown>): Promise<{ fields: Record<string, string>; files: Upload[] }> {
  const fields: Record<string, string> = {}
  const files: Upload[] = []
  for (const [key, raw] of Object.entries(body)) {
    for (const part of [raw].flat() as (MultipartFile | MultipartValue)[]) {
      if (part && typeof part === 'object' && 'file' in part) {
        const buf = await (part as MultipartFile).toBuffer()
        if (part.filename && buf && buf.length) files.push({ field: key, fileName: part.filename, data: buf })
      } else if (part && typeof part === 'object' && 'value' in part) {
        fields[key] = String(part.value)
      }
    }
  }
  return { fields, files }
}

export const publicApplyRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(formbody)
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: UPLOAD_LIMIT_BYTES, files: UPLOAD_MAX_FILES, fields: 40, fieldSize: 20_000 },
  })

  const agencies = async () =>
    (await ctx.store.db.selectFrom('agencies').select(['code', 'name']).orderBy('id').execute()).map((a) => ({
      code: a.code,
      name: a.name,
    }))

  app.setErrorHandler(async (err: Error & { code?: string; statusCode?: number }, req, reply) => {
    const tooLarge =
      err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT' || err.code === 'FST_PARTS_LIMIT'
    if (!tooLarge && err.code !== 'TOO_MANY_REQUESTS') throw err
    const message = tooLarge
      ? `上传的文件过大或过多（每个不超过${UPLOAD_LIMIT_BYTES / 1024 / 1024}MB，最多${UPLOAD_MAX_FILES}个）`
      : err.message
    const status = tooLarge ? 413 : 429
    if (req.url.startsWith('/api/'))
      return reply.status(status).send({ errors: [{ field: tooLarge ? 'files' : '(整体)', message }] })
    return sendHtml(
      reply,
      ApplyFormPage({ csrf: reply.generateCsrf(), agencies: await agencies(), errors: [{ field: 'files', message }] }),
      status,
    )
  })

  app.get('/apply', { config: { permission: 'public' } }, async (_req, reply) => {
    return sendHtml(reply, ApplyFormPage({ csrf: reply.generateCsrf(), agencies: await agencies() }))
  })

  app.post('/apply', { config: { permission: 'public' } }, async (req, reply) => {
    await limit(ctx.store.db, req, reply, 'submit')
    const body = (req.body ?? {}) as Record<string, unknown>
    const { fields, files } = req.isMultipart()
      ? await fieldsOf(body)
      : { fields: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)])), files: [] }
    try {
      const input = Object.fromEntries(Object.entries(fields).filter(([k]) => k !== '_csrf'))
      const receipt = await submitOnlineApplication(ctx.store, input, files, { ip: req.ip }, ctx.today())
      return reply.redirect(`/apply/receipt?code=${receipt.queryCode}`, 303)
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      return sendHtml(
        reply,
        ApplyFormPage({ csrf: reply.generateCsrf(), agencies: await agencies(), values: fields, errors: err.errors }),
        400,
      )
    }
  })

  app.get<{ Querystring: { code?: string } }>(
    '/apply/receipt',
    { config: { permission: 'public' } },
    async (req, reply) => {
      await limit(ctx.store.db, req, reply, 'lookup')
      const s = await publicStatus(ctx.store.db, (req.query.code ?? '').trim().toUpperCase(), ctx.today())
      if (!s) throw new NotFound('申请')
      return sendHtml(
        reply,
        ReceiptPage({
          queryCode: s.queryCode,
          receivedOn: s.receivedOn,
          dueBy: s.dueBy,
          provisional: s.provisional,
          agencyName: s.agencyName,
        }),
      )
    },
  )

  app.get<{ Querystring: { code?: string } }>(
    '/apply/status',
    { config: { permission: 'public' } },
    async (req, reply) => {
      const code = (req.query.code ?? '').trim().toUpperCase()
      if (!code) return sendHtml(reply, StatusPage({ status: null, code: '' }))
      await limit(ctx.store.db, req, reply, 'lookup')
      const s = await publicStatus(ctx.store.db, code, ctx.today())
      if (!s) return sendHtml(reply, StatusPage({ status: null, code, notFound: true }), 404)
      const row = await findApplicationByQueryCode(ctx.store.db, code)
      const letter =
        s.replyLetterSeq !== null && row
          ? LetterHtml({ letter: await buildLetter(ctx.store.db, Number(row.id), s.replyLetterSeq, ctx.today()) })
          : undefined
      return sendHtml(reply, StatusPage({ status: s, code, letter }))
    },
  )

  app.post('/api/public/applications', { config: { permission: 'public', csrf: false } }, async (req, reply) => {
    await limit(ctx.store.db, req, reply, 'submit')
    if (!req.body || typeof req.body !== 'object' || req.isMultipart()) {
      return reply
        .status(400)
        .send({ errors: [{ field: '(整体)', message: '请求体应为 JSON 对象（Content-Type: application/json）' }] })
    }
    try {
      const r = await submitOnlineApplication(ctx.store, req.body, [], { ip: req.ip }, ctx.today())
      return reply.status(201).send({ queryCode: r.queryCode, receivedOn: r.receivedOn, dueBy: r.dueBy })
    } catch (err) {
      if (err instanceof ValidationError) return reply.status(400).send({ errors: err.errors })
      throw err
    }
  })

  app.get<{ Params: { queryCode: string } }>(
    '/api/public/applications/:queryCode',
    { config: { permission: 'public' } },
    async (req, reply) => {
      await limit(ctx.store.db, req, reply, 'lookup')
      const s = await publicStatus(ctx.store.db, req.params.queryCode.trim().toUpperCase(), ctx.today())
      if (!s) return reply.status(404).send({ error: '未找到该查询码对应的申请' })
      return {
        queryCode: s.queryCode,
        agency: s.agencyName,
        stage: s.stage,
        stageLabel: s.stageLabel,
        receivedOn: s.receivedOn,
        dueBy: s.dueBy,
        provisional: s.provisional,
        concludedOn: s.concludedOn,
        outcome: s.outcome,
        outcomeLabel: s.outcomeLabel,
      }
    },
  )
}
