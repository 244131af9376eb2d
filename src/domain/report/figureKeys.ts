import { FORMAT_2019 } from './formats/2019.js'
import { FORMAT_2021 } from './formats/2021.js'
import { LEGACY_ITEMS } from './formats/legacy.js'
import type { TableFormat } from './formats/types.js'
import type { ReportFormat } from './model.js'

/**
 * The figures staff enter because no record of the platform holds them: 表二 of the national formats
 * (licensing decisions from a separate system, fees, procurement …) and the 统计表's items on publication,
 * responses, complaints, meetings and staff. Key → label naming the table cell.
 */
export interface FigureKey {
  label: string
  /** the formats whose tables show this figure */
  formats: ReportFormat[]
}

function add(map: Map<string, FigureKey>, key: string, label: string, format: ReportFormat): void {
  const known = map.get(key)
  if (known) known.formats.push(format)
  else map.set(key, { label, formats: [format] })
}

function build(): Map<string, FigureKey> {
  const map = new Map<string, FigureKey>()
  const formats: TableFormat[] = [FORMAT_2019, FORMAT_2021]
  for (const f of formats) {
    for (const b of f.proactive)
      for (const r of b.rows)
        for (const c of b.columns)
          add(map, `proactive.${b.key}.${r.key}.${c.key}`, `表二 ${b.header} ${r.label}·${c.label}`, f.format)
  }
  for (const i of LEGACY_ITEMS) if (i.source === 'entered' && i.key) add(map, i.key, `统计表 ${i.label}`, 'legacy')
  return map
}

export const FIGURE_KEYS: ReadonlyMap<string, FigureKey> = build()

/** Whether a figure is an amount of money (万元 or 元), which may have a fraction; every other figure counts things. */
export function isMoneyFigure(key: string): boolean {
  return /(?:Wan|Yuan)$/.test(key)
}

export function isFigureKey(key: string): boolean {
  return FIGURE_KEYS.has(key)
}

/** The figures a format's tables show, as [key, label]. */
export function figureKeysOf(format: ReportFormat): [string, string][] {
  return [...FIGURE_KEYS.entries()].filter(([, k]) => k.formats.includes(format)).map(([key, k]) => [key, k.label])
}
