import type { CaseListRow } from '../../services/cases/listCases.js'
import type { ListRow } from '../views/console/CaseTable.js'

/** A case as the console's tables show it. */
export function presentCaseLine(r: CaseListRow): ListRow {
  return {
    id: r.id,
    ref: r.ref,
    applicantName: r.applicantName,
    channel: r.channel,
    receivedOn: r.receivedOn,
    state: r.state,
    dueBy: r.dueBy,
    dueProvisional: r.dueProvisional,
    outcome: r.outcome,
    department: r.department,
    agency: r.agency,
  }
}
