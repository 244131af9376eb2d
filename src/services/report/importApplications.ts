import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { computeClock } from '../../domain/application/clock.js'
import { stateOf } from '../../domain/application/states.js'
import type { LedgerCase, LedgerError, LedgerWarning } from '../../domain/report/ledger.js'
import {
  checkLedgerHeader,
  IMPORT_WARNINGS,
  LEDGER_OPTIONAL,
  LEDGER_REQUIRED,
  parseLedgerRow,
} from '../../domain/report/ledger.js'
import type { Store } from '../../store/database.js'
import { appendEvent, insertApplication } from '../../store/applicationRepo.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import { saveDerived } from '../caseFile.js'
import { clockPolicyOf } from '../../domain/agency/settings.js'
import { findAgencyByCodeOrName } from '../../store/agencyRepo.js'
import { NotFoundError } from '../errors.js'
import { newQueryCode } from '../registerApplication.js'
import type { AuditActor } from '../../store/auditRepo.js'
import { appendAudit } from '../../store/auditRepo.js'

export interface ImportResult {
  /** every problem found; when there is any, nothing was written */
  errors: LedgerError[]
  /** rows imported with something missing that the import could do without (listed, kept on the case) */
  warnings: LedgerWarning[]
  created: number
  /** rows whose 编号 the agency already has (a second import of the same file changes nothing) */
  unchanged: number
}

/** Validates every row of a ledger (header = row 1), all of them, before anything is written. */
export function validateLedger(
  rows: readonly string[][],
  today: CalendarDay,
): { cases: LedgerCase[]; errors: LedgerError[]; warnings: LedgerWarning[] } {
  const [header = [], ...body] = rows
  const names = header.map((h) => h.trim())
  const errors = checkLedgerHeader(names)
  const warnings: LedgerWarning[] = []
  if (errors.length) return { cases: [], errors, warnings }
  const cases: LedgerCase[] = []
  const refs = new Map<string, number>()
  body.forEach((cells, i) => {
    const row = i + 2
    const record: Record<string, string> = {}
    names.forEach((h, c) => {
      if ((LEDGER_REQUIRED as readonly string[]).includes(h) || (LEDGER_OPTIONAL as readonly string[]).includes(h))
        record[h] = cells[c] ?? ''
    })
    const parsed = parseLedgerRow(row, record, today)
    errors.push(...parsed.errors)
    warnings.push(...parsed.warnings)
    if (parsed.case) {
      const first = refs.get(parsed.case.ref)
      if (first) errors.push({ row, column: '编号', message: `编号「${parsed.case.ref}」与第${first}行重复` })
      else refs.set(parsed.case.ref, row)
      cases.push(parsed.case)
    }
  })
  return { cases, errors, warnings }
}

/**
 * Imports an office's 依申请公开台账 into an agency: all rows or none (one transaction), keyed by 编号 so that
 * importing the same file again changes nothing. Each row becomes a case with its history; its derived facts
 * (state, outcome, dates) are computed as for any case.
 */
export async function importApplications(
  store: Store,
  input: {
    agencyCode: string
    rows: readonly string[][]
    today: CalendarDay
    onProgress?: (done: number, total: number) => void
    /** who imports, for the audit trail (the command line: the system user) */
    actor?: AuditActor
  },
): Promise<ImportResult> {
  const agency = await findAgencyByCodeOrName(store.db, input.agencyCode)
  if (!agency)
    throw new NotFoundError(`该统一社会信用代码为 ${input.agencyCode} 的机关（可先用 gongkai agency add 创建）`)
  const { cases, errors, warnings } = validateLedger(input.rows, input.today)
  if (errors.length) return { errors, warnings, created: 0, unchanged: 0 }
  const agencyId = Number(agency.id)
  const policy = clockPolicyOf(agency.settings)
  return store.db.transaction().execute(async (trx) => {
    const cal = await loadWorkCalendar(trx)
    const existing = new Set(
      (await trx.selectFrom('applications').select('ref').where('agency_id', '=', agencyId).execute()).map(
        (r) => r.ref,
      ),
    )
    let created = 0
    let unchanged = 0
    for (const [i, c] of cases.entries()) {
      if (existing.has(c.ref)) unchanged++
      else {
        const id = await insertApplication(trx, {
          agencyId,
          ref: c.ref,
          queryCode: newQueryCode(),
          channel: c.channel,
          applicantKind: c.applicantKind,
          applicantName: c.applicantName,
          applicant: { importedFrom: '台账', ...(c.warnings.length ? { [IMPORT_WARNINGS]: c.warnings } : {}) },
          description: c.description,
          topic: null,
          receivedOn: c.receivedOn,
        })
        stateOf(c.events) // the history is a legal sequence of states (throws otherwise)
        for (const [seq, e] of c.events.entries()) await appendEvent(trx, id, seq, e)
        await saveDerived(trx, id, c.events, computeClock(c.events, cal, input.today, policy))
        await appendAudit(trx, {
          ...(input.actor ?? { actor: '台账导入', ip: '' }),
          action: 'case.imported',
          targetType: 'application',
          targetId: id,
          detail: { ref: c.ref, events: c.events.length },
        })
        created++
      }
      input.onProgress?.(i + 1, cases.length)
    }
    return { errors: [], warnings, created, unchanged }
  })
}
