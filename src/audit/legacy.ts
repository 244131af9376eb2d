// The pre-2019 统计表 / 附表 read from segments into AnnualReport.legacy (keys of legacyKeys.ts).
// Two shapes seen in real reports: the national 统计表 (衢州 seed: one 本年累计 column) and the Fujian
// 附表 (本年度 + 历年累计 columns, or one 年末统计 column), both with a unit column that may be present.
import { CUMULATIVE_SUFFIX, legacyLabel } from '../domain/report/legacyKeys.js'
import type { Cell, Finding } from '../domain/report/model.js'
import { agreed, printsEqualNeighbours, rowReadings } from './expand.js'
import { labelTail, latestMatch, type Segment } from './segments.js'

type Context = 'review' | 'lawsuit' | 'types' | 'other'

interface LegacyRow {
  /** key, or a function of the context for items that repeat under several headings */
  key: string | ((ctx: Context, label: string) => string | undefined)
  pattern: RegExp
  /** context opened by this row */
  opens?: Context
}

const byCtx = (item: string) => (ctx: Context) => (ctx === 'review' || ctx === 'lawsuit' ? `${ctx}.${item}` : undefined)

/** 申请类型数 items "1.财政预决算" … "18.其它", only under 申请类型数 */
const TYPE_ITEM: LegacyRow = { key: (_ctx, label) => typeItem(label), pattern: /(?:^|[^\d])\d{1,2}\.[^\d.、]{1,20}$/g }

