import formbody from '@fastify/formbody'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { ReportFormat } from '../../domain/report/model.js'
import { ValidationError } from '../../services/errors.js'
import { enterReportFigure, publishReportVersion, saveReportNarrative } from '../../services/report/reportChanges.js'
import {
  exportReport,
  publishedVersionHtml,
  reportChart,
  reportIndex,
  reportPageData,
} from '../../services/report/reportPage.js'
import type { ReportRequest } from '../../services/report/reportPage.js'
import type { AppContext } from '../context.js'
import { ReportIndexPage, ReportPage } from '../views/report/ReportPage.js'
import { pageContext, requestActor, sendHtml } from './consoleSupport.js'
import {
  chartParams,
  chartQuery,
  exportParams,
  figureForm,
  formatQuery,
  narrativeForm,
  publishForm,
  reportParams,
  versionParams,
} from './reports.schema.js'

/** Staff report pages (issue 7): computed tables, findings, narrative, entered figures, exports, publishing. */
export const reportRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(formbody)
  const r = app.withTypeProvider<ZodTypeProvider>()
  const read = { permission: 'case.read' as const }
  const edit = { permission: 'case.decide' as const }
  const named = { params: reportParams, querystring: formatQuery }

  /** The report a URL names, for the signed-in user. */
  const requestOf = (
    req: FastifyRequest & { params: { agency: number; year: number }; query: { format?: ReportFormat | undefined } },
  ): ReportRequest => ({
    store: ctx.store,
    actor: requestActor(req),
    agency: req.params.agency,
    year: req.params.year,
    format: req.query.format,
    today: ctx.today(),
  })
  /** The name a change is recorded under: the signed-in user's display name. */
  const byOf = (req: FastifyRequest) => req.displayName || requestActor(req).username

  type Note = { message?: string; errors?: string[] }
  async function showPage(
    req: FastifyRequest,
    reply: FastifyReply,
    report: ReportRequest,
    note: Note = {},
    status = 200,
  ) {
    const data = await reportPageData(report)
    const page = await pageContext(ctx, req, reply)
    const notes = { message: note.message ?? null, errors: note.errors ?? [] }
    return sendHtml(reply, ReportPage({ page, ...data, ...notes }), status)
  }

  /** Runs a change and shows the page again, with what it says or, when refused, why. */
  async function change(req: FastifyRequest, reply: FastifyReply, report: ReportRequest, work: () => Promise<string>) {
    try {
      return await showPage(req, reply, report, { message: await work() })
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e
      return showPage(req, reply, report, { errors: e.errors.map((x) => x.message) }, 400)
    }
  }

  r.get('/console/reports', { config: read }, async (req, reply) => {
    const index = await reportIndex({ store: ctx.store, actor: requestActor(req), today: ctx.today() })
    return sendHtml(reply, ReportIndexPage({ page: await pageContext(ctx, req, reply), ...index }))
  })

  r.get('/console/reports/:agency/:year', { config: read, schema: named }, async (req, reply) =>
    showPage(req, reply, requestOf(req)),
  )

  r.get(
    '/console/reports/:agency/:year/report.:ext',
    { config: read, schema: { params: exportParams, querystring: formatQuery } },
    async (req, reply) => {
      const file = await exportReport({ ...requestOf(req), kind: req.params.ext })
      const name = encodeURIComponent(file.fileName)
      if (file.attachment) void reply.header('content-disposition', `attachment; filename*=UTF-8''${name}`)
      return reply.type(file.type).header('cache-control', 'no-store').send(file.body)
    },
  )

  r.get(
    '/console/reports/:agency/chart.svg',
    { config: read, schema: { params: chartParams, querystring: chartQuery } },
    async (req, reply) => {
      const actor = requestActor(req)
      const svg = await reportChart({ store: ctx.store, actor, today: ctx.today(), ...req.params, ...req.query })
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'no-store').send(svg)
    },
  )

  r.get(
    '/console/reports/:agency/:year/v/:version',
    { config: read, schema: { params: versionParams, querystring: formatQuery } },
    async (req, reply) => {
      const html = await publishedVersionHtml({ ...requestOf(req), version: req.params.version })
      return reply.type('text/html; charset=utf-8').send(html)
    },
  )

  r.post(
    '/console/reports/:agency/:year/narrative',
    { config: edit, schema: { ...named, body: narrativeForm } },
    async (req, reply) =>
      change(req, reply, requestOf(req), () =>
        saveReportNarrative({ ...requestOf(req), by: byOf(req), sections: req.body }),
      ),
  )

  r.post(
    '/console/reports/:agency/:year/figures',
    { config: edit, schema: { ...named, body: figureForm } },
    async (req, reply) =>
      change(req, reply, requestOf(req), () => enterReportFigure({ ...requestOf(req), by: byOf(req), ...req.body })),
  )

  r.post(
    '/console/reports/:agency/:year/publish',
    { config: edit, schema: { ...named, body: publishForm } },
    async (req, reply) =>
      change(req, reply, requestOf(req), () =>
        publishReportVersion({ ...requestOf(req), by: byOf(req), note: req.body.note, override: req.body.override }),
      ),
  )
}
