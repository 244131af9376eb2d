import { createRequire } from 'node:module'

interface PackageData {
  holidays: Record<string, string>
  workdays: Record<string, string>
}

// require() rather than an import attribute: the file-by-file build (esbuild) does not keep `with { type: 'json' }`
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as PackageData

/**
 * The State Council holidays and 调休 make-up days the `chinese-days` package knows (2004–2026 in the
 * version pinned here). A year counts as known when the package lists any holiday in it.
 */
export function packageCalendarData(): { holidays: string[]; workdays: string[]; knownYears: number[] } {
  const holidays = Object.keys(data.holidays)
  const workdays = Object.keys(data.workdays)
  const knownYears = [...new Set(holidays.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b)
  return { holidays, workdays, knownYears }
}
