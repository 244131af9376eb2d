import { bulletinDocx } from '../../export/bulletinDocx.js'
import { bulletinPng, bulletinSvg } from '../../export/bulletinChart.js'
import type { Store } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { bulletinOf } from './bulletins.js'

const dateText = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

const chartTitle = (period: string) => `${period}各单位政务公开工作情况`

/** The 通报 as a Word document: its text as edited, its figures as generated, dated when published (or generated). */
export async function bulletinDocxFile(props: {
  store: Store
  actor: Actor
  id: number
}): Promise<{ fileName: string; body: Buffer }> {
  const b = await bulletinOf(props)
  const title = chartTitle(b.parsed.period)
  const body = await bulletinDocx({
    issuer: b.rootName,
    text: { title: b.title, docNo: b.docNo, intro: b.intro, closing: b.closing },
    figures: b.parsed,
    dateText: dateText(b.publishedAt ?? b.generatedAt),
    chart: { title, png: await bulletinPng(title, b.parsed.lines) },
  })
  return { fileName: `${b.title}.docx`, body }
}

/** The 通报's chart (SVG). */
export async function bulletinChartSvg(props: { store: Store; actor: Actor; id: number }): Promise<string> {
  const b = await bulletinOf(props)
  return bulletinSvg(chartTitle(b.parsed.period), b.parsed.lines)
}
