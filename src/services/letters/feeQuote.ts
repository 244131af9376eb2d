import type { Kysely } from 'kysely'
import type { FeeMethod, FeeQuote } from '../../domain/fee/processingFee.js'
import { quoteFee } from '../../domain/fee/processingFee.js'
import type { Database } from '../../store/schema.js'
import { NotFoundError } from '../errors.js'
import { applicantOf } from '../../store/applicationRepo.js'

/** One applicant across applications: the name with the ID number or credit code they gave. */
function identityOf(applicantJson: string, name: string): string {
  const a = applicantOf({ applicant: applicantJson })
  const id = [a.idNumber, a.orgCode].find((v) => typeof v === 'string')
  return `${name}|${id ?? ''}`
}

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
  const same = await db
    .selectFrom('applications')
    .select(['id', 'applicant', 'applicant_name', 'received_on'])
    .where('agency_id', '=', row.agency_id)
    .where('applicant_name', '=', row.applicant_name)
    .where('received_on', '>=', `${month}-01`)
    .where('received_on', '<=', `${month}-31`)
    .execute()
  const me = identityOf(row.applicant, row.applicant_name)
  const earlier = same.filter(
    (a) =>
      identityOf(a.applicant, a.applicant_name) === me &&
      (a.received_on < row.received_on || (a.received_on === row.received_on && Number(a.id) < applicationId)),
  ).length
  return { ...quoteFee(method, { earlierThisMonth: earlier, items: 1, pages }), earlierThisMonth: earlier }
}
