import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { VNode } from 'preact'
import {
  enterAccountPosts,
  enterChannelCounts,
  importChannelFile,
  registerAccount,
} from '../../services/interaction/channelCounts.js'
import { recordConcernResponse } from '../../services/interaction/concernResponses.js'
import {
  closeConsultation,
  consultationForStaff,
  moderateComment,
  openConsultation,
} from '../../services/interaction/consultations.js'
import {
  channelsAndAccountsPage,
  consultationsPage,
  responsesPage,
  surveysPage,
} from '../../services/interaction/pages.js'
import { createSurvey, exportSurvey, issueSurveyCodes, surveyForStaff } from '../../services/interaction/surveys.js'
import type { AppContext } from '../context.js'
import { presentListed, presentResponse } from '../presenters/interaction.js'
import { ChannelsStaffPage, ResponsesStaffPage } from '../views/interaction/ChannelStaffPages.js'
import {
  ConsultationsStaffPage,
  ConsultationStaffPage,
  SurveysStaffPage,
  SurveyStaffPage,
} from '../views/interaction/StaffPages.js'
import { formProblems, pageContext, requestActor, sendHtml } from './consoleSupport.js'
import * as s from './interaction.schema.js'

type Errors = { field: string; message: string }[]
type Values = Record<string, unknown>
const READ = { permission: 'interaction.read' as const }
const MANAGE = { permission: 'interaction.manage' as const }

async function onFile(part: MultipartFile) {
  const data = await part.toBuffer()
  Object.assign(part, { value: { fileName: part.filename, data } })
}

