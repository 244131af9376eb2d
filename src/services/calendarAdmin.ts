import { z } from 'zod'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { addDays, compareDays, isCalendarDay } from '../domain/calendar/calendarDay.js'
import type { Store } from '../store/database.js'
import { deleteOverride, replaceYear, upsertOverride } from '../store/calendarRepo.js'
import { ValidationError } from './errors.js'
import { refreshOpenCases } from './refreshOpenCases.js'

export interface YearNotice {
  year: number
  holidays: CalendarDay[]
  workdays: CalendarDay[]
  source: string
}

/** 'YYYY-MM-DD' or a range 'YYYY-MM-DD~YYYY-MM-DD' (also '..' or '至'), expanded to days. */
export function expandDays(spec: string): CalendarDay[] | null {
  const parts = spec.split(/~|\.\.|至/).map((p) => p.trim())
  if (parts.length === 1 && isCalendarDay(parts[0] ?? '')) return [parts[0] as CalendarDay]
  if (parts.length !== 2 || !isCalendarDay(parts[0] ?? '') || !isCalendarDay(parts[1] ?? '')) return null
  const [from, to] = parts as [CalendarDay, CalendarDay]
  if (compareDays(from, to) > 0 || compareDays(addDays(from, 60), to) < 0) return null
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
      const outside = days.find((d) => Number(d.slice(0, 4)) !== n.year)
      if (outside) errors.push({ field: `${field}[${i}]`, message: `${outside} 不在 ${n.year} 年内` })
      return days
    })
  const holidays = expand('holidays')
  const workdays = expand('workdays')
  const both = holidays.find((d) => workdays.includes(d))
  if (both) errors.push({ field: 'workdays', message: `${both} 不能既是放假日又是调休上班日` })
  if (errors.length) throw new ValidationError(errors)
  return { year: n.year, holidays, workdays, source: n.source }
}

/** Enters a whole year's notice at once and brings every open case's dates up to date. */
export async function enterYearNotice(
  store: Store,
  notice: YearNotice,
  today: CalendarDay,
  actor: string | null = null,
) {
  return store.db.transaction().execute(async (trx) => {
    await replaceYear(trx, notice, 'national', actor)
    return { refreshed: await refreshOpenCases(trx, today) }
  })
}

export async function setCalendarDay(
  store: Store,
  o: { day: CalendarDay; kind: 'holiday' | 'workday' | 'clear'; note?: string; scope?: string },
  today: CalendarDay,
  actor: string | null = null,
) {
  return store.db.transaction().execute(async (trx) => {
    if (o.kind === 'clear') await deleteOverride(trx, o.day, o.scope)
    else await upsertOverride(trx, { day: o.day, kind: o.kind, note: o.note ?? '', scope: o.scope, createdBy: actor })
    return { refreshed: await refreshOpenCases(trx, today) }
  })
}
