import type { Kysely } from 'kysely'
import type { FeeMethod, FeeQuote } from '../../domain/fee/processingFee.js'
import { quoteFee } from '../../domain/fee/processingFee.js'
import type { Database } from '../../store/schema.js'
import { NotFoundError } from '../errors.js'
import { sameApplicantCases } from '../../store/duplicateRepo.js'
import { identityHashOf } from '../../store/personalData/sealedStore.js'

/**
 * The fee of an application by `method`. 按件计收: the same applicant's applications to the same agency earlier in the same
 * calendar month (自然月, by receipt date) count first (国办函〔2020〕109号 第四条); 按量计收: by `pages` (第五条).
 */
export async function feeQuoteFor(
  db: Kysely<Database>,
  applicationId: number,
  method: FeeMethod = 'byCount',
  pages = 0,
): Promise<FeeQuote & { earlierThisMonth: number }> {
  const row = await db.selectFrom('applications').selectAll().where('id', '=', applicationId).executeTakeFirst()
  if (!row) throw new NotFoundError('该申请')
  const month = row.received_on.slice(0, 7)
  const hash = await identityHashOf(db, applicationId)
  const same = hash
    ? await sameApplicantCases(db, Number(row.agency_id), hash)
        .select(['applications.id', 'applications.received_on'])
        .where('applications.received_on', '>=', `${month}-01`)
        .where('applications.received_on', '<=', `${month}-31`)
        .execute()
    : []
  const earlier = same.filter(
    (a) => a.received_on < row.received_on || (a.received_on === row.received_on && Number(a.id) < applicationId),
  ).length
  return { ...quoteFee(method, { earlierThisMonth: earlier, items: 1, pages }), earlierThisMonth: earlier }
}
