import * as echarts from 'echarts'
import type { AnnualReport, Row7 } from '../domain/report/model.js'

export interface YearFigures {
  year: number
  received: number
  answered: number
  groups: Record<string, number>
}

const total = (r: Row7 | undefined): number => r?.[6] ?? 0
const sum = (rows: Record<string, Row7 | undefined>) => Object.values(rows).reduce((s, r) => s + total(r), 0)

/** The figures charted for one year, from a report in a national format. */
export function yearFigures(model: AnnualReport): YearFigures {
  const a = model.applications
  if (!a) return { year: model.year, received: 0, answered: 0, groups: {} }
  return {
    year: model.year,
    received: total(a.newReceived),
    answered: total(a.results.total),
    groups: {
      予以公开: total(a.results.disclosed),
      部分公开: total(a.results.partiallyDisclosed),
      不予公开: sum(a.results.withheld),
      无法提供: sum(a.results.unableToProvide),
      不予处理: sum(a.results.notProcessed),
      其他处理: sum(a.results.other),
    },
  }
}

/**
 * Year-over-year bars (received, answered, and the answers by outcome group) rendered to SVG on the server
 * (ECharts SSR): the chart is seen without any JavaScript in the page.
 */
export function yearOverYearSvg(
  title: string,
  years: readonly YearFigures[],
  size = { width: 760, height: 380 },
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height })
  const groups = Object.keys(years[0]?.groups ?? {})
  chart.setOption({
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    // without a canvas ECharts estimates text widths; browsers draw CJK a little wider than that estimate, so
    // the legend gets room to spare instead of labels running under the next item's icon
    legend: { top: 36, itemWidth: 18, itemGap: 22, data: ['本年新收', '本年办结', ...groups] },
    grid: { top: 84, left: 50, right: 20, bottom: 30 },
    xAxis: { type: 'category', data: years.map((y) => `${y.year}年`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '本年新收', type: 'bar', data: years.map((y) => y.received), label: { show: true, position: 'top' } },
      { name: '本年办结', type: 'bar', data: years.map((y) => y.answered), label: { show: true, position: 'top' } },
      ...groups.map((g) => ({ name: g, type: 'bar', stack: 'outcomes', data: years.map((y) => y.groups[g] ?? 0) })),
    ],
  })
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}
