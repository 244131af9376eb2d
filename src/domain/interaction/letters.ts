import type { CalendarDay } from '../calendar/calendarDay.js'
import { compareDays } from '../calendar/calendarDay.js'
import type { ComputedDay, WorkCalendar } from '../calendar/workCalendar.js'
import { addWorkingDays } from '../calendar/workingDays.js'

/** The four kinds of letter a person writes to the agency (政务咨询投诉举报). */
export const LETTER_KINDS = [
  { code: 'consult', label: '咨询' },
  { code: 'suggest', label: '建议' },
  { code: 'complain', label: '投诉' },
  { code: 'report', label: '举报' },
] as const

export type LetterKind = (typeof LETTER_KINDS)[number]['code']
export const LETTER_KIND_CODES = LETTER_KINDS.map((k) => k.code) as [LetterKind, ...LetterKind[]]

export function letterKindLabel(code: string): string {
  return LETTER_KINDS.find((k) => k.code === code)?.label ?? code
}

/**
 * Working days to answer, when the agency has set none: 咨询 5, the others 15 (the common practice of the
 * provincial 政务咨询投诉举报 platforms; an agency sets its own on the settings page). docs/decisions/0036-letters.md
 */
export const DEFAULT_LETTER_DEADLINES: Record<LetterKind, number> = {
  consult: 5,
  suggest: 15,
  complain: 15,
  report: 15,
}

/**
 * The last day to answer a letter: the agency's working days for its kind, counted by the applications'
 * calendar (the day of receipt is day zero, decision 0001).
 * @example letterDueDate('2026-09-28', 'consult', { consult: 5 }, cal) → { day: '2026-10-12', provisional: false }
 */
export function letterDueDate(
  receivedOn: CalendarDay,
  kind: LetterKind,
  deadlines: Partial<Record<LetterKind, number>>,
  cal: WorkCalendar,
): ComputedDay {
  return addWorkingDays(receivedOn, deadlines[kind] ?? DEFAULT_LETTER_DEADLINES[kind], cal)
}

/** Answered after its last day. */
export function answeredLate(dueOn: CalendarDay, answeredOn: CalendarDay): boolean {
  return compareDays(answeredOn, dueOn) > 0
}

/** Open and past its last day on `today`: the letters a 督办 is for. */
export function isOverdue(letter: { status: string; dueOn: CalendarDay }, today: CalendarDay): boolean {
  return letter.status !== 'answered' && compareDays(today, letter.dueOn) > 0
}

/**
 * Only a 咨询 or 建议, with its writer's consent, is ever published: a 投诉 or 举报 names people and facts under
 * inquiry (decision 0036), whatever the writer asked for.
 */
export function mayPublish(letter: { kind: string; wantsPublic: boolean; status: string }): boolean {
  return letter.wantsPublic && letter.status === 'answered' && (letter.kind === 'consult' || letter.kind === 'suggest')
}

export const LETTER_STATES = [
  { code: 'received', label: '待转办' },
  { code: 'routed', label: '办理中' },
  { code: 'answered', label: '已答复' },
] as const

export function letterStateLabel(code: string): string {
  return LETTER_STATES.find((s) => s.code === code)?.label ?? code
}

/** The writer's rating of the answer. */
export const RATINGS = [
  { code: 'satisfied', label: '满意' },
  { code: 'basic', label: '基本满意' },
  { code: 'dissatisfied', label: '不满意' },
] as const

export type Rating = (typeof RATINGS)[number]['code']
export const RATING_CODES = RATINGS.map((r) => r.code) as [Rating, ...Rating[]]

export function ratingLabel(code: string | null): string {
  return RATINGS.find((r) => r.code === code)?.label ?? '未评价'
}
