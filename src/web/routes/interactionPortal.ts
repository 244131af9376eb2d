import formbody from '@fastify/formbody'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { publicActor } from '../../services/actor.js'
import { NotFoundError, TooManyRequests, ValidationError } from '../../services/errors.js'
import { receivingAgencies } from '../../services/cases/receivingAgencies.js'
import { concernResponses } from '../../services/interaction/concernResponses.js'
import {
  commentOnConsultation,
  publicConsultation,
  publicConsultations,
} from '../../services/interaction/consultations.js'
import { publishedLetters } from '../../services/interaction/letterDesk.js'
import { letterStatus, rateLetter } from '../../services/interaction/letterStatus.js'
import { submitLetter } from '../../services/interaction/submitLetter.js'
import { answerSurvey, publicSurvey, publicSurveys, surveyChart } from '../../services/interaction/surveys.js'
import { hitRateLimit } from '../../services/rateLimits.js'
import type { AppContext } from '../context.js'
import { presentConsultation, presentHub, presentPublished, presentResponse } from '../presenters/interaction.js'
import { LetterFormPage, LetterReceiptPage, LetterStatusPage } from '../views/interaction/LetterPages.js'
import { InteractionHome, ResponsesPage } from '../views/interaction/PortalPages.js'
import { ConsultationPage, SurveyPage, SurveyResultsPage } from '../views/interaction/ParticipationPages.js'
import { sendHtml } from './consoleSupport.js'
import * as s from './interaction.schema.js'

type Errors = { field: string; message: string }[]