const LEGACY_ROWS: readonly LegacyRow[] = [
  { key: 'documents.issued', pattern: /制发政策文件类公文信息数/g, opens: 'other' },
  { key: 'documents.issuedNormative', pattern: /制发规范性文件总数/g },
  { key: 'proactive.total', pattern: /主动公开新增信息数量?|主动公开(?:政府)?(?:文件|信息)数/g, opens: 'other' },
  { key: 'proactive.policyDocs', pattern: /政策文件类信息公开数/g },
  { key: 'proactive.policyDocsNormative', pattern: /规范性文件公开数/g },
  { key: 'proactive.otherInfo', pattern: /其他各类信息公开数/g },
  { key: 'proactive.portal', pattern: /门户网站公开数/g },
  { key: 'proactive.weibo', pattern: /政务微博公开数/g },
  { key: 'proactive.wechat', pattern: /政务微信公开数/g },
  { key: 'proactive.otherChannel', pattern: /其他各类形式公开数/g },
  { key: 'proactive.gazette', pattern: /政府公报(?:公开数)?$/g },
  { key: 'proactive.website', pattern: /(?<!门户)政府网站(?:公开数)?$/g },
  { key: 'proactive.pressConference', pattern: /^(?:[\d.、]*)新闻发布会(?:公开数)?$/g },
  { key: 'response.hotspots', pattern: /回应公众关注热点或重大舆情数/g },
  { key: 'response.pressConferences', pattern: /参加或举办新闻发布会总?次数/g },
  { key: 'response.pressConferencesLeader', pattern: /主要负责同志参加新闻发布会次数/g },
  { key: 'response.interviews', pattern: /政府网站在线访谈次数/g },
  { key: 'response.interviewsLeader', pattern: /主要负责同志参加政府网站在线访谈次数/g },
  { key: 'response.interpretations', pattern: /政策解读稿件发布数/g },
  { key: 'response.weiboWechat', pattern: /微博微信回应事件数/g },
  { key: 'response.other', pattern: /其他方式回应事件数/g },
  { key: 'applications.total', pattern: /依申请公开数量$/g, opens: 'other' },
  {
    key: 'applications.received',
    pattern: /收到申请数|受理(?:政府信息公开|依申请公开信息)?申请总数|受理依申请公开信息总数/g,
    opens: 'other',
  },
  { key: 'applications.inPerson', pattern: /当面申请数/g },
  { key: 'applications.fax', pattern: /(?<!信函、)传真申请数/g },
  { key: 'applications.online', pattern: /(?:网络|网上)申请数/g },
  { key: 'applications.email', pattern: /电子邮件申请数/g },
  { key: 'applications.letter', pattern: /(?<!、)信函申请数/g },
  { key: 'applications.letterOrFax', pattern: /信函、传真申请数/g },
  { key: 'applications.otherChannel', pattern: /其他形式申请数/g },
  { key: 'applications.completed', pattern: /申请办结数/g },
  { key: 'applications.onTime', pattern: /按时办结数/g },
  { key: 'applications.extended', pattern: /延期办结数/g },
  { key: 'answers.total', pattern: /申请答复数|对申请的答复总数/g, opens: 'other' },
  { key: 'answers.alreadyPublic', pattern: /属于已主动公开范围数/g },
  { key: 'answers.disclosed', pattern: /(?<!部分)(?:同意公开答复数|公开同意答复数)/g },
  { key: 'answers.partial', pattern: /同意部分公开答复数/g },
  { key: 'answers.refused', pattern: /不同意公开答复数|不予公开答复数|否定公开答复总?数/g },
  { key: 'answers.refused.stateSecret', pattern: /涉及国家(?:机密|秘密)/g },
  { key: 'answers.refused.commercialSecret', pattern: /涉及商业秘密/g },
  { key: 'answers.refused.privacy', pattern: /涉及个人隐私/g },
  { key: 'answers.refused.security', pattern: /危及国家、?公共、?经济安全和社会稳定/g },
  { key: 'answers.refused.notGovInfo', pattern: /不是《条例》所指政府信息/g },
  { key: 'answers.refused.otherLaw', pattern: /法律法规规定的其他情形/g },
  { key: 'answers.notThisAgency', pattern: /不属于本行政机关公开数/g },
  { key: 'answers.notExist', pattern: /申请信息不存在数/g },
  { key: 'answers.askCorrection', pattern: /告知作出更改补充数/g },
  { key: 'answers.otherChannel', pattern: /告知通过其他途径办理数/g },
  { key: 'answers.other', pattern: /其他类型答复数/g },
  { key: 'types.total', pattern: /申请类型数/g, opens: 'types' },
  TYPE_ITEM,
  { key: 'review.total', pattern: /行政复议(?:情况|数)/g, opens: 'review' },
  { key: 'lawsuit.total', pattern: /行政诉讼(?:情况|数)/g, opens: 'lawsuit' },
  { key: byCtx('upheld'), pattern: /维持具体行政行为数/g },
  { key: byCtx('illegal'), pattern: /确认具体行政行为违法数/g },
  { key: byCtx('other'), pattern: /其他情形数/g },
  { key: 'complaints.total', pattern: /举报投诉数量|行政申诉、?举报数|行政申诉数/g, opens: 'other' },
  { key: 'fees.collectedWan', pattern: /收取费用/g },
  { key: 'fees.waivedWan', pattern: /减免费用/g },
  { key: 'meetings.conferences', pattern: /工作会或专题会数/g },
  { key: 'meetings.trainings', pattern: /培训班数/g },
  { key: 'meetings.trainees', pattern: /接受培训人员数/g },
  { key: 'staff.bodies', pattern: /政府信息公开工作机构数/g },
  { key: 'staff.dedicatedBodies', pattern: /专门机构数/g },
  { key: 'staff.partTimeBodies', pattern: /兼职机构数/g },
  { key: 'staff.readingPoints', pattern: /设置政府信息公开查阅点数/g },
  { key: 'staff.people', pattern: /从事政府信息公开工作人员数/g },
  { key: 'staff.fullTime', pattern: /专职人员数/g },
  { key: 'staff.partTime', pattern: /兼职人员数/g },
  { key: 'staff.fundsWan', pattern: /实际投入专项经费/g },
  { key: 'readingRoom.visitors', pattern: /查阅点查阅人数/g },
  { key: 'readingRoom.items', pattern: /查阅点利用件次/g },
  { key: 'website.pageViews', pattern: /专栏页面访问量/g },
]

/** the numbered 申请类型 items are known only under their heading */
const ROWS_BUT_TYPES = LEGACY_ROWS.filter((r) => r !== TYPE_ITEM)

function typeItem(label: string): string | undefined {
  const m = /(?:^|[^\d])(\d{1,2})\.[^\d.]{1,20}$/.exec(label)
  const n = m ? Number(m[1]) : 0
  return n >= 1 && n <= 18 ? `types.${n}` : undefined
}

const UNIT = /(?:万元|人\(次\)|人次|件次|条|件|次|个|人|元)$/

