// How bench/search/qualityLabels.json was written (run once, by hand, after a change of the demo catalog):
//   node --import tsx bench/search/qualityLabelsFrom.ts > bench/search/qualityLabels.json
// Each query is written with what a person typing it wants: groups of phrases, every group present in a
// document (one phrase of it, in its title, 文号 or text). The documents meeting that are its expected
// documents, by 索引号: grade 2 when the title alone meets it, else 1. The labels are then frozen in the JSON
// file; quality.ts never derives them again.
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { createAgency } from '../../src/services/agencies.js'
import { loadCatalogDemo } from '../../src/services/demo/catalogDemo.js'
import { FUZHOU, QUZHOU } from '../../src/services/demo/loadDemo.js'
import { publicDocuments } from '../../src/store/catalogRepo.js'
import { migrate, openStore } from '../../src/store/database.js'

export const TODAY = '2026-11-24' as CalendarDay

const QUERIES: [string, string[][]][] = [
  // abbreviations and colloquial names
  ['公租房', [['公共租赁住房', '公租房']]],
  ['棚改', [['棚户区改造', '棚改']]],
  ['住建局', [['住房和城乡建设局', '住房城乡建设局', '住建局']]],
  ['房管局', [['房产管理局', '房地产管理局', '房管局']]],
  ['维修基金', [['维修资金', '维修基金']]],
  ['物业费', [['物业服务收费', '物业服务费', '物业费']]],
  ['预售证', [['预售许可证', '预售证']]],
  ['电梯加装', [['加装电梯', '电梯加装']]],
  ['年报', [['年度报告', '年报']]],
  ['旧改', [['老旧小区改造', '旧城改造', '旧改']]],
  ['保障房', [['保障性住房', '保障房']]],
  ['公积金', [['公积金']]],
  ['二手房', [['存量房', '二手房']]],
  ['住建部门', [['住房和城乡建设部门', '住房城乡建设部门', '住建部门']]],
  ['网签', [['网上签约', '网签']]],
  ['棚户区改造', [['棚户区改造', '棚改']]],
  ['公共租赁住房', [['公共租赁住房', '公租房']]],
  // single characters
  ['房', [['房']]],
  ['租', [['租']]],
  ['费', [['费']]],
  ['罚', [['罚']]],
  ['梯', [['梯']]],
  // words and parts of words
  ['租赁住', [['租赁住']]],
  ['保障对象', [['保障对象']]],
  ['既有住宅', [['既有住宅']]],
  ['预售', [['预售']]],
  ['征收', [['征收']]],
  ['物业', [['物业']]],
  ['经纪', [['经纪']]],
  ['施工许可', [['施工许可']]],
  ['采购结果', [['采购结果']]],
  ['部门决算', [['部门决算']]],
  ['部门预算', [['部门预算']]],
  ['行政处罚', [['行政处罚']]],
  ['安全生产', [['安全生产']]],
  ['住房发展计划', [['住房发展计划']]],
  ['政策解读', [['政策解读']]],
  ['市场秩序', [['市场秩序']]],
  ['专项整治', [['专项整治']]],
  ['老旧小区', [['老旧小区']]],
  ['住房租赁', [['住房租赁']]],
  ['阶段性支持', [['阶段性支持']]],
  ['房产经纪', [['房产经纪']]],
  ['房地产开发', [['房地产开发']]],
  ['加装电梯', [['加装电梯', '电梯加装']]],
  // several words, typed with blanks
  ['公租房 名单', [['公共租赁住房', '公租房'], ['名单']]],
  ['公租房 2024', [['公共租赁住房', '公租房'], ['2024']]],
  ['物业 处罚', [['物业'], ['处罚']]],
  ['老旧小区 采购', [['老旧小区'], ['采购']]],
  ['商品房 预售 2023', [['商品房'], ['预售'], ['2023']]],
  ['福州 年度报告', [['福州'], ['年度报告', '年报']]],
  ['衢州 决算', [['衢州'], ['决算']]],
  ['房屋征收 补偿', [['房屋征收'], ['补偿']]],
  ['物业服务 考核', [['物业服务'], ['考核']]],
  ['维修资金 管理', [['维修资金', '维修基金'], ['管理']]],
  ['施工 安全', [['施工'], ['安全']]],
  // several words, typed without blanks
  ['公租房名单公示', [['公共租赁住房', '公租房'], ['名单'], ['公示']]],
  ['2024年预售许可', [['2024'], ['预售许可']]],
  ['住房公积金政策', [['住房公积金'], ['政策']]],
  ['物业公司处罚', [['物业'], ['公司'], ['处罚']]],
  ['老旧小区改造意见', [['老旧小区改造'], ['意见']]],
  ['电梯加装指导意见', [['加装电梯', '电梯加装'], ['指导意见']]],
  ['福州2022年报', [['福州'], ['2022'], ['年度报告', '年报']]],
  ['经纪公司处罚决定', [['经纪'], ['公司'], ['处罚决定']]],
  ['衢州住建局', [['衢州'], ['住房和城乡建设局', '住房城乡建设局', '住建局']]],
]

const store = await openStore('sqlite::memory:')
await migrate(store)
for (const a of [QUZHOU, FUZHOU]) await createAgency(store, a)
await loadCatalogDemo(store, { quzhouCode: QUZHOU.code, fuzhouCode: FUZHOU.code })
const docs = await publicDocuments(store.db, TODAY)
  .select(['index_no', 'title', 'doc_no', 'body_text'])
  .orderBy('index_no')
  .execute()
const meets = (text: string, groups: string[][]) => groups.every((g) => g.some((p) => text.includes(p)))
const labels = QUERIES.map(([q, intent]) => ({
  q,
  intent,
  relevant: docs
    .filter((d) => meets(`${d.title}\n${d.doc_no ?? ''}\n${d.body_text}`, intent))
    .map((d) => ({ indexNo: d.index_no as string, title: d.title, grade: meets(d.title, intent) ? 2 : 1 })),
}))
process.stdout.write(`${JSON.stringify(labels, null, 1)}\n`)
await store.close()
