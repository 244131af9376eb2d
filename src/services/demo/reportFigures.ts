import { findAgencyByCode } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { enterFigures } from '../report/figures.js'
import type { FigureInput } from '../report/figures.js'

/**
 * The figures of the two seed reports that no record of the platform could hold, entered as staff would
 * enter them (attributed, with their source): 福州's 表二 (2019 format) and 衢州's 统计表 items on
 * publication, meetings and staff. Numbers as the published reports print them. (The rows on 政务微博/微信,
 * responses and complaints come from the 政民互动 records since issue 16: interactionDemo.ts.)
 */
const FUZHOU_2020: Record<string, number> = {
  'proactive.art20_1.rules.newlyMade': 0,
  'proactive.art20_1.rules.newlyPublished': 0,
  'proactive.art20_1.rules.total': 0,
  'proactive.art20_1.normativeDocuments.newlyMade': 0,
  'proactive.art20_1.normativeDocuments.newlyPublished': 0,
  'proactive.art20_1.normativeDocuments.total': 3,
  'proactive.art20_5.licensing.previousYear': 0,
  'proactive.art20_5.licensing.change': 0,
  'proactive.art20_5.licensing.decisions': 0,
  'proactive.art20_5.otherServices.previousYear': 7,
  'proactive.art20_5.otherServices.change': 0,
  'proactive.art20_5.otherServices.decisions': 116,
  'proactive.art20_6.penalty.previousYear': 52,
  'proactive.art20_6.penalty.change': 0,
  'proactive.art20_6.penalty.decisions': 0,
  'proactive.art20_6.enforcement.previousYear': 0,
  'proactive.art20_6.enforcement.change': 0,
  'proactive.art20_6.enforcement.decisions': 0,
  'proactive.art20_8.fees.previousYear': 0,
  'proactive.art20_8.fees.change': 0,
  'proactive.art20_9.procurement.projects': 16,
  'proactive.art20_9.procurement.amountYuan': 79369,
}

const QUZHOU_2020: Record<string, number> = {
  'documents.issued': 5,
  'documents.issuedNormative': 5,
  'proactive.total': 1072,
  'proactive.policyDocs': 10,
  'proactive.policyDocsNormative': 5,
  'proactive.otherInfo': 35,
  'proactive.portal': 251,
  'proactive.otherChannel': 34,
  'response.interpretations': 6,
  'fees.waivedWan': 0,
  'meetings.conferences': 0,
  'meetings.trainings': 0,
  'meetings.trainees': 0,
  'staff.bodies': 1,
  'staff.dedicatedBodies': 0,
  'staff.partTimeBodies': 1,
  'staff.readingPoints': 1,
  'staff.people': 1,
  'staff.fullTime': 0,
  'staff.partTime': 2,
  'staff.fundsWan': 0,
}

// 衢州's sources by item group; 福州's 表二 comes from its licensing system and finance office
const QUZHOU_SOURCES: Record<string, string> = {
  proactive: '办公室统计（门户网站、政务微信后台导出）',
  response: '办公室宣传工作台账',
  documents: '办公室发文登记簿',
  staff: '人事科提供',
  meetings: '办公室会议记录',
}

function entries(
  agency: string,
  figures: Record<string, number>,
  enteredBy: string,
  sources: Record<string, string>,
  defaultSource: string,
): FigureInput[] {
  return Object.entries(figures).map(([key, value]) => ({
    agency,
    year: 2020,
    key,
    value,
    source: sources[key.split('.')[0] ?? ''] ?? defaultSource,
    enteredBy,
  }))
}

/** Enters the demo figures once per agency (a second run changes nothing). */
export async function loadReportFigures(
  store: Store,
  agencies: { fuzhouCode: string; quzhouCode: string },
): Promise<number> {
  let n = 0
  for (const [code, figures, by, sources, source] of [
    [agencies.fuzhouCode, FUZHOU_2020, '办公室 林海', {}, '行政审批系统及财务科提供'],
    [agencies.quzhouCode, QUZHOU_2020, '办公室 李政', QUZHOU_SOURCES, '办公室统计'],
  ] as const) {
    const agency = await findAgencyByCode(store.db, code)
    if (!agency) continue
    const has = await store.db
      .selectFrom('report_figures')
      .select('id')
      .where('agency_id', '=', agency.id)
      .limit(1)
      .executeTakeFirst()
    if (has) continue
    n += await enterFigures(store, entries(code, figures, by, sources, source))
  }
  return n
}
