import formbody from '@fastify/formbody'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { can, listScope } from '../../domain/auth/permissions.js'
import type { Permission } from '../../domain/auth/permissions.js'
import { yearOf } from '../../domain/calendar/calendarDay.js'
import { figureKeysOf } from '../../domain/report/figureKeys.js'
import { formatForYear, isReportFormat } from '../../domain/report/formats/index.js'
import type { ReportFormat } from '../../domain/report/model.js'
import { ValidationError } from '../../services/errors.js'
import { enterFigures, figureHistory } from '../../services/report/figures.js'
import { generateReport, resolveAgency } from '../../services/report/generateReport.js'
import { saveNarrative } from '../../services/report/narrative.js'
import {
  changesSincePublished,
  publishedHtml,
  publishedVersions,
  publishReport,
} from '../../services/report/publishReport.js'
import { reportChartSvg } from '../../services/report/reportChart.js'
import type { AppContext } from '../context.js'
import { NotFound } from '../errors.js'
import { ReportIndexPage, ReportPage } from '../views/report/ReportPage.js'
import { formString, pageContext, principal, sendHtml } from './consoleSupport.js'

const params = z.object({
  agency: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2008).max(2100),
})
const EXPORTS = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/** The agency and year of a report URL, after checking the user may `permission` on that agency. */
async function target(
  ctx: AppContext,
  req: FastifyRequest,
  permission: Permission,
): Promise<{ agencyId: number; year: number; format: ReportFormat }> {
  const p = params.safeParse(req.params)
  if (!p.success) throw new NotFound('报告')
  const agency = await resolveAgency(ctx.store.db, p.data.agency).catch(() => null)
  if (!agency || !can(principal(req), permission, { agencyId: agency.id })) throw new NotFound('报告')
  const f = (req.query as { format?: string }).format
  return { agencyId: agency.id, year: p.data.year, format: f && isReportFormat(f) ? f : formatForYear(p.data.year) }
}

