import { Resvg } from '@resvg/resvg-js'
import { bulletinSvg } from '/work/main/src/export/bulletinChart.ts'
const svg = bulletinSvg('测试图表', [
  { agency: '福州市住房保障和房产管理局', received: 10, answered: 8, overdueNow: 2, score: 80 } as any,
  { agency: '鼓楼区人民政府', received: 5, answered: 5, overdueNow: 0, score: 95 } as any,
])
console.log(svg.slice(0, 300))
const t = Date.now()
const r = new Resvg(svg, { fitTo: { mode: 'width', value: 1800 }, font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' }, background: 'white' })
const png = r.render().asPng()
console.log(png.length, Date.now() - t)
await import('node:fs').then((fs) => fs.writeFileSync('/tmp/chart.png', png))
