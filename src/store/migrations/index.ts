import type { Migration } from 'kysely'
import * as core from './2026-11-24-01-core.js'
import * as catalog10 from './2026-11-24-10-catalog.js'
import * as report20 from './2026-11-24-20-report.js'
import * as console30 from './2026-11-24-30-console.js'
import * as catalogVersion61 from './2026-11-24-61-catalog-version.js'
import * as answeredLate70 from './2026-12-04-70-answered-late.js'
import * as calendarNoticeYear72 from './2026-12-04-72-calendar-notice-year.js'
import * as caseRefs80 from './2026-12-04-80-case-refs.js'

/**
 * Every migration, by name (date-prefixed, applied in name order). Add a line per new migration file;
 * migration files import nothing from the app (style.md).
 */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-24-01-core': core,
  '2026-11-24-10-catalog': catalog10,
  '2026-11-24-20-report': report20,
  '2026-11-24-30-console': console30,
  '2026-11-24-61-catalog-version': catalogVersion61,
  '2026-12-04-70-answered-late': answeredLate70,
  '2026-12-04-72-calendar-notice-year': calendarNoticeYear72,
  '2026-12-04-80-case-refs': caseRefs80,
}
