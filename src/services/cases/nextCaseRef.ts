import type { Kysely } from 'kysely'
import { caseRef } from '../../domain/application/caseRef.js'
import type { Agency } from '../../store/agencyRepo.js'
import { caseRefTaken, takeCaseNumber } from '../../store/caseRefRepo.js'
import type { Database } from '../../store/schema.js'

/**
 * The number of a new case of `agency` received in `year`, taken inside the registering transaction: the
 * agency's next number of that year, skipping any number a case of the agency already holds (an imported
 * ledger's), so that no number is ever given twice (decision 0020).
 */
export async function nextCaseRef(trx: Kysely<Database>, agency: Agency, year: number): Promise<string> {
  for (;;) {
    const ref = caseRef(agency.settings.caseRefPrefix, year, await takeCaseNumber(trx, agency.id, year))
    if (!(await caseRefTaken(trx, agency.id, ref))) return ref
  }
}
