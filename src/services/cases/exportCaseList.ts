import { APPLICANT_KINDS, CHANNELS } from '../../domain/application/applicant.js'
import { isOutcomeCode, outcomeLabel } from '../../domain/application/outcomes.js'
import { CASE_STATES } from '../../domain/application/states.js'
import { listScope } from '../../domain/auth/permissions.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { LedgerLine } from '../../export/caseListXlsx.js'
import { caseListXlsx } from '../../export/caseListXlsx.js'
import { findApplication } from '../../store/applicationRepo.js'
import type { CaseListFilter } from '../../store/caseQueryRepo.js'
import { listCaseRows } from '../../store/caseQueryRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { auditAccess } from '../auditLog.js'
import { dueWindow } from './dueWindow.js'
import { withApplicantNames } from '../personalData/vault.js'
import { maskedSearchTerm } from '../../domain/personalData/searchKeys.js'

/** The most lines one export holds; a larger list is cut and the sheet says so. */
const LEDGER_MAX_LINES = 5000

export interface ExportCaseListProps {
  store: Store
  actor: Actor
  /** the list's filters in force (the page number is ignored: every page is exported) */
  filter: Omit<CaseListFilter, 'page'>
  today: CalendarDay
}

const label = (list: readonly { code: string; label: string }[], code: string) =>
  list.find((x) => x.code === code)?.label ?? code

function filterWords(f: Omit<CaseListFilter, 'page'>, agencyName: string | undefined): string {
  const parts = [
    f.state ? `状态：${label(CASE_STATES, f.state)}` : '',
    f.channel ? `申请方式：${label(CHANNELS, f.channel)}` : '',
    f.due ? `期限：${f.due === 'soon' ? '即将到期' : '已超期'}` : '',
    f.q ? `搜索：${f.q}` : '',
    f.agency && agencyName ? `机关：${agencyName}` : '',
  ].filter(Boolean)
  return parts.length ? parts.join('；') : '全部'
}

/**
 * The 依申请公开台账: the cases the actor may read that match the list's filters, every page of them, as an
 * XLSX workbook (the same query and scope as the console's list).
 */
export async function exportCaseList({ store, actor, filter, today }: ExportCaseListProps): Promise<Buffer> {
  const p = authorize(actor, 'case.read')
  const scope = listScope(p, 'case.read')
  const window = await dueWindow(store, today)
  const lines: LedgerLine[] = []
  let total = 0
  for (let page = 1; lines.length < LEDGER_MAX_LINES; page++) {
    const got = await listCaseRows(store.db, scope, { ...filter, page }, window)
    total = got.total
    for (const r of await withApplicantNames(store.db, got.rows)) {
      const row = await findApplication(store.db, r.id)
      lines.push({
        ref: r.ref,
        agency: r.agency,
        receivedOn: r.receivedOn,
        channel: label(CHANNELS, r.channel),
        applicantKind: row ? label(APPLICANT_KINDS, row.applicant_kind) : '',
        applicantName: r.applicantName,
        description: row?.description ?? '',
        department: r.department ?? '未分办',
        state: label(CASE_STATES, r.state),
        dueBy: r.dueBy ? `${r.dueBy}${r.dueProvisional ? '（暂定）' : ''}` : '',
        concludedOn: row?.concluded_on ?? '',
        outcome: r.outcome && isOutcomeCode(r.outcome) ? outcomeLabel(r.outcome) : (r.outcome ?? ''),
      })
    }
    if (got.rows.length === 0 || lines.length >= total) break
  }
  // the sheet carries every applicant's name: who took it is recorded (issue 15 point 8)
  await auditAccess(store.db, actor, 'case.export', {
    type: 'application',
    id: 'list',
    // a phone or ID number typed as the search stays out of the audit trail in clear (decision 0045)
    detail: { lines: Math.min(lines.length, LEDGER_MAX_LINES), filter: { ...filter, q: maskedSearchTerm(filter.q) } },
  })
  const cut = total > lines.length ? `（共 ${total} 件，仅导出前 ${lines.length} 件，请缩小筛选范围）` : undefined
  return caseListXlsx({
    title: `依申请公开台账（${today}导出）`,
    filters: filterWords(filter, lines[0]?.agency),
    lines: lines.slice(0, LEDGER_MAX_LINES),
    ...(cut ? { note: cut } : {}),
  })
}
