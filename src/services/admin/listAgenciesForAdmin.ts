import { clockPolicyOf } from '../../domain/agency/settings.js'
import { DEFAULT_ONLINE_RECEIPT } from '../../domain/application/receipt.js'
import { can } from '../../domain/auth/permissions.js'
import type { Store } from '../../store/database.js'
import { listAgencies, listDepartments } from '../../store/agencyRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import type { AgencyReviewBody } from '../letters/reviewBody.js'
import { agencyReviewBody } from '../letters/reviewBody.js'

interface AgencyForAdmin {
  id: number
  name: string
  code: string
  departments: string[]
  parentId: number | null
  parentName: string | null
  /** the review body its letters name (行政复议法 2023 第二十四至二十八条) and whether an administrator confirmed it */
  review: AgencyReviewBody
  reviewBodySet: string | null
  court: string | null
  /** the prefix of its case numbers (decision 0020), null: 2026-00001 */
  caseRefPrefix: string | null
  /** 表三 row of its 第三十六条第（七）项 answers (decision 0011) */
  specialLawRow: string
  /** its clock choices, defaults included (decisions 0002, 0007) */
  clock: { feeNoticePauses: boolean; nextWorkingDay: boolean; closesAt: string }
}

export interface AgenciesForAdmin {
  agencies: AgencyForAdmin[]
  /** may the actor add agencies, set their kind and confirm their review body (a system administrator) */
  canAddAgency: boolean
}

/** An agency's clock choices as in force: its settings over the documented defaults. */
function clockOf(settings: Parameters<typeof clockPolicyOf>[0]): AgencyForAdmin['clock'] {
  const policy = clockPolicyOf(settings)
  return { feeNoticePauses: policy.feeNoticePauses, ...(policy.onlineReceipt ?? DEFAULT_ONLINE_RECEIPT) }
}

/** The agencies whose departments the actor manages, each with its departments, parent and review body. */
export async function listAgenciesForAdmin({
  store,
  actor,
}: {
  store: Store
  actor: Actor
}): Promise<AgenciesForAdmin> {
  const p = authorize(actor, 'department.manage')
  const all = await listAgencies(store.db)
  const agencies = all.filter((a) => can(p, 'department.manage', { agencyId: a.id }))
  const departments = await listDepartments(
    store.db,
    agencies.map((a) => a.id),
  )
  return {
    agencies: await Promise.all(
      agencies.map(async (a) => ({
        id: a.id,
        name: a.name,
        code: a.code,
        departments: departments.filter((d) => d.agencyId === a.id).map((d) => d.name),
        parentId: a.parentId,
        parentName: all.find((x) => x.id === a.parentId)?.name ?? null,
        review: await agencyReviewBody(store.db, a),
        reviewBodySet: a.settings.remedies?.reviewBody ?? null,
        court: a.settings.remedies?.court ?? null,
        specialLawRow: a.settings.clock?.answerKinds?.specialLaw ?? 'other.other',
        caseRefPrefix: a.settings.caseRefPrefix ?? null,
        clock: clockOf(a.settings),
      })),
    ),
    canAddAgency: can(p, 'agency.manage'),
  }
}
