import type { CasePageData } from '../../services/cases/casePageData.js'
import type { CaseView } from '../views/console/CasePage.js'

/** The case page's facts about a case. */
export function presentCase(d: CasePageData): CaseView {
  const { row, agency, state, events, clock } = d.case
  return {
    id: Number(row.id),
    ref: row.ref,
    queryCode: row.query_code,
    agencyName: agency.name,
    channel: row.channel,
    applicantKind: row.applicant_kind,
    applicantName: row.applicant_name,
    applicant: d.applicant,
    description: row.description,
    department: d.department,
    state,
    events,
    clock,
    files: d.files.map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, size: f.size })),
  }
}
