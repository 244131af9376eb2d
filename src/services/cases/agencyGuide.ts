import type { OfficeSettings } from '../../domain/agency/settings.js'
import { officeSettings } from '../../domain/agency/settings.js'
import { findAgencyByCode } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { agencyReviewBody } from '../letters/reviewBody.js'

/** 《条例》第十二条: what the 政府信息公开指南 states, from the agency's own settings (issue 14 point 1). */
export interface AgencyGuide {
  agency: { name: string; code: string }
  /** the office's particulars; an empty field is one the administrator has not set */
  office: OfficeSettings
  /** the review body the agency's letters name, if known (decision 0010), and the court */
  reviewBody: string | null
  court: string
}

/** The guide of the agency with this code; null when there is none. */
export async function agencyGuide(store: Store, code: string): Promise<AgencyGuide | null> {
  const agency = await findAgencyByCode(store.db, code)
  if (!agency) return null
  const review = await agencyReviewBody(store.db, agency)
  return {
    agency: { name: agency.name, code: agency.code },
    office: agency.settings.office ?? officeSettings.parse({}),
    reviewBody: review.body,
    court: agency.settings.remedies?.court ?? '有管辖权的人民法院',
  }
}
