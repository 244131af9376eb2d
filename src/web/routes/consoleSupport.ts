import type { FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { yearOf } from '../../domain/calendar/calendarDay.js'
import type { WorkCalendar } from '../../domain/calendar/workCalendar.js'
import type { Permission } from '../../domain/auth/permissions.js'
import { can, PERMISSION_CODES } from '../../domain/auth/permissions.js'
import type { Principal } from '../../domain/auth/roles.js'
import { roleLabel } from '../../domain/auth/roles.js'
import { currentWorkCalendar } from '../../services/calendarAdmin.js'
import type { FieldProblem } from '../../services/errors.js'
import { ValidationError } from '../../services/errors.js'
import type { Actor } from '../../services/actor.js'
import type { AppContext } from '../context.js'
import { renderPage } from '../views/Layout.js'
import type { PageContext } from '../views/console/ConsoleLayout.js'

/**
 * From November on, the State Council's notice for next year is due: until someone enters it (or a package
 * carries it), every date computed into next year is provisional. The console says so on every page.
 */
export function calendarWarning(today: CalendarDay, cal: WorkCalendar): string | null {
  const next = yearOf(today) + 1
  if (Number(today.slice(5, 7)) < 11 || cal.knownYears.has(next)) return null
  return `尚未录入${next}年节假日安排：跨入${next}年的期限暂按周末和《全国年节及纪念日放假办法》规定的节日计算并标注“暂定”。国务院办公厅通知发布后，请在“工作日历”中录入全年安排。`
}

export async function pageContext(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<PageContext> {
  const p = req.principal
  const csrf = reply.generateCsrf()
  if (!p) return { user: null, csrf }
  const canMap: Partial<Record<Permission, boolean>> = {}
  for (const code of PERMISSION_CODES) canMap[code] = can(p, code)
  const banner = calendarWarning(ctx.today(), await currentWorkCalendar(ctx.store))
  return {
    user: { displayName: req.displayName, username: p.username, roleLabels: p.roles.map(roleLabel), can: canMap },
    csrf,
    banner,
  }
}

export function sendHtml(reply: FastifyReply, node: VNode, status = 200) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderPage(node))
}

/** The actor a service is handed: who is signed in (or the public), and from which address. */
export function requestActor(req: FastifyRequest): Actor {
  return { username: req.principal?.username ?? 'public', ip: req.ip, principal: req.principal }
}

/** The signed-in principal of a route that declared a permission (the auth hook guarantees it). */
export function principal(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('route without a permission reached a principal-only handler')
  return req.principal
}

/** Only same-site relative paths are followed after login (no open redirect, no javascript:). */
export function safeNext(next: string): string {
  return /^\/console(\/[A-Za-z0-9/_?=&%.-]*)?$/.test(next) ? next : '/console'
}

/** The fields at fault when a use case refused a form (the form is shown again with them); any other error goes on. */
export function formProblems(err: unknown): FieldProblem[] {
  if (err instanceof ValidationError) return err.errors
  throw err
}
