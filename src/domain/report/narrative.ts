import { formatDef } from './formats/index.js'
import type { AnnualReport, Cell, Row7 } from './model.js'
import { OVERVIEW_PARTS, placeholder } from './overviewParts.js'
import { countsSentence } from '../serviceItems/kinds.js'
import type { OverviewPart } from './overviewParts.js'
import { interactionSentences } from '../interaction/narrative.js'
import type { InteractionFacts } from '../interaction/yearFacts.js'

const total = (row: Row7 | undefined): number => row?.[6] ?? 0
const sumRows = (rows: Record<string, Row7 | undefined>): number =>
  Object.values(rows).reduce((s, r) => s + total(r), 0)
const n = (c: Cell | undefined): number => c ?? 0
const known = (c: Cell | undefined): c is number => c !== null && c !== undefined

/** What the draft reads besides the model: the catalog's counts and what kind of agency reports. */
export interface DraftContext {
  /** the catalog's year (keys of store/reportRepo.ts aggregateCatalog: proactive.total, proactive.portal …) */
  catalog?: Record<string, number>
  /** a people's government also reports 工作考核、社会评议和责任追究结果 (条例第五十条第（四）项) */
  peoplesGovernment?: boolean
  /** the year's 政民互动 records (issue 16): responses, consultations, surveys, letters, other channels */
  interaction?: InteractionFacts
  /** 政务服务事项 by kind, as the agency's list holds them (issue 18) */
  serviceItems?: readonly { label: string; count: number }[]
}

/** The timeliness sentence: 全部按时答复 / 其中X件逾期. */
function timelinessSentence(t: AnnualReport['timeliness'], answered: number): string {
  if (!t || answered === 0) return ''
  const ext = t.extended ? `，其中延期答复${t.extended}件` : ''
  return t.late === 0 ? `，全部按时答复${ext}` : `，其中${t.late}件超过法定期限答复${ext}`
}

function proactivePart(model: AnnualReport, ctx: DraftContext): string {
  const c = ctx.catalog ?? {}
  const total = model.legacy?.['proactive.total'] ?? c['proactive.total']
  const interaction = ctx.interaction ? interactionSentences(ctx.interaction).proactive : ''
  if (!known(total) || total === 0)
    return interaction + placeholder('本年度主动公开政府信息的数量、重点领域和主要做法（目录中没有本年度发布的信息）')
  const policy = model.legacy?.['proactive.policyDocs'] ?? c['proactive.policyDocs']
  const interp = model.legacy?.['response.interpretations'] ?? c['response.interpretations']
  const parts = [known(policy) ? `政策文件${policy}条` : '', known(interp) && interp > 0 ? `政策解读${interp}条` : '']
  const of = parts.filter(Boolean).join('、')
  return `${model.year}年主动公开政府信息${total}条${of ? `，其中${of}` : ''}。${interaction}${placeholder('主动公开的重点领域和主要做法')}`
}

function onRequestPart(model: AnnualReport): string {
  const y = model.year
  const a = model.applications
  if (a) {
    const received = total(a.newReceived)
    const carried = total(a.carriedOver)
    const answered = total(a.results.total)
    const carry = carried ? `，上年结转${carried}件` : ''
    return (
      `${y}年共收到政府信息公开申请${received}件${carry}；办结${answered}件${timelinessSentence(model.timeliness, answered)}。` +
      `办理结果中，予以公开${total(a.results.disclosed)}件，部分公开${total(a.results.partiallyDisclosed)}件，` +
      `不予公开${sumRows(a.results.withheld)}件，无法提供${sumRows(a.results.unableToProvide)}件，` +
      `不予处理${sumRows(a.results.notProcessed)}件，其他处理${sumRows(a.results.other)}件；` +
      `结转下年度继续办理${total(a.carriedForward)}件。`
    )
  }
  const l = model.legacy ?? {}
  return (
    `${y}年共收到政府信息公开申请${n(l['applications.received'])}件，办结${n(l['applications.completed'])}件，` +
    `其中按时办结${n(l['applications.onTime'])}件，延期办结${n(l['applications.extended'])}件。`
  )
}

