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
import { deleteImportedCases, refsTaken } from '../../store/importRepo.js'
import type { Database } from '../../store/schema.js'
import type { WorkCalendar } from '../../domain/calendar/workCalendar.js'
import type { ClockPolicy } from '../../domain/application/clock.js'
import type { Kysely } from 'kysely'

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

/** Cases written per transaction: each holds the write lock for a fraction of a second. */
const IMPORT_CHUNK = 100
/**
 * A pause after each part on SQLite, so that writers waiting for its one write lock get it: the busy handler polls
 * at intervals of up to 100 ms, and an import that began its next part at once would win the lock every time.
 */
const IMPORT_PAUSE_MS = 120

/** A row whose 编号 a case took while the file was being applied (an online submission in between). */
class RefTakenMeanwhile extends Error {
  constructor(readonly ref: string) {
    super(`ref ${ref} taken during the import`)
  }
}

/**
 * Imports an office's 依申请公开台账 into an agency, keyed by 编号 so that importing the same file again
 * changes nothing. Each row becomes a case with its history; its derived facts (state, outcome, dates) are
 * computed as for any case.
 *
 * All rows or none, without holding the database for the whole file (issue 15 finding 6, decision 0030): every
 * row is checked first, outside any transaction; then the cases are written IMPORT_CHUNK at a time, each part in
 * a short transaction of its own with its audit entries, so that online applications go on between the parts.
 * Should a part fail, the parts already written are removed again in one transaction, audited as undone.
 */
export async function importApplications(
  store: Store,
  input: {
    agencyCode: string
    rows: readonly string[][]
    today: CalendarDay
    /** called after each part is written (a promise is awaited before the next part) */
    onProgress?: (done: number, total: number) => void | Promise<void>
    /** who imports, for the audit trail (the command line: the system user) */
    actor?: AuditActor
  },
): Promise<ImportResult> {
  const agency = await findAgencyByCodeOrName(store.db, input.agencyCode)
  if (!agency)
    throw new NotFoundError(`该统一社会信用代码为 ${input.agencyCode} 的机关（可先用 gongkai agency add 创建）`)
  const { cases, errors, warnings } = validateLedger(input.rows, input.today)
  if (errors.length) return { errors, warnings, created: 0, unchanged: 0 }
  for (const c of cases) stateOf(c.events) // each history is a legal sequence of states (throws otherwise)
  const agencyId = Number(agency.id)
  const policy = clockPolicyOf(agency.settings)
  const actor = input.actor ?? { actor: '台账导入', ip: '' }
  const cal = await loadWorkCalendar(store.db)
  const existing = await refsTaken(
    store.db,
    agencyId,
    cases.map((c) => c.ref),
  )
  const fresh = cases.filter((c) => !existing.has(c.ref))
  const created: number[] = []
  try {
    for (let start = 0; start < fresh.length; start += IMPORT_CHUNK) {
      const part = fresh.slice(start, start + IMPORT_CHUNK)
      const ids = await store.db.transaction().execute(async (trx) => {
        const taken = await refsTaken(
          trx,
          agencyId,
          part.map((c) => c.ref),
        )
        const first = part.find((c) => taken.has(c.ref))
        if (first) throw new RefTakenMeanwhile(first.ref)
        const out: number[] = []
        for (const c of part) out.push(await importCase(trx, agencyId, c, { cal, today: input.today, policy, actor }))
        return out
      })
      created.push(...ids)
      if (store.engine === 'sqlite') await new Promise((resolve) => setTimeout(resolve, IMPORT_PAUSE_MS))
      await input.onProgress?.(Math.min(cases.length, existing.size + start + part.length), cases.length)
    }
  } catch (err) {
    await undoImport(store, created, actor, err)
    if (err instanceof RefTakenMeanwhile) {
      const row = cases.findIndex((c) => c.ref === err.ref) + 2
      const message = `编号「${err.ref}」在导入过程中已被新登记的申请使用，未导入任何数据：请改用其他编号后重新导入`
      return { errors: [{ row, column: '编号', message }], warnings, created: 0, unchanged: 0 }
    }
    throw err
  }
  if (fresh.length === 0) await input.onProgress?.(cases.length, cases.length)
  return { errors: [], warnings, created: created.length, unchanged: existing.size }
}

/** One ledger row written as a case with its history, derived facts and audit entry. */
async function importCase(
  trx: Kysely<Database>,
  agencyId: number,
  c: LedgerCase,
  at: { cal: WorkCalendar; today: CalendarDay; policy: ClockPolicy; actor: AuditActor },
): Promise<number> {
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
  for (const [seq, e] of c.events.entries()) await appendEvent(trx, id, seq, e)
  await saveDerived(trx, id, c.events, computeClock(c.events, at.cal, at.today, at.policy))
  await appendAudit(trx, {
    ...at.actor,
    action: 'case.imported',
    targetType: 'application',
    targetId: id,
    detail: { ref: c.ref, events: c.events.length },
  })
  return id
}

/** The parts of a failed import removed again, in one transaction that says so in the audit trail. */
async function undoImport(store: Store, ids: readonly number[], actor: AuditActor, cause: unknown): Promise<void> {
  if (ids.length === 0) return
  await store.db.transaction().execute(async (trx) => {
    await deleteImportedCases(trx, ids)
    await appendAudit(trx, {
      ...actor,
      action: 'case.importUndone',
      targetType: 'application',
      targetId: ids[0] ?? 0,
      detail: {
        cases: ids.length,
        firstId: ids[0],
        lastId: ids.at(-1),
        reason: String((cause as Error)?.message ?? cause).slice(0, 200),
      },
    })
  })
}
