import * as echarts from 'echarts'
import { renderAsync } from '@resvg/resvg-js'
import type { BulletinLine } from '../domain/supervision/bulletin.js'

/**
 * The 通报's chart: each agency's applications received and answered, its open cases overdue, and its score,
 * rendered to SVG on the server (ECharts SSR, as the report's year-over-year chart in reportChart.ts).
 */
export function bulletinSvg(title: string, lines: readonly BulletinLine[], size = { width: 900, height: 420 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height })
  chart.setOption({
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { top: 36, itemWidth: 18, itemGap: 22, data: ['收到申请', '办结', '目前超期', '综合得分'] },
    grid: { top: 84, left: 50, right: 50, bottom: 90 },
    xAxis: { type: 'category', data: lines.map((l) => l.agency), axisLabel: { interval: 0, rotate: 30, fontSize: 11 } },
    yAxis: [
      { type: 'value', minInterval: 1, name: '件' },
      { type: 'value', min: 0, max: 100, name: '分' },
    ],
    series: [
      { name: '收到申请', type: 'bar', data: lines.map((l) => l.received), label: { show: true, position: 'top' } },
      { name: '办结', type: 'bar', data: lines.map((l) => l.answered) },
      { name: '目前超期', type: 'bar', data: lines.map((l) => l.overdueNow), itemStyle: { color: '#c23531' } },
      { name: '综合得分', type: 'line', yAxisIndex: 1, data: lines.map((l) => l.score) },
    ],
  })
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}

/**
 * The same chart as a PNG for the Word 通报 (Word and WPS do not all show SVG pictures). resvg rasterises the SVG
 * with the machine's fonts, off the event loop; CJK labels need a CJK face (fonts-noto-cjk), named here for generic
 * families.
 */
export async function bulletinPng(
  title: string,
  lines: readonly BulletinLine[],
  scale = 2,
): Promise<{ data: Buffer; width: number; height: number }> {
  const size = { width: 900, height: 420 }
  const cjk = 'Noto Sans CJK SC'
  const image = await renderAsync(bulletinSvg(title, lines, size), {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: cjk, sansSerifFamily: cjk, serifFamily: cjk },
  })
  const png = image.asPng()
  return { data: png, width: size.width * scale, height: size.height * scale }
}
