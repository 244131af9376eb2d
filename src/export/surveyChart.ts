import * as echarts from 'echarts'

/**
 * One choice question's live results as horizontal bars, rendered to SVG on the server (ECharts SSR, as the
 * report's chart): seen without any JavaScript in the page.
 */
export function surveyQuestionSvg(title: string, options: readonly { label: string; count: number }[]): string {
  const height = 90 + options.length * 36
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height })
  chart.setOption({
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 14, width: 600, overflow: 'truncate' } },
    grid: { top: 48, left: 160, right: 50, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: options.map((o) => o.label),
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: options.map((o) => o.count),
        itemStyle: { color: '#1f5fa8' },
        label: { show: true, position: 'right' },
      },
    ],
  })
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}
