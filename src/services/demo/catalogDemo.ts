import { calendarDay } from '../../domain/calendar/calendarDay.js'
import type { Actor } from '../../domain/catalog/workflow.js'
import { findAgencyByCode, updateAgencySettings } from '../../store/agencyRepo.js'
import type { Agency } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { addSubColumn, ensureCatalog } from '../catalog/columns.js'
import { importDocuments } from '../catalog/importDocuments.js'
import { linkInterpretations, migratedRows } from './catalogMigrated.js'
import { publishReviewedPolicies } from './catalogReviewed.js'
import { seededRandom } from './random.js'
import { tabulateSeedReport } from './seedReportBody.js'
import { SUB_COLUMNS } from './catalogTexts.js'

// The demo catalog of the two seed agencies: the standard disclosure column with sub-columns, the 2020 seed
// reports themselves in 政府信息公开年报, a few hundred plausible items (older ones imported from a previous
// system, recent ones through the whole review chain) and policy interpretations. Seeded: the same every run.

export interface DemoAgency {
  code: string
  city: string
  short: string
  docPrefix: string
  seed: number
  /** serial width of this agency's 索引号 (衢州 prints 6 digits) */
  serialWidth: number
  report?: {
    file: string
    title: string
    formedOn: string
    publishedOn: string
    genre: string
    source: string
    indexNo?: string
    skipLines: number
  }
}

export async function loadCatalogDemo(
  store: Store,
  codes: { quzhouCode: string; fuzhouCode: string },
): Promise<string> {
  const agencies: DemoAgency[] = [
    {
      code: codes.fuzhouCode,
      city: '福州市',
      short: '市住房保障和房产管理局',
      docPrefix: '榕房',
      seed: 350100,
      serialWidth: 5,
      report: {
        file: 'fuzhou-2020.txt',
        title: '福州市住房保障和房产管理局2020年政府信息公开工作年度报告',
        formedOn: '2021-01-28',
        publishedOn: '2021-01-29',
        genre: '2020年度',
        source: '局办公室',
        skipLines: 0,
      },
    },
    {
      code: codes.quzhouCode,
      city: '衢州市',
      short: '市住建局',
      docPrefix: '衢建',
      seed: 330800,
      serialWidth: 6,
      report: {
        file: 'quzhou-2020.txt',
        title: '衢州市住房和城乡建设局 2020年政府信息公开工作年度报告',
        formedOn: '2021-01-20',
        publishedOn: '2021-01-20',
        genre: '2020年度',
        source: '市住建局',
        indexNo: '113308000026188164/2021-119608',
        skipLines: 8,
      },
    },
  ]
  const lines: string[] = []
  for (const a of agencies) {
    const agency = await findAgencyByCode(store.db, a.code)
    if (!agency) continue
    const any = await store.db
      .selectFrom('documents')
      .select('id')
      .where('agency_id', '=', agency.id)
      .limit(1)
      .executeTakeFirst()
    if (any) continue
    lines.push(await loadAgencyCatalog(store, agency, a))
  }
  return lines.join('；')
}

async function loadAgencyCatalog(store: Store, agency: Agency, a: DemoAgency): Promise<string> {
  if (agency.settings.indexSerialWidth !== a.serialWidth)
    await updateAgencySettings(store.db, agency.id, { indexSerialWidth: a.serialWidth })
  const columns = await ensureCatalog(store, agency.id)
  for (const c of SUB_COLUMNS) {
    if (!columns.has(c.slug))
      columns.set(
        c.slug,
        await addSubColumn(store, {
          agencyId: agency.id,
          parentSlug: 'statutory',
          slug: c.slug,
          name: c.name,
          art20: c.art20,
        }),
      )
  }
  const rand = seededRandom(a.seed)
  const importer: Actor = { name: '系统迁移', role: 'sysAdmin' }
  const rows = migratedRows(agency, a, rand)
  // the demo's old catalog was reviewed and published in the agency's former system (issue 13: said explicitly)
  const imported = await importDocuments(store, agency.id, rows, importer, calendarDay('2025-01-31'), undefined, {
    publishNow: { reason: '原信息公开系统中已审核发布的目录迁移' },
  })
  await linkInterpretations(store, agency.id)
  if (a.report) await tabulateSeedReport(store, agency.id, a.report)
  const policy = columns.get('policy')
  const reading = columns.get('interpretation')
  // ensureCatalog and SUB_COLUMNS above made both columns
  if (policy === undefined || reading === undefined) throw new Error('demo catalog without its policy columns')
  const reviewed = await publishReviewedPolicies(store, agency, a, { policy, interpretation: reading }, rand)
  return `${agency.name}：主动公开目录 ${imported + reviewed} 条（迁移 ${imported} 条，经审核发布 ${reviewed} 条）`
}
