import { z } from 'zod'
import { daySchema, isCalendarDay } from '../domain/calendar/calendarDay.js'
import { reviewEligibility } from '../domain/application/reviewEligibility.js'
import { loadCaseContext } from './caseContext.js'
import type { Kysely } from 'kysely'
import type { Store } from '../store/database.js'
import type { Database } from '../store/schema.js'
import { nowIso } from '../store/database.js'
import { NotFoundError, ValidationError } from './errors.js'
import { zodErrors } from './registerApplication.js'

// 年度报告表四: 行政复议 / 未经复议直接起诉 / 复议后起诉, each decided 维持 / 纠正 / 其他 (or 尚未审结)
const reviewInput = z.object({
  agencyId: z.number().int().positive('请选择机关'),
  applicationId: z.number().int().positive().nullable().optional(),
  kind: z.enum(['review', 'lawsuitDirect', 'lawsuitAfterReview'], { message: '类型应为行政复议或行政诉讼' }),
  filedOn: daySchema('申请（起诉）日期'),
  body: z.string().trim().min(1, '请填写复议机关或受理法院'),
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
 * a case, only one that reviewEligibility allows, as the case stood on the day of filing.
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
  const row = await trx
    .insertInto('reviews')
    .values({
      agency_id: r.agencyId,
      application_id: r.applicationId ?? null,
      kind: r.kind,
      filed_on: r.filedOn,
      result: null,
      decided_on: null,
      body: r.body,
      note: r.note,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/**
 * Records a review or lawsuit in one transaction without an audit entry: for the command line's bulk work and
 * the tests. People register them through services/cases/registerReview.ts.
 */
export async function recordReview(store: Store, input: ReviewInput): Promise<number> {
  const r = parseReview(input)
  return store.db.transaction().execute((trx) => insertReview(trx, r))
}

/** Records the decision of a review or the judgment of a lawsuit. */
export async function decideReview(
  store: Store,
  id: number,
  decision: { result: 'upheld' | 'corrected' | 'other'; decidedOn: string },
): Promise<void> {
  if (!isCalendarDay(decision.decidedOn))
    throw new ValidationError([{ field: 'decidedOn', message: '审结日期应为有效日期（YYYY-MM-DD）' }])
  await store.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('reviews').select(['filed_on', 'result']).where('id', '=', id).executeTakeFirst()
    if (!row) throw new NotFoundError('该复议或诉讼')
    if (row.result) throw new ValidationError([{ field: 'result', message: '该案已审结，不能重复录入结果' }])
    if (decision.decidedOn < row.filed_on)
      throw new ValidationError([{ field: 'decidedOn', message: '审结日期不能早于申请（起诉）日期' }])
    await trx
      .updateTable('reviews')
      .set({ result: decision.result, decided_on: decision.decidedOn })
      .where('id', '=', id)
      .execute()
  })
}
