import type { Kysely } from 'kysely'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { isCalendarDay } from '../domain/calendar/calendarDay.js'
import type { CalendarOverride, WorkCalendar } from '../domain/calendar/workCalendar.js'
import { buildWorkCalendar } from '../domain/calendar/workCalendar.js'
import type { Database } from './schema.js'
import { nowIso } from './database.js'
import { packageCalendarData } from './packageCalendar.js'

const NATIONAL = 'national'

/** The calendar in force: the package's data, then national overrides, then the scope's own (regional) ones. */
export async function loadWorkCalendar(db: Kysely<Database>, scope: string = NATIONAL): Promise<WorkCalendar> {
  const scopes = scope === NATIONAL ? [NATIONAL] : [NATIONAL, scope]
  const rows = await db
    .selectFrom('calendar_overrides')
    .select(['scope', 'day', 'kind', 'note'])
    .where('scope', 'in', scopes)
    .execute()
  const years = await db.selectFrom('calendar_years').select(['year']).where('scope', 'in', scopes).execute()
  // national rows first, so a regional correction of the same day wins
  rows.sort((a, b) => (a.scope === b.scope ? 0 : a.scope === NATIONAL ? -1 : 1))
  // a row whose day is not a date (never written by this code) cannot move a deadline: it is left out
  const overrides: CalendarOverride[] = rows.flatMap((r) =>
    isCalendarDay(r.day) ? [{ day: r.day, kind: r.kind === 'holiday' ? 'holiday' : 'workday', note: r.note }] : [],
  )
  return buildWorkCalendar({ ...packageCalendarData(), overrides, enteredYears: years.map((y) => Number(y.year)) })
}

export async function listOverrides(db: Kysely<Database>, scope: string = NATIONAL) {
  return db.selectFrom('calendar_overrides').selectAll().where('scope', '=', scope).orderBy('day').execute()
}

export async function listEnteredYears(db: Kysely<Database>, scope: string = NATIONAL) {
  return db.selectFrom('calendar_years').selectAll().where('scope', '=', scope).orderBy('year').execute()
}

export async function upsertOverride(
  db: Kysely<Database>,
  o: CalendarOverride & { scope?: string; createdBy?: string | null },
): Promise<void> {
  const scope = o.scope ?? NATIONAL
  await db.deleteFrom('calendar_overrides').where('scope', '=', scope).where('day', '=', o.day).execute()
  await db
    .insertInto('calendar_overrides')
    .values({
      scope,
      day: o.day,
      kind: o.kind,
      note: o.note ?? '',
      created_by: o.createdBy ?? null,
      created_at: nowIso(),
    })
    .execute()
}

export async function deleteOverride(db: Kysely<Database>, day: CalendarDay, scope: string = NATIONAL): Promise<void> {
  await db.deleteFrom('calendar_overrides').where('scope', '=', scope).where('day', '=', day).execute()
}

/**
 * Replaces a whole year's notice for a scope: every override of the year, and every row an earlier entry of
 * the same notice wrote (its days of the year before included), gives way to the notice's holidays and
 * make-up days, and the year becomes known (its package days are then set aside: buildWorkCalendar).
 * Call inside a transaction.
 */
export async function replaceYear(
  db: Kysely<Database>,
  notice: { year: number; holidays: readonly CalendarDay[]; workdays: readonly CalendarDay[]; source: string },
  scope: string = NATIONAL,
  createdBy: string | null = null,
): Promise<void> {
  const y = String(notice.year)
  await db
    .deleteFrom('calendar_overrides')
    .where('scope', '=', scope)
    .where((eb) =>
      eb.or([
        eb.and([eb('day', '>=', `${y}-01-01`), eb('day', '<=', `${y}-12-31`)]),
        eb('notice_year', '=', notice.year),
      ]),
    )
    .execute()
  // a day the notice lists from the year before replaces whatever that day held
  const outside = [...notice.holidays, ...notice.workdays].filter((d) => !d.startsWith(y))
  if (outside.length > 0)
    await db.deleteFrom('calendar_overrides').where('scope', '=', scope).where('day', 'in', outside).execute()
  const now = nowIso()
  const row = (day: CalendarDay, kind: 'holiday' | 'workday') => ({
    scope,
    day,
    kind,
    note: notice.source,
    created_by: createdBy,
    created_at: now,
    notice_year: notice.year,
  })
  const rows = [...notice.holidays.map((d) => row(d, 'holiday')), ...notice.workdays.map((d) => row(d, 'workday'))]
  if (rows.length > 0) await db.insertInto('calendar_overrides').values(rows).execute()
  await db.deleteFrom('calendar_years').where('scope', '=', scope).where('year', '=', notice.year).execute()
  await db
    .insertInto('calendar_years')
    .values({ scope, year: notice.year, source: notice.source, created_by: createdBy, created_at: now })
    .execute()
}
