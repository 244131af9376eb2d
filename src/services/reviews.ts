import { z } from 'zod'
import { daySchema, isCalendarDay } from '../domain/calendar/calendarDay.js'
import { reviewEligibility } from '../domain/application/reviewEligibility.js'
import { loadCaseContext } from './caseContext.js'
import type { Kysely } from 'kysely'
import type { Store } from '../store/database.js'
import type { Database } from '../store/schema.js'
import { findReview, findSameReview, insertReviewRow, updateReview } from '../store/reviewRepo.js'
import { NotFoundError, ValidationError } from './errors.js'
import { zodErrors } from './registerApplication.js'

// 年度报告表四: 行政复议 / 未经复议直接起诉 / 复议后起诉, each decided 维持 / 纠正 / 其他 (or 尚未审结)
const reviewInput = z.object({
  agencyId: z.number().int().positive('请选择机关'),
  applicationId: z.number().int().positive().nullable().optional(),
  kind: z.enum(['review', 'lawsuitDirect', 'lawsuitAfterReview'], { message: '类型应为行政复议或行政诉讼' }),
  filedOn: daySchema('申请（起诉）日期'),
  body: z.string().trim().min(1, '请填写复议机关或受理法院').max(100, '复议机关或受理法院过长（不超过100字）'),
  note: z.string().default(''),
})

export type ReviewInput = z.input<typeof reviewInput>

/** Reads a review or lawsuit as registered. */
export function parseReview(input: unknown): z.output<typeof reviewInput> {
  const parsed = reviewInput.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  return parsed.data
}

/**
 * Records an administrative review or lawsuit inside the caller's transaction (pending until decided). Against
 * a case, only one that reviewEligibility allows, as the case stood on the day of filing. The same registration
 * twice (same case, kind, day and body) is refused: 表四 would count one review twice.
 * docs/decisions/0023-reviews-registered-and-decided.md
 */
export async function insertReview(trx: Kysely<Database>, r: z.output<typeof reviewInput>): Promise<number> {
  if (r.applicationId) {
    const c = await loadCaseContext(trx, r.applicationId, r.filedOn)
    if (c.agency.id !== r.agencyId) throw new NotFoundError('该申请')
    if (r.filedOn < c.row.received_on) {
      throw new ValidationError([{ field: 'filedOn', message: '复议（起诉）日期不能早于申请收到日期' }])
    }
    const eligible = reviewEligibility(c.events, c.clock)
    if (!eligible.ok) throw new ValidationError([{ field: 'kind', message: eligible.reason }])
  }
  const row = { ...r, applicationId: r.applicationId ?? null }
  if ((await findSameReview(trx, row)) !== undefined) {
    throw new ValidationError([
      { field: 'kind', message: '该行政复议或诉讼已登记（类型、日期和复议机关或法院相同），不能重复登记' },
    ])
  }
  return insertReviewRow(trx, row)
}

/**
 * Records a review or lawsuit in one transaction without an audit entry: for the command line's bulk work and
 * the tests. People register them through services/cases/registerReview.ts.
 */
export async function recordReview(store: Store, input: ReviewInput): Promise<number> {
  const r = parseReview(input)
  return store.db.transaction().execute((trx) => insertReview(trx, r))
}

/** 表四's results, and 尚未审结 (no decision yet). */
export const REVIEW_RESULTS = [
  { code: 'upheld', label: '维持' },
  { code: 'corrected', label: '纠正' },
  { code: 'other', label: '其他' },
  { code: 'pending', label: '尚未审结' },
] as const

const dayOrEmpty = z.union([z.literal(''), daySchema('审结日期')])

/** The edit form of a review: body or court, received day, result and decision day. */
const reviewDecision = z
  .object({
    body: z.string().trim().min(1, '请填写复议机关或受理法院').max(100, '复议机关或受理法院过长（不超过100字）'),
    filedOn: daySchema('收到（立案）日期'),
    result: z.enum(['upheld', 'corrected', 'other', 'pending'], {
      message: '请选择审理结果（维持、纠正、其他或尚未审结）',
    }),
    decidedOn: dayOrEmpty.optional().default(''),
  })
  .superRefine((d, ctx) => {
    const fail = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message })
    if (d.result === 'pending' && d.decidedOn) fail('decidedOn', '尚未审结的案件不应填写审结日期')
    if (d.result !== 'pending' && !d.decidedOn) fail('decidedOn', '请填写审结日期')
    if (d.decidedOn && d.decidedOn < d.filedOn) fail('decidedOn', '审结日期不能早于收到（立案）日期')
  })

/** The edit form as typed (every field text; parseReviewDecision checks them). */
export interface ReviewDecisionForm {
  body: string
  filedOn: string
  result: string
  decidedOn?: string
}

/** Reads the edit form of a review: the stored change (result and day null while pending). */
export function parseReviewDecision(
  input: unknown,
  today?: string,
): {
  body: string
  filedOn: string
  result: string | null
  decidedOn: string | null
} {
  const parsed = reviewDecision.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const d = parsed.data
  if (today && d.result !== 'pending' && d.decidedOn > today)
    throw new ValidationError([{ field: 'decidedOn', message: '审结日期不能晚于今天' }])
  return {
    body: d.body,
    filedOn: d.filedOn,
    result: d.result === 'pending' ? null : d.result,
    decidedOn: d.result === 'pending' ? null : d.decidedOn,
  }
}

/**
 * Records the decision of a review or the judgment of a lawsuit once, without an audit entry: for the demo
 * data and the tests. People decide and correct them through services/cases/decideReview.ts.
 */
export async function decideReview(
  store: Store,
  id: number,
  decision: { result: 'upheld' | 'corrected' | 'other'; decidedOn: string },
): Promise<void> {
  if (!isCalendarDay(decision.decidedOn))
    throw new ValidationError([{ field: 'decidedOn', message: '审结日期应为有效日期（YYYY-MM-DD）' }])
  await store.db.transaction().execute(async (trx) => {
    const row = await findReview(trx, id)
    if (!row) throw new NotFoundError('该复议或诉讼')
    if (row.result) throw new ValidationError([{ field: 'result', message: '该案已审结，不能重复录入结果' }])
    const change = parseReviewDecision({ body: row.body, filedOn: row.filedOn, ...decision })
    await updateReview(trx, id, change)
  })
}