/** The console's consultations, surveys, responses to public concern, other channels and accounts. */
export const interactionParticipationRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  await plugin.register(formbody)
  await plugin.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile,
    limits: { fileSize: 2 * 1024 * 1024, files: 1, fields: 10 },
  })
  const app = plugin.withTypeProvider<ZodTypeProvider>()
  const store = ctx.store
  const actorOf = requestActor

  /** A console form: run the use case, then `done`'s page; or the form's page again with its errors. */
  const post =
    (
      run: (req: FastifyRequest, form: Values) => Promise<unknown>,
      done: (req: FastifyRequest, result: unknown) => string,
      again: (req: FastifyRequest, reply: FastifyReply, values: Values, errors: Errors) => Promise<unknown>,
    ) =>
    async (req: FastifyRequest<{ Body: Values }>, reply: FastifyReply) => {
      const { _csrf, ...form } = req.body
      try {
        const result = await run(req, form)
        return reply.redirect(done(req, result), 303)
      } catch (err) {
        return again(req, reply, form, formProblems(err))
      }
    }

  /** A use case creating a record for an agency the form names (a system administrator picks one). */
  const forAgency =
    <R>(
      run: (p: { store: typeof store; actor: ReturnType<typeof actorOf>; agencyId: number | null; form: Values }) => R,
    ) =>
    (req: FastifyRequest, form: Values) =>
      run({ store, actor: actorOf(req), agencyId: s.agencyField(String(form.agency ?? '')), form })
  const show = (reply: FastifyReply, node: VNode, errors?: Errors) => sendHtml(reply, node, errors ? 400 : 200)

  const consultations = async (req: FastifyRequest, reply: FastifyReply, values?: Values, errors?: Errors) => {
    const d = await consultationsPage({ store, actor: actorOf(req) })
    const view = { page: await pageContext(ctx, req, reply), agencies: d.agencies, items: d.items.map(presentListed) }
    return show(reply, ConsultationsStaffPage({ ...view, values, errors }), errors)
  }
  app.get('/console/interaction/consultations', { config: READ }, (req, reply) => consultations(req, reply))
  app.post(
    '/console/interaction/consultations',
    { schema: { body: s.consultationBody }, config: MANAGE },
    post(forAgency(openConsultation), (_req, id) => `/console/interaction/consultations/${String(id)}`, consultations),
  )

  const consultation = async (req: FastifyRequest, reply: FastifyReply, id: number, errors?: Errors) => {
    const d = await consultationForStaff({ store, actor: actorOf(req), id })
    const page = await pageContext(ctx, req, reply)
    return show(reply, ConsultationStaffPage({ page, ...d, errors }), errors)
  }
  app.get('/console/interaction/consultations/:id', { schema: { params: s.idParams }, config: READ }, (req, reply) =>
    consultation(req, reply, req.params.id),
  )
  app.post(
    '/console/interaction/consultations/:id/close',
    { schema: { params: s.idParams, body: s.closeBody }, config: MANAGE },
    async (req, reply) => {
      const { _csrf, ...form } = req.body
      try {
        await closeConsultation({ store, actor: actorOf(req), consultationId: req.params.id, form, today: ctx.today() })
      } catch (err) {
        return consultation(req, reply, req.params.id, formProblems(err))
      }
      return reply.redirect(`/console/interaction/consultations/${req.params.id}`, 303)
    },
  )
  app.post(
    '/console/interaction/comments/:id',
    { schema: { params: s.idParams, body: s.moderateBody }, config: MANAGE },
    async (req, reply) => {
      const { _csrf, ...form } = req.body
      const consultationId = await moderateComment({ store, actor: actorOf(req), commentId: req.params.id, form })
      return reply.redirect(`/console/interaction/consultations/${consultationId}#cm${req.params.id}`, 303)
    },
  )

  const surveys = async (req: FastifyRequest, reply: FastifyReply, values?: Values, errors?: Errors) => {
    const d = await surveysPage({ store, actor: actorOf(req) })
    const view = { page: await pageContext(ctx, req, reply), agencies: d.agencies, items: d.items.map(presentListed) }
    return show(reply, SurveysStaffPage({ ...view, values, errors }), errors)
  }
  app.get('/console/interaction/surveys', { config: READ }, (req, reply) => surveys(req, reply))
  app.post(
    '/console/interaction/surveys',
    { schema: { body: s.surveyCreateBody }, config: MANAGE },
    post(forAgency(createSurvey), (_req, id) => `/console/interaction/surveys/${String(id)}`, surveys),
  )

  const survey = async (req: FastifyRequest, reply: FastifyReply, id: number, newCodes?: string[], errors?: Errors) => {
    const d = await surveyForStaff({ store, actor: actorOf(req), surveyId: id, today: ctx.today() })
    const view = {
      survey: { id: d.survey.id, title: d.survey.title, opensOn: d.survey.opens_on, closesOn: d.survey.closes_on },
    }
    const page = await pageContext(ctx, req, reply)
    return show(
      reply,
      SurveyStaffPage({ page, ...view, answerCount: d.answerCount, codes: d.codes, newCodes, errors }),
      errors,
    )
  }
  app.get('/console/interaction/surveys/:id', { schema: { params: s.idParams }, config: READ }, (req, reply) =>
    survey(req, reply, req.params.id),
  )
  app.post(
    '/console/interaction/surveys/:id/codes',
    { schema: { params: s.idParams, body: s.codesBody }, config: MANAGE },
    async (req, reply) => {
      const { _csrf, ...form } = req.body
      try {
        const codes = await issueSurveyCodes({ store, actor: actorOf(req), surveyId: req.params.id, form })
        return await survey(req, reply, req.params.id, codes)
      } catch (err) {
        return survey(req, reply, req.params.id, undefined, formProblems(err))
      }
    },
  )
  app.get(
    '/console/interaction/surveys/:id/export.xlsx',
    { schema: { params: s.idParams }, config: READ },
    async (req, reply) => {
      const f = await exportSurvey({ store, actor: actorOf(req), surveyId: req.params.id })
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .send(f.data)
    },
  )

  const responses = async (req: FastifyRequest, reply: FastifyReply, values?: Values, errors?: Errors) => {
    const d = await responsesPage({ store, actor: actorOf(req) })
    const view = {
      page: await pageContext(ctx, req, reply),
      agencies: d.agencies,
      responses: d.responses.map(presentResponse),
    }
    return show(reply, ResponsesStaffPage({ ...view, values, errors }), errors)
  }
  app.get('/console/interaction/responses', { config: READ }, (req, reply) => responses(req, reply))
  app.post(
    '/console/interaction/responses',
    { schema: { body: s.responseBody }, config: MANAGE },
    post(
      forAgency((p) => recordConcernResponse({ ...p, today: ctx.today() })),
      () => '/console/interaction/responses',
      responses,
    ),
  )

  const channels = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values?: Values,
    errors?: Errors,
    saved?: boolean,
  ) => {
    const d = await channelsAndAccountsPage({ store, actor: actorOf(req), today: ctx.today() })
    const page = await pageContext(ctx, req, reply)
    return show(reply, ChannelsStaffPage({ page, ...d, values, errors, saved }), errors)
  }
  app.get('/console/interaction/channels', { schema: { querystring: s.sentQuery }, config: READ }, (req, reply) =>
    channels(req, reply, undefined, undefined, req.query.sent === '1'),
  )
  const backToChannels = () => '/console/interaction/channels?sent=1'
  app.post(
    '/console/interaction/channels',
    { schema: { body: s.channelBody }, config: MANAGE },
    post(
      forAgency(({ form, ...p }) => enterChannelCounts({ ...p, rows: [form] })),
      backToChannels,
      channels,
    ),
  )
  app.post(
    '/console/interaction/channels/import',
    { schema: { body: s.importBody }, config: MANAGE },
    async (req, reply) => {
      const { agency, file } = req.body
      try {
        await importChannelFile({ store, actor: actorOf(req), agencyId: s.agencyField(agency), file })
      } catch (err) {
        return channels(req, reply, { agency }, formProblems(err))
      }
      return reply.redirect(backToChannels(), 303)
    },
  )
  app.post(
    '/console/interaction/accounts',
    { schema: { body: s.accountBody }, config: MANAGE },
    post(forAgency(registerAccount), backToChannels, channels),
  )
  app.post(
    '/console/interaction/accounts/:id/posts',
    { schema: { params: s.idParams, body: s.postsBody }, config: MANAGE },
    async (req, reply) => {
      const { _csrf, ...form } = req.body
      try {
        await enterAccountPosts({ store, actor: actorOf(req), accountId: req.params.id, form })
      } catch (err) {
        return channels(req, reply, form, formProblems(err))
      }
      return reply.redirect(backToChannels(), 303)
    },
  )
}
