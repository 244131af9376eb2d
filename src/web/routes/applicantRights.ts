import formbody from '@fastify/formbody'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { publicActor } from '../../services/actor.js'
import { applicantOwnData } from '../../services/applicantRights/applicantOwnData.js'
import { exportApplicantData } from '../../services/applicantRights/exportApplicantData.js'
import { heldDataExport } from '../../services/applicantRights/heldData.js'
import { grantDownload, sendDownloadCode } from '../../services/cases/grantDownload.js'
import { Forbidden, TooManyRequests, ValidationError } from '../../services/errors.js'
import type { FieldProblem } from '../../services/errors.js'
import { hitRateLimit } from '../../services/rateLimits.js'
import type { AppContext } from '../context.js'
import { MyDataPage } from '../views/applicantRights/MyDataPage.js'
import { StaffHeldDataPage } from '../views/applicantRights/StaffHeldDataPage.js'
import { pageContext, requestActor, sendHtml } from './consoleSupport.js'
import { idParams } from './formSchemas.js'
import { statusQuery, verifyForm } from './publicApply.schema.js'

// the same cookie as the status page's downloads: one proof of the second factor serves both for 30 minutes
const GRANT_COOKIE = 'gk_dl'

const jsonDownload = (reply: FastifyReply, name: string, body: unknown) =>
  reply
    .type('application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(JSON.stringify(body, null, 2))

/**
 * The applicant's rights (issue 17 point 5): 我的个人信息 on the portal, behind the query code and the second
 * factor of the status page; and the staff's export of a case's applicant data (JSON and a printable page).
 */
export const applicantRightsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  await plugin.register(formbody)
  const app = plugin.withTypeProvider<ZodTypeProvider>()
  const now = () => (ctx.now ? ctx.now() : new Date())

  const lookup = async (req: FastifyRequest, reply: FastifyReply) => {
    const v = await hitRateLimit(
      ctx.store.db,
      `lookup:${req.ip}`,
      Number(process.env.GONGKAI_STATUS_RATE_LIMIT ?? 120),
      60_000,
    )
    if (v.allowed) return
    reply.header('retry-after', String(v.retryAfter))
    throw new TooManyRequests(v.retryAfter)
  }

  const ownData = (req: FastifyRequest, code: string, download = false) =>
    applicantOwnData({
      store: ctx.store,
      actor: publicActor(req.ip),
      queryCode: code,
      grant: req.cookies[GRANT_COOKIE] ?? '',
      download,
      now: now(),
    })

  const myPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    o: { errors?: FieldProblem[]; codeSent?: boolean } = {},
  ) =>
    sendHtml(
      reply,
      MyDataPage({ data: await ownData(req, code), csrf: reply.generateCsrf(), ...o }),
      o.errors ? 400 : 200,
    )

  app.get(
    '/apply/me',
    { schema: { querystring: statusQuery }, config: { permission: 'public' }, preValidation: lookup },
    async (req, reply) => {
      if (!req.query.code.trim()) return reply.redirect('/apply/status', 303)
      return myPage(req, reply, req.query.code, { codeSent: req.query.sent === 'code' })
    },
  )

  app.post(
    '/apply/me/code',
    { schema: { body: verifyForm }, config: { permission: 'public' }, preValidation: lookup },
    async (req, reply) => {
      const code = req.body.code.trim().toUpperCase()
      try {
        await sendDownloadCode({
          store: ctx.store,
          actor: publicActor(req.ip),
          queryCode: code,
          now: now(),
          anyState: true,
        })
      } catch (err) {
        if (!(err instanceof ValidationError) && !(err instanceof TooManyRequests)) throw err
        const errors = err instanceof ValidationError ? err.errors : [{ field: 'answer', message: err.message }]
        return myPage(req, reply, code, { errors })
      }
      return reply.redirect(`/apply/me?code=${encodeURIComponent(code)}&sent=code`, 303)
    },
  )

  app.post(
    '/apply/me/verify',
    { schema: { body: verifyForm }, config: { permission: 'public' }, preValidation: lookup },
    async (req, reply) => {
      const code = req.body.code.trim().toUpperCase()
      try {
        const token = await grantDownload({ store: ctx.store, input: req.body, now: now(), anyState: true })
        void reply.setCookie(GRANT_COOKIE, token, { path: '/apply', httpOnly: true, sameSite: 'lax', maxAge: 1800 })
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err
        return myPage(req, reply, code, { errors: err.errors })
      }
      return reply.redirect(`/apply/me?code=${encodeURIComponent(code)}`, 303)
    },
  )

  app.get(
    '/apply/me/export.json',
    { schema: { querystring: statusQuery }, config: { permission: 'public' }, preValidation: lookup },
    async (req, reply) => {
      const d = await ownData(req, req.query.code, true)
      if (d.locked) throw new Forbidden('请先完成身份验证再下载')
      return jsonDownload(reply, `personal-data-${d.queryCode}.json`, heldDataExport(d.held, now()))
    },
  )

  const staffExport = (req: FastifyRequest, id: number, form: 'json' | 'page') =>
    exportApplicantData({ store: ctx.store, actor: requestActor(req), applicationId: id, form })

  app.get(
    '/console/applications/:id/personal-data',
    { schema: { params: idParams }, config: { permission: 'case.read', resource: 'application' } },
    async (req, reply) => {
      const h = await staffExport(req, req.params.id, 'page')
      const page = await pageContext(ctx, req, reply)
      return sendHtml(reply.header('cache-control', 'no-store'), StaffHeldDataPage({ page, id: req.params.id, h }))
    },
  )

  app.get(
    '/console/applications/:id/personal-data.json',
    { schema: { params: idParams }, config: { permission: 'case.read', resource: 'application' } },
    async (req, reply) => {
      const h = await staffExport(req, req.params.id, 'json')
      return jsonDownload(reply, `applicant-${req.params.id}.json`, heldDataExport(h, now()))
    },
  )
}
