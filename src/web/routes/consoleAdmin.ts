import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { auditLogForAdmin } from '../../services/admin/auditLogForAdmin.js'
import { exportAuditLog } from '../../services/admin/exportAuditLog.js'
import { calendarForAdmin } from '../../services/admin/calendarForAdmin.js'
import { confirmReviewBody } from '../../services/admin/confirmReviewBody.js'
import { setSpecialLawRow } from '../../services/admin/setSpecialLawRow.js'
import { createAgency } from '../../services/admin/createAgency.js'
import { createDepartment } from '../../services/admin/createDepartment.js'
import { letterTemplatesForAdmin } from '../../services/admin/letterTemplatesForAdmin.js'
import { listAgenciesForAdmin } from '../../services/admin/listAgenciesForAdmin.js'
import { saveLetterTemplate } from '../../services/admin/saveLetterTemplate.js'
import { setCaseRefPrefix } from '../../services/admin/setCaseRefPrefix.js'
import { setClockSettings } from '../../services/admin/setClockSettings.js'
import { enterYearNotice, setCalendarDay } from '../../services/calendarAdmin.js'
import type { FieldProblem } from '../../services/errors.js'
import type { AppContext } from '../context.js'
import { presentAgencies, presentAuditLog, presentCalendar } from '../presenters/admin.js'
import { AgenciesPage } from '../views/console/admin/AgenciesPage.js'
import { AuditPage } from '../views/console/admin/AuditPage.js'
import { CalendarPage } from '../views/console/admin/CalendarPage.js'
import { TemplatesPage } from '../views/console/admin/TemplatesPage.js'
import {
  agencyForm,
  auditExportParams,
  auditQuery,
  agencyParams,
  calendarDayForm,
  caseRefForm,
  clockSettingsForm,
  calendarYearForm,
  departmentForm,
  reviewBodyForm,
  specialLawRowForm,
  templateForm,
  templatesQuery,
} from './consoleAdmin.schema.js'
import { formProblems, pageContext, requestActor, sendHtml } from './consoleSupport.js'
import { consoleUserRoutes } from './consoleUsers.js'
import { idParams } from './formSchemas.js'

/** What an administrator shows again after a form: its errors (status 400) or what was done. */
interface Outcome {
  errors?: FieldProblem[]
  done?: string
  /** the days a year's notice changed (decision 0008) */
  changes?: { day: string; before: string; after: string }[]
}

