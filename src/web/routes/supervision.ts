import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Period } from '../../domain/supervision/period.js'
import { lastClosedQuarter, parsePeriodKey } from '../../domain/supervision/period.js'
import type { ScoreWeights } from '../../domain/supervision/score.js'
import { DEFAULT_WEIGHTS } from '../../domain/supervision/score.js'
import type { FieldProblem } from '../../services/errors.js'
import { bulletinChartSvg, bulletinDocxFile } from '../../services/supervision/bulletinFiles.js'
import {
  bulletinOf,
  editBulletin,
  generateBulletin,
  listSupervisionBulletins,
  publishBulletin,
} from '../../services/supervision/bulletins.js'
import { reportCollection, reportCollectionXlsx } from '../../services/supervision/reportCollection.js'
import { recordElsewhereReport } from '../../services/supervision/recordElsewhereReport.js'
import { supervisedInteraction } from '../../services/supervision/agencyInteraction.js'
import { supervisedCases } from '../../services/supervision/supervisedCases.js'
import { supervisionOverview } from '../../services/supervision/supervisionOverview.js'
import type { AppContext } from '../context.js'
import { presentBulletin } from '../presenters/supervision.js'
import { BulletinPage } from '../views/console/supervision/BulletinPage.js'
import { CollectionPage } from '../views/console/supervision/CollectionPage.js'
import { DrillPage } from '../views/console/supervision/DrillPage.js'
import { InteractionDrillPage } from '../views/console/supervision/InteractionDrillPage.js'
import { OverviewPage } from '../views/console/supervision/OverviewPage.js'
import { formProblems, pageContext, requestActor, sendHtml } from './consoleSupport.js'
import {
  bulletinGenerateForm,
  bulletinParams,
  bulletinTextForm,
  collectionQuery,
  drillQuery,
  elsewhereForm,
  interactionDrillQuery,
  overviewQuery,
} from './supervision.schema.js'

