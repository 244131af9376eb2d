import { existsSync, readFileSync } from 'node:fs'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { addDays } from '../../domain/calendar/calendarDay.js'
import { textToBody } from '../../domain/catalog/body.js'
import type { Actor } from '../../domain/catalog/workflow.js'
import { stepsFor } from '../../domain/catalog/workflow.js'
import type { Store } from '../../store/database.js'
import { findAgency } from '../agencies.js'
import { addSubColumn, ensureCatalog } from '../catalog/columns.js'
import { createDocument } from '../catalog/documents.js'
import { importDocuments } from '../catalog/importDocuments.js'
import { publishDocument } from '../catalog/publishDocument.js'
import { approveStep, submitDocument } from '../catalog/workflow.js'
import { between, personName, pick, seededRandom } from './random.js'
import { CATALOG_TEMPLATES, INTERPRETATION_PARAGRAPHS, POLICIES, SUB_COLUMNS } from './catalogTexts.js'

// The demo catalog of the two seed agencies: the standard disclosure column with sub-columns, the 2020 seed
// reports themselves in 政府信息公开年报, a few hundred plausible items (older ones imported from a previous
// system, recent ones through the whole review chain) and policy interpretations. Seeded: the same every run.

interface DemoAgency {
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

const SEEDS_DIR = new URL('../../../test/fixtures/seeds/', import.meta.url)

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
    const agency = await findAgency(store, a.code)
    if (!agency) continue
    const any = await store.db
      .selectFrom('documents')
      .select('id')
      .where('agency_id', '=', agency.id)
      .limit(1)
      .executeTakeFirst()
    if (any) continue
    lines.push(
      await loadAgencyCatalog(store, { id: Number(agency.id), name: agency.name, settings: agency.settings }, a),
    )
  }
  return lines.join('；')
}

