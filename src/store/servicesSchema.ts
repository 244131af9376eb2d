import type { Generated } from 'kysely'

// Tables of issue 18 (migrations 2026-12-05-70..72): service items, 双随机一公开, site inspection.

interface ServiceItemTable {
  id: Generated<number>
  agency_id: number
  /** 事项编码 */
  code: string
  name: string
  /** domain/serviceItems/kinds.ts */
  kind: string
  /** 实施主体 */
  department: string
  /** the current version of its guide */
  version: number
  created_at: string
  updated_at: string
}

interface ServiceItemVersionTable {
  id: Generated<number>
  item_id: number
  version: number
  /** JSON: the guide (domain/serviceItems/guide.ts) */
  guide: string
  /** JSON array of the guide's fields this version changed ([] for the first) */
  changed: string
  effective_on: string
  created_by: string
  created_at: string
}

export interface InspectionItemTable {
  id: Generated<number>
  agency_id: number
  code: string
  name: string
  /** 监管行业 */
  sector: string
  /** 检查依据 */
  basis: string
  /** 检查主体 */
  subject: string
  /** 检查内容 */
  content: string
  /** 检查方式 */
  method: string
  created_at: string
}

interface InspectionPoolTable {
  id: Generated<number>
  agency_id: number
  /** 'inspector' | 'entity' */
  kind: string
  sector: string
  name: string
  /** JSON: [{ id, name }] */
  entries: string
  size: number
  /** SM3 of the canonical entries (domain/inspections/pool.ts) */
  fingerprint: string
  updated_at: string
}

interface InspectionDrawTable {
  id: Generated<number>
  agency_id: number
  item_id: number
  year: number
  sector: string
  seed: string
  /** JSON: { count, fingerprint, entries } as published when the draw was announced */
  inspectors: string
  entities: string
  announced_on: string
  announced_at: string
  drawn_at: string | null
  /** JSON: { inspectors: id[], entities: id[] } once drawn */
  result: string | null
  created_by: string
}

interface InspectionResultTable {
  id: Generated<number>
  draw_id: number
  entity_id: string
  entity_name: string
  outcome: string
  note: string
  published_on: string
}

interface SiteInspectionRunTable {
  id: Generated<number>
  as_of: string
  pages: number
  links: number
  external: number
  run_at: string
  run_by: string
}

interface SiteInspectionFindingTable {
  id: Generated<number>
  run_id: number
  agency_id: number | null
  /** 'link' | 'unsafe' | 'external' | 'stale' | 'blank' */
  kind: string
  page: string
  target: string
  message: string
}

export interface ServiceTables {
  service_items: ServiceItemTable
  service_item_versions: ServiceItemVersionTable
  inspection_items: InspectionItemTable
  inspection_pools: InspectionPoolTable
  inspection_draws: InspectionDrawTable
  inspection_results: InspectionResultTable
  site_inspection_runs: SiteInspectionRunTable
  site_inspection_findings: SiteInspectionFindingTable
}
