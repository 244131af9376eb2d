// Page shapes real reports come in, built from the 福州 seed's hand transcription: a Markdown table,
// a PDF extracted by layout with page footers and a repeated header inside the table, OCR'd digits, a
// text table without its 总计 column, explanatory rows inside the table.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditReport } from '../../src/audit/audit.js'
import { CUMULATIVE_SUFFIX } from '../../src/domain/report/legacyKeys.js'
import { compareWithTranscription, fixtures, readTranscription } from './support.js'

const hand = readTranscription(path.join(fixtures, 'seeds/001_6cd2a124bf8ccbf4.tables.txt'))
const FUZHOU = readFileSync(path.join(fixtures, 'seeds/001_6cd2a124bf8ccbf4.txt'), 'utf8')
const NAMES: Record<string, string> = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  'results.disclosed': '三、本年度办理结果 （一）予以公开',
  'results.partiallyDisclosed': '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'results.withheld.stateSecret': '（三）不予公开 1.属于国家秘密',
  'results.withheld.prohibitedByLaw': '2.其他法律行政法规禁止公开',
  'results.withheld.securityStability': '3.危及“三安全一稳定”',
  'results.withheld.thirdPartyRights': '4.保护第三方合法权益',
  'results.withheld.internalAffairs': '5.属于三类内部事务信息',
  'results.withheld.processInformation': '6.属于四类过程性信息',
  'results.withheld.enforcementFiles': '7.属于行政执法案卷',
  'results.withheld.administrativeQuery': '8.属于行政查询事项',
  'results.unableToProvide.notHeld': '（四）无法提供 1.本机关不掌握相关政府信息',
  'results.unableToProvide.needsCreation': '2.没有现成信息需要另行制作',
  'results.unableToProvide.unclearAfterSupplement': '3.补正后申请内容仍不明确',
  'results.notProcessed.petitionOrComplaint': '（五）不予处理 1.信访举报投诉类申请',
  'results.notProcessed.duplicate': '2.重复申请',
  'results.notProcessed.publication': '3.要求提供公开出版物',
  'results.notProcessed.excessiveRepeated': '4.无正当理由大量反复申请',
  'results.notProcessed.confirmOrReissue': '5.要求行政机关确认或重新出具已获取信息',
  'results.other.other': '（六）其他处理',
  'results.total': '（七）总计',
  carriedForward: '四、结转下年度继续办理',
}
const rows = [...hand.rows].map(([p, v]) => [NAMES[p]!, v] as const)
const r4 = hand.reviews!
const HEADER = '申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他'
const before = FUZHOU.slice(0, FUZHOU.indexOf('三、收到和处理政府信息公开申请情况'))
const after = FUZHOU.slice(FUZHOU.indexOf('五、存在的主要问题及改进情况'))
const TABLE4_HEAD =
  '行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计'

function page(table3: string, table4 = `${TABLE4_HEAD}\n${r4.join(' ')}`): string {
  return `${before}三、收到和处理政府信息公开申请情况\n${table3}\n四、政府信息公开行政复议、行政诉讼情况\n${table4}\n${after}`
}

function expectAsTranscribed(text: string, findings: string[] = []) {
  const r = auditReport(text)
  const { wrong, nulls } = compareWithTranscription(r, hand)
  expect(wrong).toEqual([])
  expect(nulls).toEqual([])
  expect(r.findings.map((f) => f.rule)).toEqual(findings)
}

