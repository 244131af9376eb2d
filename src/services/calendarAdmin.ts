import { z } from 'zod'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { addDays, calendarDay, compareDays, isCalendarDay } from '../domain/calendar/calendarDay.js'
import type { DayChange } from '../domain/calendar/calendarDiff.js'
import { calendarDiff } from '../domain/calendar/calendarDiff.js'
import type { Store } from '../store/database.js'
import type { WorkCalendar } from '../domain/calendar/workCalendar.js'
import { deleteOverride, loadWorkCalendar, replaceYear, upsertOverride } from '../store/calendarRepo.js'
import type { Actor } from './actor.js'
import { auditActor, authorize } from './actor.js'
import { appendAudit } from './auditLog.js'
import { ValidationError } from './errors.js'
import { refreshOpenCases } from './refreshOpenCases.js'

export interface YearNotice {
  year: number
  holidays: CalendarDay[]
  workdays: CalendarDay[]
  source: string
}

/** 'YYYY-MM-DD' or a range 'YYYY-MM-DD~YYYY-MM-DD' (also '..' or '至'), expanded to days. */
function expandDays(spec: string): CalendarDay[] | null {
  const [from, to, ...more] = spec.split(/~|\.\.|至/).map((p) => p.trim())
  if (from === undefined || !isCalendarDay(from) || more.length > 0) return null
  if (to === undefined) return [from]
  if (!isCalendarDay(to) || compareDays(from, to) > 0 || compareDays(addDays(from, 60), to) < 0) return null
  const out: CalendarDay[] = []
  for (let d = from; compareDays(d, to) <= 0; d = addDays(d, 1)) out.push(d)
  return out
}

const noticeSchema = z.object({
  year: z.number().int().min(2004, '年份应在2004年以后').max(2100, '年份无效'),
  holidays: z.array(z.string()).min(1, '请至少填写一个放假日期'),
  workdays: z.array(z.string()).default([]),
  source: z.string().trim().min(1, '请填写通知来源（如：国办发明电〔2026〕X号）'),
})

/**
 * Reads a year's notice as entered by an admin (a form or a JSON file): holidays and make-up working days,
 * each a day or a range. Errors name the field and the entry.
 */
export function parseYearNotice(input: unknown): YearNotice {
  const parsed = noticeSchema.safeParse(input)
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'notice', message: i.message })),
    )
  }
  const n = parsed.data
  const errors: { field: string; message: string }[] = []
  const expand = (field: 'holidays' | 'workdays') =>
    n[field].flatMap((spec, i) => {
      const days = expandDays(spec)
      if (!days) {
        errors.push({
          field: `${field}[${i}]`,
          message: `「${spec}」不是有效日期或日期范围（YYYY-MM-DD 或 YYYY-MM-DD~YYYY-MM-DD）`,
        })
        return []
      }
      // a notice may open with the last days of the year before (2023's: 2022-12-31 to 2023-01-02)
      const outside = days.find((d) => Number(d.slice(0, 4)) !== n.year && !d.startsWith(`${n.year - 1}-12-`))
      if (outside)
        errors.push({ field: `${field}[${i}]`, message: `${outside} 不在 ${n.year} 年内（仅可包含上一年12月的日期）` })
      return days
    })
  const holidays = expand('holidays')
  const workdays = expand('workdays')
  const both = holidays.find((d) => workdays.includes(d))
  if (both) errors.push({ field: 'workdays', message: `${both} 不能既是放假日又是调休上班日` })
  if (errors.length) throw new ValidationError(errors)
  return { year: n.year, holidays, workdays, source: n.source }
}

export interface EnterYearNoticeProps {
  store: Store
  actor: Actor
  /** the notice as entered (parseYearNotice reads it; its errors name the field) */
  notice: unknown
  today: CalendarDay
}

export interface EnteredYear {
  notice: YearNotice
  /** every day whose status the notice changed (the year, and the days it lists from the year before) */
  changes: DayChange[]
  /** open cases whose dates were recomputed as of `today` */
  refreshed: number
}

/**
 * Enters a whole year's notice at once (the State Council's 放假安排), replacing whatever the year held (the
 * package's days, an earlier entry, provisional holidays), and brings every open case's dates up to date,
 * in one transaction with its audit record.
 */
export async function enterYearNotice({
  store,
  actor,
  notice: input,
  today,
}: EnterYearNoticeProps): Promise<EnteredYear> {
  authorize(actor, 'calendar.manage')
  const notice = parseYearNotice(input)
  return store.db.transaction().execute(async (trx) => {
    const before = await loadWorkCalendar(trx)
    await replaceYear(trx, notice, 'national', actor.username)
    const after = await loadWorkCalendar(trx)
    // from the December before: the days a notice may list from it, now or in an earlier entry
    const from = calendarDay(`${notice.year - 1}-12-01`)
    const changes = calendarDiff(before, after, from, calendarDay(`${notice.year}-12-31`))
    const refreshed = await refreshOpenCases(trx, today)
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'calendar.year',
      targetType: 'calendar',
      targetId: notice.year,
      detail: { ...notice, changes: changes.length },
    })
    return { notice, changes, refreshed }
  })
}

const DAY_KINDS = ['holiday', 'workday', 'clear'] as const
type DayKind = (typeof DAY_KINDS)[number]

function isDayKind(s: string): s is DayKind {
  return DAY_KINDS.some((k) => k === s)
}

export interface SetCalendarDayProps {
  store: Store
  actor: Actor
  day: string
  /** 'holiday' | 'workday' | 'clear' (back to the package's calendar) */
  kind: string
  note?: string
  scope?: string
  today: CalendarDay
}

/** Overrides one day (a local holiday, a correction) and brings every open case's dates up to date. */
export async function setCalendarDay({ store, actor, day, kind, note = '', scope, today }: SetCalendarDayProps) {
  authorize(actor, 'calendar.manage')
  if (!isCalendarDay(day)) throw new ValidationError([{ field: 'day', message: '日期应为有效日期（YYYY-MM-DD）' }])
  if (!isDayKind(kind)) throw new ValidationError([{ field: 'kind', message: '请选择放假、上班或取消调整' }])
  return store.db.transaction().execute(async (trx) => {
    if (kind === 'clear') await deleteOverride(trx, day, scope)
    else await upsertOverride(trx, { day, kind, note, scope, createdBy: actor.username })
    const refreshed = await refreshOpenCases(trx, today)
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'calendar.day',
      targetType: 'calendar',
      targetId: day,
      detail: { kind, note },
    })
    return { day, refreshed }
  })
}

/** The calendar in force (package data and every override), for whoever shows dates. */
export function currentWorkCalendar(store: Store): Promise<WorkCalendar> {
  return loadWorkCalendar(store.db)
}