/** The administrators' pages: work calendar, agencies and departments, letter templates, audit log, accounts. */
export const consoleAdminRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const store = ctx.store
  await app.register(consoleUserRoutes, { ctx })

  async function calendarPage(req: FastifyRequest, reply: FastifyReply, o: Outcome = {}) {
    const shown = presentCalendar(await calendarForAdmin({ store, actor: requestActor(req) }))
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, CalendarPage({ page, ...shown, ...o }), o.errors ? 400 : 200)
  }

  const calendar = { permission: 'calendar.manage' } as const
  r.get('/console/calendar', { config: calendar }, (req, reply) => calendarPage(req, reply))

  r.post('/console/calendar/year', { schema: { body: calendarYearForm }, config: calendar }, async (req, reply) => {
    try {
      const actor = requestActor(req)
      const {
        notice: n,
        refreshed,
        changes,
      } = await enterYearNotice({ store, actor, notice: req.body, today: ctx.today() })
      const done = `已录入${n.year}年安排（放假 ${n.holidays.length} 天，调休上班 ${n.workdays.length} 天），整年替换原有安排，已重新计算 ${refreshed} 件在办申请的期限。`
      return await calendarPage(req, reply, { done, changes })
    } catch (err) {
      return calendarPage(req, reply, { errors: formProblems(err) })
    }
  })

  r.post('/console/calendar/day', { schema: { body: calendarDayForm }, config: calendar }, async (req, reply) => {
    try {
      const { day, refreshed } = await setCalendarDay({
        ...req.body,
        store,
        actor: requestActor(req),
        today: ctx.today(),
      })
      return await calendarPage(req, reply, { done: `已保存 ${day}，已重新计算 ${refreshed} 件在办申请的期限。` })
    } catch (err) {
      return calendarPage(req, reply, { errors: formProblems(err) })
    }
  })

  async function agenciesPage(req: FastifyRequest, reply: FastifyReply, errors?: FieldProblem[]) {
    const shown = presentAgencies(await listAgenciesForAdmin({ store, actor: requestActor(req) }))
    const page = await pageContext(ctx, req, reply)
    const year = Number(ctx.today().slice(0, 4))
    return sendHtml(reply, AgenciesPage({ page, ...shown, errors, year }), errors ? 400 : 200)
  }

  r.get('/console/agencies', { config: { permission: 'department.manage' } }, (req, reply) => agenciesPage(req, reply))

  r.post(
    '/console/agencies',
    { schema: { body: agencyForm }, config: { permission: 'agency.manage' } },
    async (req, reply) => {
      const { name, code, kind, parentId, reviewBody, court } = req.body
      const settings = {
        ...(kind ? { kind } : {}),
        ...(reviewBody || court ? { remedies: { reviewBody, court } } : {}),
      }
      try {
        await createAgency({ store, actor: requestActor(req), name, code, parentId, settings })
      } catch (err) {
        return agenciesPage(req, reply, formProblems(err))
      }
      return reply.redirect('/console/agencies', 303)
    },
  )

  /** 行政复议法 2023 第二十四至二十八条: the administrator sets kind and parent and confirms the review body. */
  r.post(
    '/console/agencies/:id/review-body',
    { schema: { params: agencyParams, body: reviewBodyForm }, config: { permission: 'agency.manage' } },
    async (req, reply) => {
      try {
        const agency = { store, actor: requestActor(req), agencyId: req.params.id, today: ctx.today() }
        await confirmReviewBody({ ...agency, ...req.body })
      } catch (err) {
        return agenciesPage(req, reply, formProblems(err))
      }
      return reply.redirect('/console/agencies', 303)
    },
  )

  /** 《条例》第三十六条第（七）项: where the agency reports these answers (decision 0011). */
  r.post(
    '/console/agencies/:id/special-law-row',
    { schema: { params: agencyParams, body: specialLawRowForm }, config: { permission: 'agency.manage' } },
    async (req, reply) => {
      try {
        const agency = { store, actor: requestActor(req), agencyId: req.params.id, today: ctx.today() }
        await setSpecialLawRow({ ...agency, row: req.body.row })
      } catch (err) {
        return agenciesPage(req, reply, formProblems(err))
      }
      return reply.redirect('/console/agencies', 303)
    },
  )

  r.post(
    '/console/departments',
    { schema: { body: departmentForm }, config: { permission: 'department.manage' } },
    async (req, reply) => {
      try {
        await createDepartment({ store, actor: requestActor(req), agencyId: req.body.agencyId, name: req.body.name })
      } catch (err) {
        return agenciesPage(req, reply, formProblems(err))
      }
      return reply.redirect('/console/agencies', 303)
    },
  )

  r.post(
    '/console/agencies/:id/case-ref',
    { schema: { params: idParams, body: caseRefForm }, config: { permission: 'department.manage' } },
    async (req, reply) => {
      const { id: agencyId } = req.params
      try {
        await setCaseRefPrefix({ store, actor: requestActor(req), agencyId, prefix: req.body.caseRefPrefix })
      } catch (err) {
        return agenciesPage(req, reply, formProblems(err))
      }
      return reply.redirect('/console/agencies#case-refs', 303)
    },
  )

  /** 答复期限设置 (decisions 0002, 0007): a change recomputes the open cases' dates. */
  r.post(
    '/console/agencies/:id/clock',
    { schema: { params: idParams, body: clockSettingsForm }, config: { permission: 'department.manage' } },
    async (req, reply) => {
      try {
        const agency = { store, actor: requestActor(req), agencyId: req.params.id, today: ctx.today() }
        await setClockSettings({ ...agency, ...req.body })
      } catch (err) {
        return agenciesPage(req, reply, formProblems(err))
      }
      return reply.redirect('/console/agencies#clock-settings', 303)
    },
  )

  async function templatesPage(req: FastifyRequest, reply: FastifyReply, agencyId: number | null, o: Outcome = {}) {
    const shown = await letterTemplatesForAdmin({ store, actor: requestActor(req), agencyId: agencyId ?? undefined })
    const page = await pageContext(ctx, req, reply)
    return sendHtml(
      reply,
      TemplatesPage({ page, ...shown, errors: o.errors, saved: Boolean(o.done) }),
      o.errors ? 400 : 200,
    )
  }

  const templates = { permission: 'letter.template' } as const
  r.get('/console/templates', { schema: { querystring: templatesQuery }, config: templates }, (req, reply) =>
    templatesPage(req, reply, req.query.agency),
  )

  r.post('/console/templates', { schema: { body: templateForm }, config: templates }, async (req, reply) => {
    try {
      await saveLetterTemplate({ ...req.body, store, actor: requestActor(req) })
      return await templatesPage(req, reply, req.body.agencyId, { done: 'saved' })
    } catch (err) {
      return templatesPage(req, reply, req.body.agencyId, { errors: formProblems(err) })
    }
  })

  r.get(
    '/console/audit',
    { schema: { querystring: auditQuery }, config: { permission: 'audit.read' } },
    async (req, reply) => {
      const shown = presentAuditLog(await auditLogForAdmin({ store, actor: requestActor(req), filter: req.query }))
      const { page: _page, ...filter } = req.query
      return sendHtml(reply, AuditPage({ page: await pageContext(ctx, req, reply), ...shown, filter }))
    },
  )

  r.get(
    '/console/audit/export.:ext',
    { schema: { params: auditExportParams, querystring: auditQuery }, config: { permission: 'audit.read' } },
    async (req, reply) => {
      const { ext } = req.params
      const body = await exportAuditLog({ store, actor: requestActor(req), filter: req.query, format: ext })
      const type =
        ext === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      const name = encodeURIComponent(`审计日志-${ctx.today()}.${ext}`)
      return reply.type(type).header('content-disposition', `attachment; filename*=UTF-8''${name}`).send(body)
    },
  )
}
