import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { publicActor } from '../../services/actor.js'
import { NotFoundError, TooManyRequests, ValidationError } from '../../services/errors.js'
import { publicCaseStatus } from '../../services/cases/publicCaseStatus.js'
import { receivingAgencies } from '../../services/cases/receivingAgencies.js'
import {
  submitOnlineApplication,
  UPLOAD_LIMIT_BYTES,
  UPLOAD_MAX_FILES,
} from '../../services/cases/submitOnlineApplication.js'
import { hitRateLimit } from '../../services/rateLimits.js'
import type { AppContext } from '../context.js'
import { timeOfDay } from '../context.js'
import { answerOf } from '../errors.js'
import { presentPublicStatus, publicStatusJson, receiptJson } from '../presenters/publicStatus.js'
import { ApplyFormPage } from '../views/apply/ApplyPages.js'
import { sendHtml } from './consoleSupport.js'
import { agencyQuery, applyFormBody, applyJsonBody, JSON_ONLY, queryCodeParams } from './publicApply.schema.js'

/** Submissions per address per window; status look-ups too (query codes are not for guessing). */
function applyRate(env: NodeJS.ProcessEnv = process.env) {
  return {
    submit: {
      limit: Number(env.GONGKAI_APPLY_RATE_LIMIT ?? 20),
      windowMs: Number(env.GONGKAI_APPLY_RATE_WINDOW_MS ?? 10 * 60_000),
    },
    lookup: { limit: Number(env.GONGKAI_STATUS_RATE_LIMIT ?? 120), windowMs: 60_000 },
  }
}

const TOO_LARGE = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT'])

/** Each uploaded file, read whole, as the form's body carries it (publicApply.schema.ts uploadPart). */
async function onFile(part: MultipartFile) {
  const data = await part.toBuffer()
  Object.assign(part, { value: { fileName: part.filename, data } })
}

export const publicApplyRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  await plugin.register(formbody)
  await plugin.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile,
    limits: { fileSize: UPLOAD_LIMIT_BYTES, files: UPLOAD_MAX_FILES, fields: 40, fieldSize: 20_000 },
  })
  const app = plugin.withTypeProvider<ZodTypeProvider>()

  const limit = (kind: 'submit' | 'lookup') => async (req: FastifyRequest, reply: FastifyReply) => {
    const r = applyRate()[kind]
    const v = await hitRateLimit(ctx.store.db, `${kind}:${req.ip}`, r.limit, r.windowMs)
    if (v.allowed) return
    reply.header('retry-after', String(v.retryAfter))
    throw new TooManyRequests(v.retryAfter)
  }
  const form = async (reply: FastifyReply, status = 200, values?: Record<string, string>, errors?: ErrorList) =>
    sendHtml(
      reply,
      ApplyFormPage({ csrf: reply.generateCsrf(), agencies: await receivingAgencies(ctx.store), values, errors }),
      status,
    )

  // too large an upload, too many submissions: the form again (or the API's errors), with the catalog's status
  app.setErrorHandler(async (err: Error & { code?: string }, req, reply) => {
    const tooLarge = TOO_LARGE.has(err.code ?? '')
    if (!tooLarge && !(err instanceof TooManyRequests)) throw err
    const message = tooLarge
      ? `上传的文件过大或过多（每个不超过${UPLOAD_LIMIT_BYTES / 1024 / 1024}MB，最多${UPLOAD_MAX_FILES}个）`
      : err.message
    const status = tooLarge ? 413 : answerOf(err).status
    if (req.url.startsWith('/api/'))
      return reply.status(status).send({ errors: [{ field: tooLarge ? 'files' : '(整体)', message }] })
    return form(reply, status, undefined, [{ field: 'files', message }])
  })

  app.get('/apply', { schema: { querystring: agencyQuery }, config: { permission: 'public' } }, async (req, reply) =>
    form(reply, 200, req.query.agency ? { agency: req.query.agency } : undefined),
  )

  app.post(
    '/apply',
    { schema: { body: applyFormBody }, config: { permission: 'public' }, preValidation: limit('submit') },
    async (req, reply) => {
      const { fields, files } = req.body
      try {
        const at = timeOfDay(ctx)
        const input = { store: ctx.store, actor: publicActor(req.ip), input: fields, files, today: ctx.today(), at }
        const receipt = await submitOnlineApplication(input)
        return reply.redirect(`/apply/receipt?code=${receipt.queryCode}`, 303)
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err
        return form(reply, 400, fields, err.errors)
      }
    },
  )

  app.post(
    '/api/public/applications',
    {
      schema: { body: applyJsonBody, response: { 201: receiptJson } },
      config: { permission: 'public', csrf: false },
      preValidation: limit('submit'),
    },
    async (req, reply) => {
      if (req.isMultipart()) throw new ValidationError([{ field: '(整体)', message: JSON_ONLY }])
      const at = timeOfDay(ctx)
      const input = { store: ctx.store, actor: publicActor(req.ip), input: req.body, files: [], today: ctx.today(), at }
      const r = await submitOnlineApplication(input)
      return reply.status(201).send({ queryCode: r.queryCode, receivedOn: r.receivedOn, dueBy: r.dueBy })
    },
  )

  app.get(
    '/api/public/applications/:queryCode',
    {
      schema: { params: queryCodeParams, response: { 200: publicStatusJson } },
      config: { permission: 'public' },
      preValidation: limit('lookup'),
    },
    async (req) => {
      const s = await publicCaseStatus({ store: ctx.store, queryCode: req.params.queryCode, today: ctx.today() })
      if (!s) throw new NotFoundError('该查询码对应的申请')
      return presentPublicStatus(s)
    },
  )
}

type ErrorList = { field: string; message: string }[]
