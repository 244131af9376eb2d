import type { Kysely } from 'kysely'
import type { CaseReportFacts } from '../domain/report/caseFacts.js'
import type { Database } from './schema.js'

/** Writes a case's report facts (stored copies; called from saveDerived, never by hand). */
export async function updateReportFacts(db: Kysely<Database>, id: number, f: CaseReportFacts): Promise<void> {
  await db
    .updateTable('applications')
    .set({
      answer_kind: f.answerKind,
      extended: f.extended ? 1 : 0,
      answered_late: f.answeredLate ? 1 : 0,
      fee_noticed_on: f.feeNoticedOn,
      fee_yuan: f.feeYuan,
      fee_paid_on: f.feePaidOn,
    })
    .where('id', '=', id)
    .execute()
}
