import { readFileSync, existsSync } from 'node:fs'
import { addDays, calendarDay } from '../../domain/calendar/calendarDay.js'
import type { Store } from '../../store/database.js'
import { between, pick } from './random.js'
import { INTERPRETATION_PARAGRAPHS, POLICIES } from './catalogPolicies.js'
import type { DemoPolicy } from './catalogPolicies.js'
import { CATALOG_TEMPLATES, SUB_COLUMNS } from './catalogTexts.js'
import type { DemoAgency } from './catalogDemo.js'

// The demo's catalog of the previous system (2019 – 2024): the rows of an import file, imported as published.

const SEEDS_DIR = new URL('../../../test/fixtures/seeds/', import.meta.url)

/** The demo's policies, numbered (the first ten were migrated, the rest go through the review chain). */
export const NUMBERED_POLICIES: (DemoPolicy & { i: number })[] = POLICIES.map((p, i) => ({ ...p, i }))

/** The import file's rows of one agency: guide, rules, reports, yearly items, policies and interpretations. */
export function migratedRows(
  agency: { name: string },
  a: DemoAgency,
  rand: () => number,
): { row: number; values: Record<string, unknown> }[] {
  const name = (slug: string) => SUB_COLUMNS.find((c) => c.slug === slug)?.name ?? slug

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
        const formed = calendarDay(
          `${year}-${String(month).padStart(2, '0')}-${String(between(rand, 1, 20)).padStart(2, '0')}`,
        )
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
  const policies = NUMBERED_POLICIES
  for (const p of policies.slice(0, 10)) {
    const year = 2019 + (p.i % 5)
    const num = p.fixedNo && a.docPrefix === '榕房' ? p.fixedNo : between(rand, 20, 160)
    const docNo = `${a.docPrefix}〔${p.fixedYear && a.docPrefix === '榕房' ? p.fixedYear : year}〕${num}号`
    const formed = `${p.fixedYear && a.docPrefix === '榕房' ? p.fixedYear : year}-${String(3 + (p.i % 9)).padStart(2, '0')}-${String(6 + p.i).padStart(2, '0')}`
    const published = addDays(calendarDay(formed), between(rand, 3, 18))
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
  return rows
}

/** Imported interpretations name their policy in the title: link them (政策解读 ↔ 政策文件). */
export async function linkInterpretations(store: Store, agencyId: number): Promise<void> {
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

export function interpretation(rand: () => number, title: string, city: string, docNo: string): string {
  return [
    `近日，${city}印发了《${title.replace(/^关于/, '关于')}》（${docNo}）。为便于社会公众理解，现就有关内容解读如下。`,
    ...INTERPRETATION_PARAGRAPHS.map((p) => p(rand, city)),
  ].join('\n')
}
