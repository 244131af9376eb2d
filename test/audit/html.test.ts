// HTML pages: tables laid out with rowspan/colspan, the 总计 column placed elsewhere, blank cells
// meaning 0, page chrome around the report. Built from the 福州 seed's hand transcription.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditReport } from '../../src/audit/audit.js'
import { compareWithTranscription, fixtures, readTranscription } from './support.js'

const hand = readTranscription(path.join(fixtures, 'seeds/001_6cd2a124bf8ccbf4.tables.txt'))
hand.proactive.clear() // the pages built here carry tables 三 and 四 only
const LABELS: Record<string, string> = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  'results.disclosed': '（一）予以公开',
  'results.partiallyDisclosed': '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'results.withheld.stateSecret': '1.属于国家秘密',
  'results.withheld.prohibitedByLaw': '2.其他法律行政法规禁止公开',
  'results.withheld.securityStability': '3.危及“三安全一稳定”',
  'results.withheld.thirdPartyRights': '4.保护第三方合法权益',
  'results.withheld.internalAffairs': '5.属于三类内部事务信息',
  'results.withheld.processInformation': '6.属于四类过程性信息',
  'results.withheld.enforcementFiles': '7.属于行政执法案卷',
  'results.withheld.administrativeQuery': '8.属于行政查询事项',
  'results.unableToProvide.notHeld': '1.本机关不掌握相关政府信息',
  'results.unableToProvide.needsCreation': '2.没有现成信息需要另行制作',
  'results.unableToProvide.unclearAfterSupplement': '3.补正后申请内容仍不明确',
  'results.notProcessed.petitionOrComplaint': '1.信访举报投诉类申请',
  'results.notProcessed.duplicate': '2.重复申请',
  'results.notProcessed.publication': '3.要求提供公开出版物',
  'results.notProcessed.excessiveRepeated': '4.无正当理由大量反复申请',
  'results.notProcessed.confirmOrReissue': '5.要求行政机关确认或重新出具已获取信息',
  'results.other.other': '（六）其他处理',
  'results.total': '（七）总计',
  carriedForward: '四、结转下年度继续办理',
}
const GROUP: Record<string, [string, number]> = {
  'results.withheld.stateSecret': ['（三）不予公开', 8],
  'results.unableToProvide.notHeld': ['（四）无法提供', 3],
  'results.notProcessed.petitionOrComplaint': ['（五）不予处理', 5],
}

/** table 三 as a TRS_Editor page prints it; `order` = applicant columns as laid out (indexes into the model's 7) */
function table3Html(order: number[], blankZeros: boolean): string {
  const heads = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']
  const cell = (v: number) => `<td><p align="center">${blankZeros && v === 0 ? '&nbsp;' : v}</p></td>`
  const rows: string[] = [
    `<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>`,
    `<tr>${order.map((i) => (i === 6 ? '<td rowspan="2">总计</td>' : i === 0 ? '<td rowspan="2">自然人</td>' : i === 1 ? '<td colspan="5">法人或其他组织</td>' : '')).join('')}</tr>`,
    `<tr>${order
      .filter((i) => i >= 1 && i <= 5)
      .map((i) => `<td><p>${heads[i]!.slice(0, 2)}</p><p>${heads[i]!.slice(2)}</p></td>`)
      .join('')}</tr>`,
  ]
  let first = true
  for (const [rowPath, values] of hand.rows) {
    const label = LABELS[rowPath]!
    let lead = ''
    if (rowPath.startsWith('results.')) {
      if (first) lead += `<td rowspan="${hand.rows.size - 3}">三、本年度办理结果</td>`
      first = false
      const g = GROUP[rowPath]
      lead += g
        ? `<td rowspan="${g[1]}">${g[0]}</td><td>${label}</td>`
        : /^\d\./.test(label)
          ? `<td>${label}</td>`
          : `<td colspan="2">${label}</td>`
    } else lead = `<td colspan="3">${label}</td>`
    rows.push(`<tr>${lead}${order.map((i) => cell(values[i]!)).join('')}</tr>`)
  }
  return `<table border="1"><tbody>${rows.join('\n')}</tbody></table>`
}

