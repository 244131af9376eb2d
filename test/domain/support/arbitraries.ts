import { fc } from '@fast-check/vitest'
import type { CalendarDay } from '../../../src/domain/calendar/calendarDay.js'
import { addDays } from '../../../src/domain/calendar/calendarDay.js'

/** Any day from 2023-12-01 to 2026-12-31: the three notices, the year turns, and the unknown-2027 edge. */
export const anyDay = fc.integer({ min: 0, max: 1126 }).map((i) => addDays('2023-12-01' as CalendarDay, i))
