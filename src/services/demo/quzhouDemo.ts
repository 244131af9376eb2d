import { findAgencyByCode } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { loadQuzhouApplications } from './quzhouApplications.js'
import { loadReportFigures } from './reportFigures.js'

/** The annual-report part of the demo: 衢州's 2020 cases and both seed agencies' entered figures. Idempotent. */
export async function loadQuzhouDemo(
  store: Store,
  agencies: { quzhouCode: string; fuzhouCode: string },
): Promise<string> {
  const quzhou = await findAgencyByCode(store.db, agencies.quzhouCode)
  const cases = quzhou ? await loadQuzhouApplications(store, quzhou.id) : 0
  const figures = await loadReportFigures(store, agencies)
  return [cases ? `衢州2020年依申请公开 ${cases} 件` : '', figures ? `年度报告录入数据 ${figures} 项` : '']
    .filter(Boolean)
    .join('；')
}