function page(table: string): string {
  const r = hand.reviews!
  return `<!doctype html><html><head><title>福州市住房保障和房产管理局2020年政府信息公开工作年度报告</title>
<script>var x = "一、本年新收 99"</script><style>td{}</style></head><body>
<div class="nav"><a href="/">首页</a> | <a>政府信息公开</a></div>
<h1>福州市住房保障和房产管理局2020年政府信息公开工作年度报告</h1>
<p>\u30002020年共收到政府信息公开申请49件，全部按时做出答复。</p>
<p><b>三、收到和处理政府信息公开申请情况</b></p>${table}
<p><b>四、政府信息公开行政复议、行政诉讼情况</b></p>
<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${'<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>'.repeat(2)}</tr>
<tr>${r.map((v) => `<td><p style="text-align: center;">${v}</p></td>`).join('')}</tr></table>
<p><b>五、存在的主要问题及改进情况</b></p><p>无。</p><div class="footer">第 1 页</div></body></html>`
}

describe('reading an HTML page', () => {
  it('takes table 三 cells by their grid column under rowspan/colspan', () => {
    const r = auditReport(page(table3Html([0, 1, 2, 3, 4, 5, 6], false)))
    expect(r.format).toBe('2019')
    expect(r.year).toBe(2020)
    expect(r.agency.name).toBe('福州市住房保障和房产管理局')
    const { wrong, nulls } = compareWithTranscription(r, hand)
    expect([wrong, nulls]).toEqual([[], []])
    expect(r.findings).toEqual([])
  })

  it('finds the 总计 column wherever the page puts it', () => {
    const r = auditReport(page(table3Html([6, 0, 1, 2, 3, 4, 5], false)))
    const { wrong, nulls } = compareWithTranscription(r, hand)
    expect([wrong, nulls]).toEqual([[], []])
  })

  it('reads a blank cell in a data row as 0', () => {
    const r = auditReport(page(table3Html([0, 1, 2, 3, 4, 5, 6], true)))
    const { wrong, nulls } = compareWithTranscription(r, hand)
    expect([wrong, nulls]).toEqual([[], []])
    expect(r.findings).toEqual([])
  })

  it('without a 总计 column, that column is null (never computed) and the page says it', () => {
    const r = auditReport(page(table3Html([0, 1, 2, 3, 4, 5], false)))
    const { wrong, nulls } = compareWithTranscription(r, hand)
    expect(wrong).toEqual([])
    expect(nulls.filter((n) => !n.endsWith('[6]'))).toEqual([])
    expect(nulls).toHaveLength(hand.rows.size)
    expect(r.findings.map((f) => f.rule)).toEqual(['parse.columnMissing'])
  })

  it('a row with fewer cells than the header is short of values, not padded with zeros', () => {
    const table = table3Html([0, 1, 2, 3, 4, 5, 6], false)
    // the 本年新收 row loses its last two <td> (其他 1, 总计 49)
    const cut = table.replace(/(本年新收[^<]*<\/td>(?:<td>.*?<\/td>){5})(?:<td>.*?<\/td>){2}/, '$1')
    expect(cut).not.toBe(table)
    const r = auditReport(page(cut))
    expect(r.applications?.newReceived).toEqual([null, null, null, null, null, null, null])
    expect(r.findings.filter((f) => f.row === 'newReceived').map((f) => f.rule)).toEqual(['parse.collapsedCells'])
  })

  it('tables nested in the layout table of a full page (navigation beside the article) are read as tables', () => {
    const html = page(table3Html([0, 1, 2, 3, 4, 5, 6], true))
    const body = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'))
    const framed = html.replace(
      body,
      `<table width="100%"><tr><td><table><tr><td><a href="/">首页</a></td></tr><tr><td>政府信息公开</td></tr></table></td>` +
        `<td><div class="article"><table><tr><td>${body.replace(/<td>/g, '<td>&nbsp;')}</td></tr></table></div></td></tr></table>`,
    )
    const r = auditReport(framed)
    const { wrong, nulls } = compareWithTranscription(r, hand)
    expect([wrong, nulls]).toEqual([[], []])
    expect(r.findings).toEqual([])
  })
})
