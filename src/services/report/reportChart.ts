import { yearFigures, yearOverYearSvg } from '../../export/reportChart.js'
import type { Store } from '../../store/database.js'
import { generateReport, resolveAgency } from './generateReport.js'

/** The agency's year-over-year chart (SVG) for the `span` years ending with `year`, from its records. */
export async function reportChartSvg(store: Store, agency: string | number, year: number, span = 5): Promise<string> {
  const a = await resolveAgency(store.db, agency)
  const years = []
  for (let y = year - span + 1; y <= year; y++)
    years.push(yearFigures(await generateReport(store, { agency: a.id, year: y, format: '2021' })))
  // leading years without any application are left out (the agency was not on the platform yet)
  const first = years.findIndex((y) => y.received > 0 || y.answered > 0)
  return yearOverYearSvg(`${a.name} 政府信息公开申请办理情况`, first < 0 ? years.slice(-1) : years.slice(first))
}
