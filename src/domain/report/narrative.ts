import { formatDef } from './formats/index.js'
import type { AnnualReport, Cell, Row7 } from './model.js'

const total = (row: Row7 | undefined): number => row?.[6] ?? 0
const sumRows = (rows: Record<string, Row7 | undefined>): number =>
  Object.values(rows).reduce((s, r) => s + total(r), 0)
const n = (c: Cell | undefined): number => c ?? 0

/** The timeliness sentence: 全部按时答复 / 其中X件逾期. */
function timelinessSentence(t: AnnualReport['timeliness'], answered: number): string {
  if (!t || answered === 0) return ''
  const ext = t.extended ? `，其中延期答复${t.extended}件` : ''
  return t.late === 0 ? `，全部按时答复${ext}` : `，其中${t.late}件超过法定期限答复${ext}`
}

/**
 * A first draft of 一、总体情况 (the year's figures stated in sentences), and of 六 (the 2021 format's items
 * filled from records, e.g. 信息处理费), which staff then edit. Pure: the model carries every number.
 */
export function draftNarrative(model: AnnualReport): { overview: string; problems: string; other: string } {
  const y = model.year
  const parts: string[] = []
  const a = model.applications
  if (a) {
    const received = total(a.newReceived)
    const carried = total(a.carriedOver)
    const answered = total(a.results.total)
    const withheld = sumRows(a.results.withheld)
    const unable = sumRows(a.results.unableToProvide)
    const notProcessed = sumRows(a.results.notProcessed)
    const other = sumRows(a.results.other)
    const carry = carried ? `，上年结转${carried}件` : ''
    parts.push(
      `${y}年共收到政府信息公开申请${received}件${carry}；办结${answered}件${timelinessSentence(model.timeliness, answered)}。` +
        `办理结果中，予以公开${total(a.results.disclosed)}件，部分公开${total(a.results.partiallyDisclosed)}件，` +
        `不予公开${withheld}件，无法提供${unable}件，不予处理${notProcessed}件，其他处理${other}件；结转下年度继续办理${total(a.carriedForward)}件。`,
    )
  } else if (model.legacy) {
    const l = model.legacy
    parts.push(
      `${y}年共收到政府信息公开申请${n(l['applications.received'])}件，办结${n(l['applications.completed'])}件，` +
        `其中按时办结${n(l['applications.onTime'])}件，延期办结${n(l['applications.extended'])}件。`,
    )
    if (l['proactive.total'] !== null && l['proactive.total'] !== undefined)
      parts.push(`全年主动公开政府信息${n(l['proactive.total'])}条。`)
  }
  const r = model.reviewsAndLawsuits
  if (r) {
    const reviews = n(r.review.total)
    const lawsuits = n(r.lawsuitDirect.total) + n(r.lawsuitAfterReview.total)
    parts.push(
      reviews || lawsuits
        ? `因政府信息公开引起行政复议${reviews}件（结果维持${n(r.review.upheld)}件、纠正${n(r.review.corrected)}件、尚未审结${n(r.review.pending)}件），行政诉讼${lawsuits}件。`
        : '全年未发生因政府信息公开引起的行政复议、行政诉讼。',
    )
  } else if (model.legacy) {
    parts.push(
      `因政府信息公开申请行政复议${n(model.legacy['review.total'])}件，行政诉讼${n(model.legacy['lawsuit.total'])}件。`,
    )
  }
  const f = model.fees
  const other =
    f && formatDef(model.format).reportsFees
      ? n(f.noticesSent) === 0
        ? '本年度未发出信息处理费收费通知，未收取信息处理费。'
        : `依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度发出收费通知${n(f.noticesSent)}件，金额${n(f.amountNoticedYuan)}元，实际收取信息处理费${n(f.amountCollectedYuan)}元。`
      : '暂无其他需要报告的事项。'
  return { overview: parts.join(''), problems: '', other }
}