const read = { permission: 'supervision.read' } as const
const act = { permission: 'supervision.publish' } as const
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`

const periodFrom = (key: string | undefined, today: CalendarDay): Period =>
  (key ? parsePeriodKey(key) : null) ?? lastClosedQuarter(today)

const weightsOf = (q: Record<string, unknown>): ScoreWeights => {
  const n = (v: unknown, d: number) => (v === '' || v === undefined || !Number.isFinite(Number(v)) ? d : Number(v))
  return {
    onTime: n(q.wOnTime, DEFAULT_WEIGHTS.onTime),
    notOverdue: n(q.wNotOverdue, DEFAULT_WEIGHTS.notOverdue),
    upheld: n(q.wUpheld, DEFAULT_WEIGHTS.upheld),
    proactive: n(q.wProactive, DEFAULT_WEIGHTS.proactive),
  }
}

/** Issue 19: the supervisor's console (comparison, drill-down, 通报, annual-report collection). */
export const supervisionRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  const r = plugin.withTypeProvider<ZodTypeProvider>()
  const { store } = ctx

  r.get('/console/supervision', { config: read, schema: { querystring: overviewQuery } }, async (req, reply) => {
    const actor = requestActor(req)
    const { root: rootId, sort } = req.query
    const asked = { rootId, sort, period: periodFrom(req.query.period, ctx.today()), weights: weightsOf(req.query) }
    const overview = await supervisionOverview({ store, actor, ...asked, today: ctx.today() })
    const bulletins = await listSupervisionBulletins({ store, actor })
    return sendHtml(reply, OverviewPage({ page: await pageContext(ctx, req, reply), overview, bulletins }))
  })

  r.get('/console/supervision/cases', { config: read, schema: { querystring: drillQuery } }, async (req, reply) => {
    const { agency: agencyId, fact } = req.query
    const period = periodFrom(req.query.period, ctx.today())
    const actor = requestActor(req)
    const found = await supervisedCases({ store, actor, agencyId, period, fact, today: ctx.today() })
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, DrillPage({ page, ...found, period, fact, agencyId }))
  })

  r.get(
    '/console/supervision/interaction',
    { config: read, schema: { querystring: interactionDrillQuery } },
    async (req, reply) => {
      const { agency: agencyId, fact } = req.query
      const period = periodFrom(req.query.period, ctx.today())
      const actor = requestActor(req)
      const found = await supervisedInteraction({ store, actor, agencyId, period, fact, today: ctx.today() })
      const page = await pageContext(ctx, req, reply)
      return sendHtml(reply, InteractionDrillPage({ page, ...found, period, fact }))
    },
  )

  r.post(
    '/console/supervision/bulletins',
    { config: act, schema: { body: bulletinGenerateForm } },
    async (req, reply) => {
      const period = periodFrom(req.body.period, ctx.today())
      const asked = { rootId: Number(req.body.root) || null, year: period.year, quarter: period.quarter ?? 4 }
      const actor = requestActor(req)
      const id = await generateBulletin({ store, actor, ...asked, weights: weightsOf(req.body), today: ctx.today() })
      return reply.redirect(`/console/supervision/bulletins/${id}`, 303)
    },
  )

  async function showBulletin(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    o: { errors?: FieldProblem[]; done?: string } = {},
  ) {
    const b = presentBulletin(await bulletinOf({ store, actor: requestActor(req), id }))
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, BulletinPage({ page, bulletin: b, ...o }), o.errors ? 400 : 200)
  }

  r.get('/console/supervision/bulletins/:id', { config: read, schema: { params: bulletinParams } }, (req, reply) =>
    showBulletin(req, reply, req.params.id),
  )

  r.post(
    '/console/supervision/bulletins/:id',
    { config: act, schema: { params: bulletinParams, body: bulletinTextForm } },
    async (req, reply) => {
      const { _csrf, ...text } = req.body
      try {
        await editBulletin({ store, actor: requestActor(req), id: req.params.id, text })
      } catch (err) {
        return showBulletin(req, reply, req.params.id, { errors: formProblems(err) })
      }
      return showBulletin(req, reply, req.params.id, { done: '已保存通报文字。' })
    },
  )

  r.post(
    '/console/supervision/bulletins/:id/publish',
    { config: act, schema: { params: bulletinParams } },
    async (req, reply) => {
      await publishBulletin({ store, actor: requestActor(req), id: req.params.id })
      return reply.redirect(`/console/supervision/bulletins/${req.params.id}`, 303)
    },
  )

  r.get(
    '/console/supervision/bulletins/:id/bulletin.docx',
    { config: read, schema: { params: bulletinParams } },
    async (req, reply) => {
      const f = await bulletinDocxFile({ store, actor: requestActor(req), id: req.params.id })
      return reply
        .type(DOCX)
        .header('content-disposition', attachment(f.fileName))
        .header('cache-control', 'no-store')
        .send(f.body)
    },
  )

  r.get(
    '/console/supervision/bulletins/:id/chart.svg',
    { config: read, schema: { params: bulletinParams } },
    async (req, reply) => {
      const svg = await bulletinChartSvg({ store, actor: requestActor(req), id: req.params.id })
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'no-store').send(svg)
    },
  )

  async function showCollection(
    req: FastifyRequest,
    reply: FastifyReply,
    ask: { root?: number; year?: number },
    errors?: FieldProblem[],
  ) {
    const year = ask.year ?? Number(ctx.today().slice(0, 4)) - 1
    const c = await reportCollection({ store, actor: requestActor(req), rootId: ask.root, year, today: ctx.today() })
    return sendHtml(
      reply,
      CollectionPage({ page: await pageContext(ctx, req, reply), collection: c, errors }),
      errors ? 400 : 200,
    )
  }

  r.get('/console/supervision/reports', { config: read, schema: { querystring: collectionQuery } }, (req, reply) =>
    showCollection(req, reply, req.query),
  )

  r.post('/console/supervision/reports', { config: act, schema: { body: elsewhereForm } }, async (req, reply) => {
    const { agency, year, url, text } = req.body
    const input = { agencyId: Number(agency), year: Number(year), url, text }
    try {
      await recordElsewhereReport({ store, actor: requestActor(req), input })
    } catch (err) {
      return showCollection(req, reply, { year: Number(year) || undefined }, formProblems(err))
    }
    return reply.redirect(`/console/supervision/reports?year=${Number(year)}`, 303)
  })

  r.get(
    '/console/supervision/reports.xlsx',
    { config: read, schema: { querystring: collectionQuery } },
    async (req, reply) => {
      const year = req.query.year ?? Number(ctx.today().slice(0, 4)) - 1
      const f = await reportCollectionXlsx({
        store,
        actor: requestActor(req),
        rootId: req.query.root,
        year,
        today: ctx.today(),
      })
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(f.fileName))
        .header('cache-control', 'no-store')
        .send(f.body)
    },
  )
}