async function loadAgencyCatalog(
  store: Store,
  agency: { id: number; name: string; settings: string },
  a: DemoAgency,
): Promise<string> {
  const settings = JSON.parse(agency.settings) as Record<string, unknown>
  if (settings.indexSerialWidth !== a.serialWidth) {
    await store.db
      .updateTable('agencies')
      .set({ settings: JSON.stringify({ ...settings, indexSerialWidth: a.serialWidth }) })
      .where('id', '=', agency.id)
      .execute()
  }
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
  const name = (slug: string) => SUB_COLUMNS.find((c) => c.slug === slug)?.name ?? slug
  const rand = seededRandom(a.seed)
  const importer: Actor = { name: '系统迁移', role: 'sysAdmin' }

  // 1. the catalog of the previous system (2019 – 2024), imported as published
  const rows: { row: number; values: Record<string, unknown> }[] = []
  const add = (values: Record<string, unknown>) => rows.push({ row: rows.length + 2, values })
  add({
    标题: `${agency.name}政府信息公开指南`,
    栏目: '政府信息公开指南',
    成文日期: '2019-05-10',
    发布日期: '2019-05-15',
    发布机构: agency.name,
    组配分类: '公开指南',
    信息来源: '局办公室',
    正文: CATALOG_TEMPLATES.guide(agency.name),
  })
  add({
    标题: `${agency.name}政府信息公开工作制度`,
    栏目: '政府信息公开制度',
    成文日期: '2019-06-03',
    发布日期: '2019-06-06',
    发布机构: agency.name,
    组配分类: '工作制度',
    信息来源: '局办公室',
    正文: CATALOG_TEMPLATES.rules(agency.name),
  })
  add({
    标题: `${agency.name}政府信息公开保密审查制度`,
    栏目: '政府信息公开制度',
    成文日期: '2019-06-03',
    发布日期: '2019-06-06',
    发布机构: agency.name,
    组配分类: '工作制度',
    信息来源: '局办公室',
    正文: CATALOG_TEMPLATES.secrecy(agency.name),
  })
  if (a.report) {
    const path = new URL(a.report.file, SEEDS_DIR)
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8').split('\n').slice(a.report.skipLines).join('\n')
      add({
        标题: a.report.title,
        栏目: '政府信息公开年报',
        成文日期: a.report.formedOn,
        发布日期: a.report.publishedOn,
        发布机构: agency.name,
        索引号: a.report.indexNo ?? '',
        组配分类: a.report.genre,
        信息来源: a.report.source,
        正文: text,
      })
    }
  }
  for (const year of [2019, 2021, 2022, 2023, 2024]) {
    add({
      标题: `${agency.name}${year}年政府信息公开工作年度报告`,
      栏目: '政府信息公开年报',
      成文日期: `${year + 1}-01-18`,
      发布日期: `${year + 1}-01-22`,
      发布机构: agency.name,
      组配分类: `${year}年度`,
      信息来源: '局办公室',
      正文: CATALOG_TEMPLATES.report(agency.name, year),
    })
  }
  for (const year of [2019, 2020, 2021, 2022, 2023, 2024]) {
    for (const t of CATALOG_TEMPLATES.yearly) {
      const count = t.perYear(rand)
      for (let n = 1; n <= count; n++) {
        const f = t.fill(rand, a.city, year, n)
        // formed in the n-th part of the year, out within days (a few late, as in real catalogs: 《条例》第二十六条)
        const month = Math.min(
          12,
          Math.floor(((n - 1) * 12) / count) + between(rand, 1, Math.max(1, Math.floor(12 / count))),
        )
        const formed =
          `${year}-${String(month).padStart(2, '0')}-${String(between(rand, 1, 20)).padStart(2, '0')}` as CalendarDay
        const published = addDays(formed, rand() < 0.9 ? between(rand, 1, 20) : between(rand, 31, 45))
        add({
          标题: f.title,
          栏目: name(t.column),
          成文日期: formed,
          发布日期: published,
          发布机构: agency.name,
          文号: f.docNo ?? '',
          主题分类: t.topic,
          组配分类: t.genre,
          信息来源: pick(rand, [
            '局办公室',
            '住房保障处',
            '房地产市场监管处',
            '物业管理处',
            '房屋征收管理处',
            '计划财务处',
          ]),
          条例第二十条类别: SUB_COLUMNS.find((c) => c.slug === t.column)?.art20 ?? '',
          有效性: year < 2021 && f.docNo && rand() < 0.15 ? '失效' : '有效',
          正文: f.body,
        })
      }
    }
  }
  // policies and their interpretations, the 文号 of the agency (福州: 榕房〔2020〕93号 …)
  const policies = POLICIES.map((p, i) => ({ ...p, i }))
  for (const p of policies.slice(0, 10)) {
    const year = 2019 + (p.i % 5)
    const num = p.fixedNo && a.docPrefix === '榕房' ? p.fixedNo : between(rand, 20, 160)
    const docNo = `${a.docPrefix}〔${p.fixedYear && a.docPrefix === '榕房' ? p.fixedYear : year}〕${num}号`
    const formed = `${p.fixedYear && a.docPrefix === '榕房' ? p.fixedYear : year}-${String(3 + (p.i % 9)).padStart(2, '0')}-${String(6 + p.i).padStart(2, '0')}`
    const published = addDays(formed as CalendarDay, between(rand, 3, 18))
    add({
      标题: p.title,
      栏目: name('policy'),
      成文日期: formed,
      发布日期: published,
      发布机构: agency.name,
      文号: docNo,
      主题分类: p.topic,
      组配分类: '规范性文件',
      信息来源: p.source,
      条例第二十条类别: '（一）行政法规、规章和规范性文件',
      正文: p.body(a.city),
    })
    add({
      标题: `《${p.title.replace(/^关于/, '关于')}》政策解读`,
      栏目: name('interpretation'),
      成文日期: formed,
      发布日期: published,
      发布机构: agency.name,
      主题分类: p.topic,
      组配分类: '政策解读',
      信息来源: p.source,
      正文: interpretation(rand, p.title, a.city, docNo),
    })
  }
  const imported = await importDocuments(store, agency.id, rows, importer, '2025-01-31' as CalendarDay)
  await linkInterpretations(store, agency.id)

  // 2. since the platform went live: drafted, reviewed step by step, published (with their interpretations)
  const office: Actor = { name: `${a.city === '福州市' ? '陈敏' : '李政'}（政务公开办）`, role: 'office' }
  const reviewers = {
    department: { name: `${personName(rand)}（处室负责人）`, role: 'reviewerDept' },
    leader: { name: `${personName(rand)}（分管副局长）`, role: 'reviewerLeader' },
    secrecy: { name: `${personName(rand)}（保密审查领导小组）`, role: 'reviewerSecrecy' },
    head: { name: `${personName(rand)}（局长）`, role: 'reviewerHead' },
  } as const
  const drafter: Actor = { name: personName(rand), role: 'handler' }
  let reviewed = 0
  const recent = policies.slice(10)
  let day = '2025-02-10' as CalendarDay
  for (const p of recent) {
    day = addDays(day, between(rand, 20, 40))
    const docNo = `${a.docPrefix}〔${day.slice(0, 4)}〕${between(rand, 1, 120)}号`
    const major = p.i % 3 === 0
    const policyId = await createDocument(
      store,
      {
        agencyId: agency.id,
        columnId: columns.get('policy') as number,
        title: p.title,
        bodyHtml: textToBody(p.body(a.city)),
        docNo,
        formedOn: day,
        topic: p.topic,
        genre: '规范性文件',
        publisher: agency.name,
        source: p.source,
        art20: 'art20_1',
        major,
        requiresInterpretation: true,
      },
      drafter,
      day,
    )
    const readingId = await createDocument(
      store,
      {
        agencyId: agency.id,
        columnId: columns.get('interpretation') as number,
        title: `《${p.title}》政策解读`,
        bodyHtml: textToBody(interpretation(rand, p.title, a.city, docNo)),
        formedOn: day,
        topic: p.topic,
        genre: '政策解读',
        publisher: agency.name,
        source: p.source,
        interpretsId: policyId,
      },
      drafter,
      day,
    )
    const publishOn = addDays(day, between(rand, 5, 25))
    for (const id of [readingId, policyId]) {
      await submitDocument(store, id, drafter, day)
      for (const step of stepsFor(id === policyId && major))
        await approveStep(
          store,
          id,
          step,
          pick(rand, ['同意', '同意发布', '经审核，内容属实，同意', '不涉及国家秘密、工作秘密，同意公开']),
          reviewers[step],
          day,
        )
    }
    await publishDocument(store, policyId, office, publishOn, {
      on: publishOn,
      channels: rand() < 0.6 ? [{ channel: 'wechat' }] : [],
    })
    reviewed += 2
  }
  return `${agency.name}：主动公开目录 ${imported + reviewed} 条（迁移 ${imported} 条，经审核发布 ${reviewed} 条）`
}

/** Imported interpretations name their policy in the title: link them (政策解读 ↔ 政策文件). */
async function linkInterpretations(store: Store, agencyId: number): Promise<void> {
  const docs = await store.db
    .selectFrom('documents')
    .select(['id', 'title', 'genre'])
    .where('agency_id', '=', agencyId)
    .execute()
  for (const d of docs.filter((x) => x.genre === '政策解读')) {
    const policyTitle = /^《(.+)》政策解读$/.exec(d.title)?.[1]
    const policy = docs.find((x) => x.title === policyTitle && x.genre !== '政策解读')
    if (policy)
      await store.db.updateTable('documents').set({ interprets_id: policy.id }).where('id', '=', d.id).execute()
  }
}

function interpretation(rand: () => number, title: string, city: string, docNo: string): string {
  return [
    `近日，${city}印发了《${title.replace(/^关于/, '关于')}》（${docNo}）。为便于社会公众理解，现就有关内容解读如下。`,
    ...INTERPRETATION_PARAGRAPHS.map((p) => p(rand, city)),
  ].join('\n')
}