/** The portal's 政民互动: letters, consultations, surveys, responses. Every form is shown again with its errors. */
export const interactionPortalRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  await plugin.register(formbody)
  const app = plugin.withTypeProvider<ZodTypeProvider>()
  const pub = { permission: 'public' as const }
  const limited = async (req: FastifyRequest, reply: FastifyReply) => {
    const v = await hitRateLimit(
      ctx.store.db,
      `interaction:${req.ip}`,
      Number(process.env.GONGKAI_APPLY_RATE_LIMIT ?? 20),
      10 * 60_000,
    )
    if (v.allowed) return
    reply.header('retry-after', String(v.retryAfter))
    throw new TooManyRequests(v.retryAfter)
  }
  const refused = (err: unknown): Errors => {
    if (err instanceof ValidationError) return err.errors
    throw err
  }

  app.get('/interaction', { config: pub }, async (_req, reply) => {
    const [agencies, consultations, surveys, letters] = await Promise.all([
      receivingAgencies(ctx.store),
      publicConsultations(ctx.store),
      publicSurveys(ctx.store),
      publishedLetters(ctx.store),
    ])
    const view = { agencies, letters: letters.map(presentPublished), ...presentHub(consultations, surveys) }
    return sendHtml(reply, InteractionHome(view))
  })

  const letterForm = async (reply: FastifyReply, values?: Record<string, unknown>, errors?: Errors) =>
    sendHtml(
      reply,
      LetterFormPage({ csrf: reply.generateCsrf(), agencies: await receivingAgencies(ctx.store), values, errors }),
      errors ? 400 : 200,
    )

  app.get('/interaction/letters/new', { schema: { querystring: s.agencyQuery }, config: pub }, (req, reply) =>
    letterForm(reply, { agency: req.query.agency }),
  )

  app.post(
    '/interaction/letters',
    { schema: { body: s.letterBody }, config: pub, preValidation: limited },
    async (req, reply) => {
      const { _csrf, ...form } = req.body
      try {
        const r = await submitLetter({ store: ctx.store, actor: publicActor(req.ip), input: form, today: ctx.today() })
        return reply.redirect(`/interaction/letters/receipt?code=${r.queryCode}`, 303)
      } catch (err) {
        return letterForm(reply, form, refused(err))
      }
    },
  )

  app.get('/interaction/letters/receipt', { schema: { querystring: s.codeQuery }, config: pub }, async (req, reply) => {
    const st = await letterStatus({ store: ctx.store, queryCode: req.query.code })
    if (!st) throw new NotFoundError('该来信')
    return sendHtml(reply, LetterReceiptPage(st))
  })

  const statusPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: { rated?: boolean; errors?: Errors } = {},
  ) => {
    const st = code ? await letterStatus({ store: ctx.store, queryCode: code }) : null
    const view = { csrf: reply.generateCsrf(), code, status: st, notFound: Boolean(code) && !st, ...extra }
    return sendHtml(reply, LetterStatusPage(view), extra.errors ? 400 : st || !code ? 200 : 404)
  }

  app.get(
    '/interaction/letters/status',
    { schema: { querystring: s.codeQuery.extend(s.sentQuery.shape) }, config: pub },
    (req, reply) => statusPage(req, reply, req.query.code.trim().toUpperCase(), { rated: req.query.sent === '1' }),
  )

  app.post(
    '/interaction/letters/rate',
    { schema: { body: s.rateBody }, config: pub, preValidation: limited },
    async (req, reply) => {
      const { _csrf, ...form } = req.body
      try {
        const code = await rateLetter({ store: ctx.store, actor: publicActor(req.ip), form, today: ctx.today() })
        return reply.redirect(`/interaction/letters/status?code=${code}&sent=1`, 303)
      } catch (err) {
        return statusPage(req, reply, form.code.trim().toUpperCase(), { errors: refused(err) })
      }
    },
  )

  app.get('/interaction/responses', { config: pub }, async (_req, reply) =>
    sendHtml(reply, ResponsesPage({ responses: (await concernResponses(ctx.store, null)).map(presentResponse) })),
  )

  const consultationPage = async (
    reply: FastifyReply,
    id: number,
    extra: { sent?: boolean; values?: Record<string, unknown>; errors?: Errors } = {},
  ) => {
    const c = await publicConsultation({ store: ctx.store, id, today: ctx.today() })
    const view = { csrf: reply.generateCsrf(), ...c, consultation: presentConsultation(c.consultation), ...extra }
    return sendHtml(reply, ConsultationPage(view), extra.errors ? 400 : 200)
  }

  app.get(
    '/interaction/consultations/:id',
    { schema: { params: s.idParams, querystring: s.sentQuery }, config: pub },
    (req, reply) => consultationPage(reply, req.params.id, { sent: req.query.sent === '1' }),
  )

  app.post(
    '/interaction/consultations/:id/comments',
    { schema: { params: s.idParams, body: s.commentBody }, config: pub, preValidation: limited },
    async (req, reply) => {
      const { _csrf, ...form } = req.body
      const [store, consultationId, actor] = [ctx.store, req.params.id, publicActor(req.ip)]
      try {
        await commentOnConsultation({ store, actor, consultationId, form, today: ctx.today() })
        return reply.redirect(`/interaction/consultations/${req.params.id}?sent=1#comment-h`, 303)
      } catch (err) {
        return consultationPage(reply, req.params.id, { values: form, errors: refused(err) })
      }
    },
  )

  const surveyPage = async (reply: FastifyReply, id: number, values?: Record<string, string[]>, errors?: Errors) => {
    const v = await publicSurvey({ store: ctx.store, surveyId: id, today: ctx.today() })
    const survey = {
      id: v.survey.id,
      title: v.survey.title,
      intro: v.survey.intro,
      opensOn: v.survey.opens_on,
      closesOn: v.survey.closes_on,
    }
    const view = { csrf: reply.generateCsrf(), survey, questions: v.questions, open: v.open, values, errors }
    return sendHtml(reply, SurveyPage(view), errors ? 400 : 200)
  }

  app.get('/interaction/surveys/:id', { schema: { params: s.idParams }, config: pub }, (req, reply) =>
    surveyPage(reply, req.params.id),
  )

  app.post(
    '/interaction/surveys/:id',
    { schema: { params: s.idParams, body: s.surveyBody }, config: pub, preValidation: limited },
    async (req, reply) => {
      const { values } = req.body
      const { store } = ctx
      try {
        await answerSurvey({ store, actor: publicActor(req.ip), surveyId: req.params.id, values, today: ctx.today() })
        return reply.redirect(`/interaction/surveys/${req.params.id}/results?sent=1`, 303)
      } catch (err) {
        return surveyPage(reply, req.params.id, values, refused(err))
      }
    },
  )

  app.get(
    '/interaction/surveys/:id/results',
    { schema: { params: s.idParams, querystring: s.sentQuery }, config: pub },
    async (req, reply) => {
      const v = await publicSurvey({ store: ctx.store, surveyId: req.params.id, today: ctx.today() })
      const view = {
        survey: { id: v.survey.id, title: v.survey.title },
        answerCount: v.answerCount,
        results: v.results,
      }
      return sendHtml(reply, SurveyResultsPage({ ...view, sent: req.query.sent === '1' }))
    },
  )

  app.get(
    '/interaction/surveys/:id/chart.svg',
    { schema: { params: s.idParams, querystring: s.chartQuery }, config: pub },
    async (req, reply) => {
      const svg = await surveyChart({ store: ctx.store, surveyId: req.params.id, question: req.query.q })
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'no-store').send(svg)
    },
  )
}
