// 《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）：合理确定抽查比例和频次。
// The seed (福州2020): 对每个监管行业的抽查比例均在5%以上，抽查频次不少于3次 — the defaults an agency may change.
export interface InspectionTargets {
  minRatioPercent: number
  minRounds: number
}

export const DEFAULT_INSPECTION_TARGETS: InspectionTargets = { minRatioPercent: 5, minRounds: 3 }

export interface SectorYear {
  sector: string
  /** entities in the sector's pool (the largest pool of the year's draws) */
  poolSize: number
  /** distinct entities drawn in the year */
  inspected: number
  rounds: number
}

export interface SectorStanding extends SectorYear {
  /** percent, one decimal */
  ratioPercent: number
  warnings: string[]
}

/** The year's ratio and rounds of each sector, with a warning below the agency's targets. */
export function sectorStandings(rows: readonly SectorYear[], targets: InspectionTargets): SectorStanding[] {
  return rows.map((r) => {
    const ratioPercent = r.poolSize === 0 ? 0 : Math.round((r.inspected / r.poolSize) * 1000) / 10
    const warnings = [
      ratioPercent < targets.minRatioPercent ? `抽查比例 ${ratioPercent}% 低于目标 ${targets.minRatioPercent}%` : '',
      r.rounds < targets.minRounds ? `抽查频次 ${r.rounds} 次少于目标 ${targets.minRounds} 次` : '',
    ].filter(Boolean)
    return { ...r, ratioPercent, warnings }
  })
}