describe('page shapes', () => {
  it('a Markdown table (converted page)', () => {
    const md = [
      `| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |`,
      `|---|---:|---:|---:|---:|---:|---:|---:|`,
      ...rows.map(([name, v]) => `| ${name} | ${v.join(' | ')} |`),
    ].join('\n')
    expectAsTranscribed(page(md))
  })

  it('a PDF read by layout: one row per line, page footers and the header repeated inside the table', () => {
    const lines = rows.map(([name, v]) => `${name}     ${v.join('   ')}`)
    lines.splice(9, 0, '', '- 3 -', '第 3 页 共 8 页', '', HEADER)
    lines.splice(18, 0, '3/8')
    expectAsTranscribed(page(`${HEADER}\n${lines.join('\n')}`, `${TABLE4_HEAD}\n- 4 -\n${r4.join('  ')}`))
  })

  it('a PDF in reading order: labels and numbers each on their own line, labels broken mid-word', () => {
    const text = rows.map(([name, v]) => `${name.slice(0, 5)}\n${name.slice(5)}\n${v.join('\n')}`).join('\n')
    expectAsTranscribed(page(`${HEADER.split(' ').join('\n')}\n${text}`))
  })

  it("OCR'd digits: O for 0 and l for 1 inside numbers", () => {
    const ocr = rows.map(
      ([name, v]) => `${name} ${v.map((n) => String(n).replace(/0/g, 'O').replace(/1/g, 'l')).join(' ')}`,
    )
    expectAsTranscribed(page(`${HEADER}\n${ocr.join('\n')}`))
  })

  it('explanatory rows and units inside the table do not shift any row', () => {
    const lines = rows.map(([name, v]) => `${name}\t${v.join('\t')}`)
    lines.splice(2, 0, '（说明：本表按申请件数统计，单位：件）')
    lines.splice(10, 0, '注：不予公开各项之和为不予公开总数')
    expectAsTranscribed(page(`${HEADER}\n${lines.join('\n')}`))
  })

  it('a text table without its 总计 column: six columns read, the total null and said so', () => {
    const six = rows.map(([name, v]) => `${name} ${v.slice(0, 6).join(' ')}`)
    const r = auditReport(
      page(`申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他\n${six.join('\n')}`),
    )
    const { wrong, nulls } = compareWithTranscription(r, hand)
    expect(wrong).toEqual([])
    expect(nulls).toEqual(rows.map((_, i) => `${[...hand.rows.keys()][i]}[6]`))
    expect(r.findings.map((f) => f.rule)).toEqual(['parse.columnMissing'])
  })
})

describe('blank cells in a row written on one line', () => {
  it('an empty cell between two numbers is the format’s 0 (a Markdown or |-separated row)', () => {
    const md = rows.map(([name, v]) => `| ${name} | ${v.map((n) => (n === 0 ? ' ' : String(n))).join(' | ')} |`)
    expectAsTranscribed(
      page(`| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n${md.join('\n')}`),
    )
  })

  it('separators all doubled on a line are one separator, not blank cells', () => {
    const md = rows.map(([name, v]) => `|| ${name} || ${v.join(' || ')} ||`)
    expectAsTranscribed(page(`${HEADER}\n${md.join('\n')}`))
  })
})

it('runs of tabs or spaces only align cells: never a blank cell', () => {
  const lines = rows.map(([name, v]) => `${name}\t\t${v.join('\t\t')}`)
  expectAsTranscribed(page(`${HEADER}\n${lines.join('\n')}`))
})

it('a text table with its 总计 column first: found by the table’s own sums and read into its place', () => {
  const lines = rows.map(([name, v]) => `${name} ${[v[6], ...v.slice(0, 6)].join(' ')}`)
  expectAsTranscribed(page(`总计 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他\n${lines.join('\n')}`))
})

describe('a two-column 附表 (本年 and 历年累计)', () => {
  const table = (rows: [string, string][]) =>
    `莆田市某局2017年政府信息公开工作年度报告\n（二）附表\n指标名称 单位 2017年 历年累计\n${rows.map(([l, v]) => `${l} 条 ${v}`).join('\n')}`
  const items = (t: string) => auditReport(t).legacy

  it('printed without equal neighbours, a row with one value is that value twice (collapsed cells)', () => {
    const l = items(
      table([
        ['受理政府信息公开申请总数', '5 12'],
        ['对申请的答复总数', '5 12'],
        ['其中：1.同意公开答复数', '3'],
      ]),
    )
    expect([l?.['answers.disclosed'], l?.[`answers.disclosed${CUMULATIVE_SUFFIX}`]]).toEqual([3, 3])
  })

  it('a table that prints "0 0" keeps every cell: a row with one value is unknown, not guessed', () => {
    const r = auditReport(
      table([
        ['受理政府信息公开申请总数', '5 12'],
        ['对申请的答复总数', '0 0'],
        ['其中：1.同意公开答复数', '3'],
      ]),
    )
    expect([r.legacy?.['answers.disclosed'], r.legacy?.[`answers.disclosed${CUMULATIVE_SUFFIX}`]]).toEqual([null, null])
    expect(r.findings.map((f) => [f.rule, f.row])).toContainEqual(['parse.ambiguousCells', 'answers.disclosed'])
  })
})
