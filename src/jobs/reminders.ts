import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { OPEN_STATES } from '../domain/application/states.js'
import { computeClock, DEFAULT_CLOCK_POLICY } from '../domain/application/clock.js'
import { clockPolicyOf } from '../domain/agency/settings.js'
import { listAgencies, listDepartments } from '../store/agencyRepo.js'
import { findApplication, listOpenApplicationIds, loadEvents } from '../store/applicationRepo.js'
import { loadWorkCalendar } from '../store/calendarRepo.js'
import type { Store } from '../store/database.js'
import { insertAgencyNotificationOnce, insertNotificationOnce } from '../store/notificationRepo.js'
import { reportDeadlines } from '../services/report/reportDeadlines.js'

interface ReminderNotice {
  kind: 'dueSoon' | 'overdue'
  applicationId: number
  ref: string
  agency: string
  department: string | null
  deadline: string
  workingDaysLeft: number
  message: string
}

interface ReportNotice {
  kind: 'reportDueSoon' | 'reportOverdue'
  agencyId: number
  agency: string
  year: number
  deadline: string
  message: string
}

export interface ReminderRun {
  checked: number
  dueSoon: number
  overdue: number
  /** notices created by this run (a case is noticed once per kind and day) */
  created: ReminderNotice[]
  /** annual reports not yet published, noticed on the reminder days before and after their deadline (条例第四十九条) */
  reports: ReportNotice[]
  webhook: { sent: number; failed: number }
}

/**
 * Marks open cases that are due soon (3 working days or fewer) or overdue, from their clock, and tells the
 * handler's department and the office in the console, and a webhook if one is configured. Running it twice
 * on one day notifies once.
 */
export async function runReminders(
  store: Store,
  today: CalendarDay,
  opts: { webhookUrl?: string | null; timeoutMs?: number } = {},
): Promise<ReminderRun> {
  const cal = await loadWorkCalendar(store.db)
  const agencies = new Map((await listAgencies(store.db)).map((a) => [a.id, a]))
  const departments = new Map((await listDepartments(store.db, [...agencies.keys()])).map((d) => [d.id, d.name]))
  const ids = await listOpenApplicationIds(store.db, OPEN_STATES)
  const run: ReminderRun = {
    checked: ids.length,
    dueSoon: 0,
    overdue: 0,
    created: [],
    reports: await remindReports(store, today),
    webhook: { sent: 0, failed: 0 },
  }
  for (const id of ids) {
    const row = await findApplication(store.db, id)
    if (!row) continue
    const agency = agencies.get(Number(row.agency_id))
    const policy = agency ? clockPolicyOf(agency.settings) : DEFAULT_CLOCK_POLICY
    const c = computeClock(await loadEvents(store.db, id), cal, today, policy)
    if (!c.deadline || c.paused || (!c.overdue && !c.dueSoon)) continue
    const kind: ReminderNotice['kind'] = c.overdue ? 'overdue' : 'dueSoon'
    if (kind === 'overdue') run.overdue++
    else run.dueSoon++
    const deptId = row.department_id === null ? null : Number(row.department_id)
    const left = c.workingDaysLeft ?? 0
    const message =
      kind === 'overdue'
        ? `申请 ${row.ref} 已超过答复期限（${c.deadline.day}）${-left} 个工作日`
        : `申请 ${row.ref} 将于 ${c.deadline.day} 到期（剩余 ${left} 个工作日）`
    const notice = {
      agencyId: Number(row.agency_id),
      departmentId: deptId,
      applicationId: id,
      kind,
      day: today,
      message,
    }
    if (!(await insertNotificationOnce(store.db, notice))) continue
    run.created.push({
      kind,
      applicationId: id,
      ref: row.ref,
      agency: agency?.name ?? '',
      department: deptId === null ? null : (departments.get(deptId) ?? null),
      deadline: c.deadline.day,
      workingDaysLeft: left,
      message,
    })
  }
  const outgoing = [
    ...run.created.map((n) => ({ type: `gongkai.application.${n.kind}`, ...n })),
    ...run.reports.map((n) => ({ type: `gongkai.${n.kind}`, ...n })),
  ]
  if (opts.webhookUrl && outgoing.length) {
    for (const notice of outgoing) {
      try {
        const res = await fetch(opts.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(notice),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
        })
        if (res.ok) run.webhook.sent++
        else run.webhook.failed++
      } catch {
        // the console notice stands; the failure is counted and reported by the caller
        run.webhook.failed++
      }
    }
  }
  return run
}

/** Notices each agency whose last year's report is unpublished on a reminder day, once a day. */
async function remindReports(store: Store, today: CalendarDay): Promise<ReportNotice[]> {
  const out: ReportNotice[] = []
  for (const l of await reportDeadlines(store, today)) {
    if (!l.remindToday) continue
    const kind = l.state === 'overdue' ? 'reportOverdue' : 'reportDueSoon'
    const notice = { agencyId: l.agencyId, kind, day: today, message: l.message } as const
    if (!(await insertAgencyNotificationOnce(store.db, notice))) continue
    out.push({ kind, agencyId: l.agencyId, agency: l.agency, year: l.year, deadline: l.due, message: l.message })
  }
  return out
}

export function webhookUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.GONGKAI_REMINDER_WEBHOOK?.trim()
  if (!url) return null
  return /^https?:\/\//.test(url) ? url : null
}