/** 规章和规范性文件 as the format's 表二 第二十条第（一）项 (or the 统计表's items) counts them. */
function managementPart(model: AnnualReport, ctx: DraftContext): string {
  const table = formatDef(model.format).table
  const block = table?.proactive.find((b) => b.key === 'art20_1')
  const cells = model.proactive?.art20_1
  const rows =
    block && cells
      ? block.rows.flatMap((r) => {
          const shown = block.columns.filter((c) => known(cells[r.key]?.[c.key]))
          return shown.length
            ? [`${r.label}${shown.map((c) => `${c.label}${cells[r.key]?.[c.key]}件`).join('、')}`]
            : []
        })
      : []
  const l = model.legacy
  if (l && known(l['documents.issued']))
    rows.push(`制发政策文件类公文${l['documents.issued']}件（其中规范性文件${n(l['documents.issuedNormative'])}件）`)
  const facts = (rows.length ? `本年度${rows.join('；')}。` : '') + countsSentence(ctx.serviceItems ?? [])
  return `${facts}${placeholder('政府信息管理情况：公开属性认定、发布前保密审查、规范性文件清理和动态更新')}`
}

function platformsPart(model: AnnualReport, ctx: DraftContext): string {
  const c = ctx.catalog ?? {}
  const channel = (key: string, name: string) => {
    const v = model.legacy?.[key] ?? c[key]
    return known(v) && v > 0 ? `${name}${v}条` : ''
  }
  const shown = [
    channel('proactive.portal', '政府门户网站'),
    channel('proactive.weibo', '政务微博'),
    channel('proactive.wechat', '政务微信'),
    channel('proactive.otherChannel', '其他渠道'),
  ].filter(Boolean)
  const facts = shown.length ? `本年度通过${shown.join('、')}发布政府信息。` : ''
  const interaction = ctx.interaction ? interactionSentences(ctx.interaction).platforms : ''
  return `${facts}${interaction}${placeholder('政府信息公开平台（政府网站公开专栏、政务新媒体、查阅点）的建设和利用情况')}`
}

function oversightPart(model: AnnualReport, ctx: DraftContext): string {
  const out: string[] = []
  const r = model.reviewsAndLawsuits
  if (r) {
    const reviews = n(r.review.total)
    const lawsuits = n(r.lawsuitDirect.total) + n(r.lawsuitAfterReview.total)
    out.push(
      reviews || lawsuits
        ? `因政府信息公开引起行政复议${reviews}件（结果维持${n(r.review.upheld)}件、纠正${n(r.review.corrected)}件、尚未审结${n(r.review.pending)}件），行政诉讼${lawsuits}件。`
        : '全年未发生因政府信息公开引起的行政复议、行政诉讼。',
    )
  } else if (model.legacy) {
    const l = model.legacy
    out.push(`因政府信息公开申请行政复议${n(l['review.total'])}件，行政诉讼${n(l['lawsuit.total'])}件。`)
    if (known(l['staff.people']))
      out.push(
        `从事政府信息公开工作人员${l['staff.people']}人（专职${n(l['staff.fullTime'])}人、兼职${n(l['staff.partTime'])}人）。`,
      )
    if (known(l['meetings.trainings']))
      out.push(`举办培训班${l['meetings.trainings']}期，接受培训${n(l['meetings.trainees'])}人次。`)
  }
  out.push(placeholder('工作机构和人员、培训、监督检查和制度保障情况'))
  // 《政府信息公开条例》第五十条第（四）项：各级人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况
  if (ctx.peoplesGovernment) out.push(placeholder('工作考核、社会评议和责任追究结果情况'))
  return out.join('')
}

const PART_TEXT: Record<OverviewPart['key'], (m: AnnualReport, ctx: DraftContext) => string> = {
  proactive: proactivePart,
  onRequest: (m) => onRequestPart(m),
  management: managementPart,
  platforms: platformsPart,
  oversight: oversightPart,
}

/**
 * A first draft of 一、总体情况 (one paragraph for each part the format requires, stated from the records where
 * records hold it, a 【待填写：…】 placeholder where they do not), of 五 (placeholders only: no record says what
 * went wrong) and of 六 (the 2021 format's 信息处理费 from records), which staff then edit. Pure.
 */
export function draftNarrative(
  model: AnnualReport,
  ctx: DraftContext = {},
): { overview: string; problems: string; other: string } {
  const overview = OVERVIEW_PARTS.map((p) => `${p.heading}\n${PART_TEXT[p.key](model, ctx)}`).join('\n')
  const problems = [placeholder('本年度政府信息公开工作存在的主要问题'), placeholder('改进情况和下一步工作措施')].join(
    '\n',
  )
  const f = model.fees
  const other =
    f && formatDef(model.format).reportsFees
      ? n(f.noticesSent) === 0
        ? '本年度未发出信息处理费收费通知，未收取信息处理费。'
        : `依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度发出收费通知${n(f.noticesSent)}件，金额${n(f.amountNoticedYuan)}元，实际收取信息处理费${n(f.amountCollectedYuan)}元。`
      : '暂无其他需要报告的事项。'
  return { overview, problems, other }
}
