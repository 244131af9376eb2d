import type { FastifyPluginAsync } from 'fastify'
import { can, listScope } from '../../domain/auth/permissions.js'
import { addWorkingDays } from '../../domain/calendar/workingDays.js'
import { DUE_SOON_WITHIN } from '../../domain/application/clock.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import type { AppContext } from '../context.js'
import { DashboardPage } from '../views/console/DashboardPage.js'
import { monthFigures, notificationsFor, openCases } from './consoleQueries.js'
import { pageContext, principal, sendHtml } from './consoleSupport.js'

export const consoleDashboardRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/console', { config: { permission: 'console.view' } }, async (req, reply) => {
    const p = principal(req)
    const today = ctx.today()
    const page = await pageContext(ctx, req, reply)
    if (!can(p, 'case.read')) {
      return sendHtml(
        reply,
        DashboardPage({ page, tasks: [], dueSoon: [], overdue: [], figures: null, notifications: [] }),
      )
    }
    const scope = listScope(p, 'case.read')
    const cal = await loadWorkCalendar(ctx.store.db)
    const soonUntil = addWorkingDays(today, DUE_SOON_WITHIN, cal).day
    const open = (await openCases(ctx.store.db, scope)).map((r) => ({
      ...r,
      id: Number(r.id),
      due_provisional: Number(r.due_provisional),
    }))
    const overdue = open.filter((r) => r.due_by !== null && r.due_by < today)
    const dueSoon = open.filter((r) => r.due_by !== null && r.due_by >= today && r.due_by <= soonUntil)
    // my tasks: a handler's are the cases of their departments; the office's, cases not yet routed or waiting on it
    const tasks =
      p.roles.includes('handler') && !p.roles.includes('office')
        ? open
        : open.filter((r) => r.state === 'registered' || r.department === null || r.state === 'inProgress')
    const notifications = (await notificationsFor(ctx.store.db, scope)).map((n) => ({
      id: Number(n.id),
      message: n.message,
      application_id: n.application_id === null ? null : Number(n.application_id),
    }))
    return sendHtml(
      reply,
      DashboardPage({
        page,
        tasks,
        dueSoon,
        overdue,
        figures: await monthFigures(ctx.store.db, scope, today),
        notifications,
      }),
    )
  })
}