/**
 * Whether another item or heading begins after the row's name ("…专项经费(…)万元(五)分管领导…姓名…"):
 * then the values that follow belong to that text, not to the row (a value of the row was left out).
 */
function nameIsFollowedByAnother(label: string, pattern: RegExp): boolean {
  let end = -1
  for (const m of label.matchAll(pattern)) end = (m.index ?? 0) + m[0].length
  if (end < 0) return false
  const tail = label
    .slice(end)
    .replace(/\((?![一二三四五六七八九十]{1,3}\))[^()]*\)/g, '')
    .replace(/^(?:万元|人\(次\)|人次|件次|条|件|次|个|人|元)/, '')
  return /\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|(?:^|[^\d])\d{1,2}\.[^\d]/.test(tail)
}

/** Where the 统计表 starts: its title, or the first row it is known by. */
function findStart(segs: Segment[]): number {
  const title = segs.findIndex((s) => /政府信息公开(?:工作)?情况(?:统计)?报?表|^(?:\(.\))?附表|指标名称/.test(s.label))
  if (title >= 0) return title
  return segs.findIndex((s) => s.values.length > 0 && /申请答复数|对申请的答复总数|受理.*申请总数/.test(s.label))
}

export interface LegacyResult {
  legacy: Record<string, Cell>
  findings: Finding[]
  /** the first column's header (e.g. 2018年度, 本年累计), which may carry the year */
  firstColumn: string | undefined
}

export function readLegacy(segs: Segment[]): LegacyResult | undefined {
  const start = findStart(segs)
  if (start < 0) return undefined
  const headerText = segs
    .slice(start, start + 3)
    .map((s) => s.label + s.values.join(''))
    .join('')
  const columns = /历年累计/.test(headerText) ? 2 : 1
  const firstColumn = /(\d{4}年度?|本年累计|年末统计)/.exec(headerText)?.[1]
  const rows: { key: string; values: (string | null)[] }[] = []
  const seen = new Set<string>()
  let ctx = 'other' as Context
  // the 统计表 has under 100 items; what follows it is prose
  for (let i = start; i < Math.min(segs.length, start + 600); i++) {
    const s = segs[i]!
    const label = labelTail(s.label.replace(/^[:：]/, '')).replace(UNIT, '')
    const row: LegacyRow | undefined = latestMatch(label, ctx === 'types' ? LEGACY_ROWS : ROWS_BUT_TYPES)
    if (row?.opens) ctx = row.opens
    if (!row || s.values.length === 0 || nameIsFollowedByAnother(label, row.pattern)) continue
    const key = typeof row.key === 'string' ? row.key : row.key(ctx, label)
    if (!key || seen.has(key)) continue
    seen.add(key)
    rows.push({ key, values: s.values })
  }
  // a table that prints equal neighbours ("0 0") keeps every cell: a row showing one value lost the other
  const collapses = !printsEqualNeighbours(rows.map((r) => r.values))
  const legacy: Record<string, Cell> = {}
  const findings: Finding[] = []
  for (const { key, values } of rows) {
    const put = (cells: Cell[]) => {
      legacy[key] = cells[0] ?? null
      if (columns === 2) legacy[key + CUMULATIVE_SUFFIX] = cells[1] ?? null
    }
    if (values.includes(null)) {
      put(Array<null>(columns).fill(null))
      findings.push({
        rule: 'parse.unreadableCell',
        row: key,
        message: `统计表“${legacyLabel(key)}”有无法识别为整数的单元格，按空值处理`,
      })
      continue
    }
    const digits = values as string[]
    // the collapse of equal neighbours is the only way a two-column row shows one value
    const readings =
      digits.length === columns ? [digits.map(Number)] : rowReadings(digits, columns, () => true, collapses)
    const cells = agreed(digits.length > columns ? [] : readings, columns)
    put(cells)
    if (cells.includes(null)) {
      findings.push({
        rule: digits.length > columns ? 'parse.extraCells' : 'parse.ambiguousCells',
        row: key,
        message: `统计表“${legacyLabel(key)}”读到${digits.length}个数（${digits.join(' ')}），应为${columns}个，无法确定的单元格按空值处理`,
      })
    }
  }
  if (Object.keys(legacy).length < 3) return undefined
  return { legacy, findings, firstColumn }
}