/** Staff report pages (issue 7): computed tables, findings, narrative, entered figures, exports, publishing. */
export const reportRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(formbody)
  const read = { permission: 'case.read' as const }
  const edit = { permission: 'case.decide' as const }

  async function showPage(
    req: FastifyRequest,
    reply: FastifyReply,
    t: { agencyId: number; year: number; format: ReportFormat },
    extra: { message?: string; errors?: string[] } = {},
    status = 200,
  ) {
    const p = principal(req)
    const model = await generateReport(ctx.store, { agency: t.agencyId, year: t.year, format: t.format })
    const versions = await publishedVersions(ctx.store, t.agencyId, t.year)
    const changes = versions.length
      ? ((await changesSincePublished(ctx.store, t.agencyId, t.year))?.changes ?? null)
      : null
    return sendHtml(
      reply,
      ReportPage({
        page: await pageContext(ctx, req, reply),
        agencyId: t.agencyId,
        model,
        figures: await figureHistory(ctx.store, t.agencyId, t.year),
        figureKeys: figureKeysOf(t.format),
        versions,
        changes,
        canEdit: can(p, 'case.decide', { agencyId: t.agencyId }),
        message: extra.message ?? null,
        errors: extra.errors ?? [],
      }),
      status,
    )
  }

  app.get('/console/reports', { config: read }, async (req, reply) => {
    const scope = listScope(principal(req), 'case.read')
    let q = ctx.store.db.selectFrom('agencies').select(['id', 'name']).orderBy('id')
    if (!scope.allAgencies) q = q.where('id', 'in', scope.agencyIds.length ? scope.agencyIds : [-1])
    const agencies = (await q.execute()).map((a) => ({ id: Number(a.id), name: a.name }))
    const last = yearOf(ctx.today()) - 1
    return sendHtml(
      reply,
      ReportIndexPage({
        page: await pageContext(ctx, req, reply),
        agencies,
        years: [last, last - 1, last - 2, last - 3, last - 4, last - 5, last - 6],
      }),
    )
  })

  app.get('/console/reports/:agency/:year', { config: read }, async (req, reply) =>
    showPage(req, reply, await target(ctx, req, 'case.read')),
  )

  app.get('/console/reports/:agency/:year/report.:ext', { config: read }, async (req, reply) => {
    const t = await target(ctx, req, 'case.read')
    const ext = (req.params as { ext: string }).ext
    if (!(ext in EXPORTS)) throw new NotFound('导出格式')
    const model = await generateReport(ctx.store, { agency: t.agencyId, year: t.year, format: t.format })
    const name = encodeURIComponent(`${model.agency.name}${model.year}年政府信息公开工作年度报告.${ext}`)
    let body: string | Buffer
    if (ext === 'json') body = JSON.stringify(model, null, 2)
    else if (ext === 'html') body = (await import('../../export/reportHtml.js')).reportHtml(model)
    else if (ext === 'docx') body = await (await import('../../export/reportDocx.js')).reportDocx(model)
    else body = await (await import('../../export/reportXlsx.js')).reportXlsx(model)
    if (ext !== 'html') void reply.header('content-disposition', `attachment; filename*=UTF-8''${name}`)
    return reply
      .type(EXPORTS[ext as keyof typeof EXPORTS])
      .header('cache-control', 'no-store')
      .send(body)
  })

  app.get('/console/reports/:agency/chart.svg', { config: read }, async (req, reply) => {
    const agencyId = Number((req.params as { agency: string }).agency)
    const year = Number((req.query as { year?: string }).year ?? yearOf(ctx.today()) - 1)
    const agency = Number.isInteger(agencyId) ? await resolveAgency(ctx.store.db, agencyId).catch(() => null) : null
    if (
      !agency ||
      !can(principal(req), 'case.read', { agencyId: agency.id }) ||
      !Number.isInteger(year) ||
      year < 2008 ||
      year > 2100
    )
      throw new NotFound('图表')
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(await reportChartSvg(ctx.store, agency.id, year))
  })

  app.get('/console/reports/:agency/:year/v/:version', { config: read }, async (req, reply) => {
    const t = await target(ctx, req, 'case.read')
    const html = await publishedHtml(ctx.store, t.agencyId, t.year, Number((req.params as { version: string }).version))
    if (!html) throw new NotFound('该版本')
    return reply.type('text/html; charset=utf-8').send(html)
  })

  const handle = async (
    req: FastifyRequest,
    reply: FastifyReply,
    work: (t: { agencyId: number; year: number; format: ReportFormat }) => Promise<string>,
  ) => {
    const t = await target(ctx, req, 'case.decide')
    try {
      const message = await work(t)
      return showPage(req, reply, t, { message })
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e
      return showPage(req, reply, t, { errors: e.errors.map((x) => x.message) }, 400)
    }
  }

  app.post('/console/reports/:agency/:year/narrative', { config: edit }, async (req, reply) =>
    handle(req, reply, async (t) => {
      const b = req.body
      await saveNarrative(ctx.store, {
        agency: t.agencyId,
        year: t.year,
        by: req.displayName || principal(req).username,
        sections: {
          overview: formString(b, 'overview'),
          problems: formString(b, 'problems'),
          other: formString(b, 'other'),
        },
      })
      return '正文已保存'
    }),
  )

  app.post('/console/reports/:agency/:year/figures', { config: edit }, async (req, reply) =>
    handle(req, reply, async (t) => {
      const raw = formString(req.body, 'value').trim()
      const value = raw === '' ? Number.NaN : Number(raw)
      if (!Number.isFinite(value)) throw new ValidationError([{ field: 'value', message: '数值应为数字' }])
      await enterFigures(ctx.store, [
        {
          agency: t.agencyId,
          year: t.year,
          key: formString(req.body, 'key'),
          value,
          source: formString(req.body, 'source'),
          note: formString(req.body, 'note'),
          enteredBy: req.displayName || principal(req).username,
          ip: req.ip,
        },
      ])
      return '数据已录入'
    }),
  )

  app.post('/console/reports/:agency/:year/publish', { config: edit }, async (req, reply) =>
    handle(req, reply, async (t) => {
      const v = await publishReport(ctx.store, {
        agency: t.agencyId,
        year: t.year,
        format: t.format,
        by: req.displayName || principal(req).username,
        note: formString(req.body, 'note'),
      })
      return `已发布第${v.version}版`
    }),
  )
}
