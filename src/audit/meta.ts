// The report's year, agency and format as the page states them.
import { toHalfWidth } from './normalize.js'

const TITLE =
  /([\u4e00-\u9fa5（）()]{2,40}?)\s*(\d{4})\s*年度?\s*(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)/

/** Year and agency from the title line, the 统计时限 sentence or the 统计表's column header. */
export function readMeta(text: string): {
  year: number | undefined
  agency: string | undefined
  /** the page's 发布时间/发布日期 when printed as a whole date (YYYY-MM-DD) */
  published: string | undefined
} {
  const t = toHalfWidth(text.slice(0, 20000))
  let year: number | undefined
  let agency: string | undefined
  for (const line of t.split(/\r\n|\r|\n/).slice(0, 80)) {
    const m = TITLE.exec(line.replace(/^\s*(?:标题|题目|名称)\s*:\s*/, ''))
    if (m && /(?:标题|题目|名称)\s*:/.test(line.slice(0, 8)) === false && line.length > 120) continue
    if (m) {
      year = Number(m[2])
      agency = m[1]!.replace(/^[(（]?[^)）]*[)）]/, '').replace(/^(?:关于|公布|现公布)/, '')
      break
    }
  }
  year ??= numberOf(/统计(?:时限|期限|时间|范围)[^。\n]{0,6}?(\d{4})年\s*1月\s*1日/.exec(t))
  year ??= numberOf(/(\d{4})年1月1日(?:起)?至\s*\d{4}年12月3[01]日/.exec(t))
  year ??= numberOf(/(\d{4})年度?(?:政府信息公开|政务公开)工作/.exec(t))
  agency ??= /发布机构\s*:\s*([\u4e00-\u9fa5]{3,40})/.exec(t)?.[1]
  agency ??= /由([\u4e00-\u9fa5]{3,40}?)(?:编制|负责编制)/.exec(t)?.[1]
  if (agency && /^[\u4e00-\u9fa5]{2,8}[省市县区]$/.test(agency)) agency += '人民政府'
  return { year, agency, published: publishedOn(t) }
}

/** 发布时间: 2024-01-17 11:36, 发布日期：2021年1月20日; nothing for a field left empty or cut short (2020-10-) */
function publishedOn(t: string): string | undefined {
  const m = /发布(?:时间|日期)\s*:?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/.exec(t)
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

function numberOf(m: RegExpExecArray | null): number | undefined {
  return m ? Number(m[1]) : undefined
}
