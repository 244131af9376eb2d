import { findApplicationByQueryCode } from '../../store/applicationRepo.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { grantValid } from '../cases/grantDownload.js'
import type { SecondFactor } from '../cases/publicApplication.js'
import { SECOND_FACTORS } from '../cases/publicApplication.js'
import { NotFoundError } from '../errors.js'
import { applicantDetails } from '../personalData/vault.js'
import type { HeldData } from './heldData.js'
import { collectHeldData } from './heldData.js'

export type ApplicantOwnData =
  | { locked: true; queryCode: string; secondFactor: SecondFactor; secondFactorLabel: string }
  | { locked: false; queryCode: string; held: HeldData }

export interface ApplicantOwnDataProps {
  store: Store
  actor: Actor
  queryCode: string
  /** the grant the second factor gave (cookie), if any */
  grant: string
  /** the full download rather than the page */
  download?: boolean
  now: Date
}

/**
 * 《个人信息保护法》第四十五条 (the right to see and copy one's personal data): what the agency holds about the
 * applicant of a case, to whoever holds its query code and passed the second factor (issue 17 point 5). Without
 * the factor: only how to prove it. Each look and each download is audited.
 */
export async function applicantOwnData(p: ApplicantOwnDataProps): Promise<ApplicantOwnData> {
  const queryCode = p.queryCode.trim().toUpperCase()
  const row = await findApplicationByQueryCode(p.store.db, queryCode)
  if (!row) throw new NotFoundError('该查询码对应的申请')
  const id = Number(row.id)
  if (!p.grant || !(await grantValid(p.store, id, p.grant, p.now))) {
    const chosen = (await applicantDetails(p.store.db, row)).secondFactor
    const f = SECOND_FACTORS.find((x) => x.code === chosen) ?? SECOND_FACTORS[0]
    return { locked: true, queryCode, secondFactor: f.code, secondFactorLabel: f.label }
  }
  const held = await collectHeldData(p.store, row)
  await p.store.db.transaction().execute((trx) =>
    appendAudit(trx, {
      ...auditActor(p.actor),
      action: p.download ? 'case.personalDataDownloaded' : 'case.personalDataViewed',
      targetType: 'application',
      targetId: id,
    }),
  )
  return { locked: false, queryCode, held }
}
