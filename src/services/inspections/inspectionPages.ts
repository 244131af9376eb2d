import type { Kysely } from 'kysely'
import type { PublishedDraw } from '../../domain/inspections/draw.js'
import { DEFAULT_INSPECTION_TARGETS, sectorStandings } from '../../domain/inspections/ratios.js'
import type { SectorYear } from '../../domain/inspections/ratios.js'
import { inspectionOutcomeLabel } from '../../domain/inspections/results.js'
import { findAgencyByCode, findAgencyById } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import {
  findDraw,
  findInspectionItem,
  listDraws,
  listInspectionItems,
  listPools,
  listResults,
} from '../../store/inspectionRepo.js'
import type { Database } from '../../store/schema.js'

// What the 双随机、一公开 column shows the public, and the console the same with its forms.

type PoolCopy = PublishedDraw['inspectors']
type DrawRow = Awaited<ReturnType<typeof listDraws>>[number]

function entriesById(copy: PoolCopy): Map<string, string> {
  return new Map(copy.entries.map((e) => [e.id, e.name]))
}

function drawSummary(d: DrawRow) {
  const inspectors = JSON.parse(d.inspectors) as PoolCopy
  const entities = JSON.parse(d.entities) as PoolCopy
  const result = d.result === null ? null : (JSON.parse(d.result) as { inspectors: string[]; entities: string[] })
  const names = { inspectors: entriesById(inspectors), entities: entriesById(entities) }
  return {
    id: Number(d.id),
    year: d.year,
    sector: d.sector,
    item: d.item_name,
    seed: d.seed,
    announcedOn: d.announced_on,
    drawn: result !== null,
    inspectors: { count: inspectors.count, size: inspectors.entries.length, fingerprint: inspectors.fingerprint },
    entities: { count: entities.count, size: entities.entries.length, fingerprint: entities.fingerprint },
    chosenInspectors: (result?.inspectors ?? []).map((id) => ({ id, name: names.inspectors.get(id) ?? id })),
    chosenEntities: (result?.entities ?? []).map((id) => ({ id, name: names.entities.get(id) ?? id })),
  }
}

/** Each sector's year: the largest entity pool drawn from, distinct entities drawn, rounds drawn. */
function sectorYears(draws: DrawRow[]): SectorYear[] {
  const by = new Map<string, { poolSize: number; inspected: Set<string>; rounds: number }>()
  for (const d of draws) {
    if (d.result === null) continue
    const s = by.get(d.sector) ?? { poolSize: 0, inspected: new Set<string>(), rounds: 0 }
    s.poolSize = Math.max(s.poolSize, (JSON.parse(d.entities) as PoolCopy).entries.length)
    for (const id of (JSON.parse(d.result) as { entities: string[] }).entities) s.inspected.add(id)
    s.rounds++
    by.set(d.sector, s)
  }
  return [...by].map(([sector, s]) => ({ sector, poolSize: s.poolSize, inspected: s.inspected.size, rounds: s.rounds }))
}

/** The year's standing of each sector against the agency's targets (its settings over 5 % and 3 rounds). */
export async function inspectionStandings(db: Kysely<Database>, agencyId: number, year: number) {
  const agency = await findAgencyById(db, agencyId)
  const targets = agency?.settings.inspectionTargets ?? DEFAULT_INSPECTION_TARGETS
  return { targets, sectors: sectorStandings(sectorYears(await listDraws(db, agencyId, year)), targets) }
}

/** The 双随机、一公开 column of an agency: item list, draws (seed and fingerprints first), results, the year's ratios. */
export async function inspectionColumn(props: { store: Store; code: string; year?: number }) {
  const agency = await findAgencyByCode(props.store.db, props.code)
  if (!agency) return null
  const db = props.store.db
  const [items, all, pools] = await Promise.all([
    listInspectionItems(db, agency.id),
    listDraws(db, agency.id),
    listPools(db, agency.id),
  ])
  const years = [...new Set(all.map((d) => d.year))].sort((a, b) => b - a)
  const year = props.year && years.includes(props.year) ? props.year : (years[0] ?? null)
  const draws = all.filter((d) => d.year === year)
  const results = await listResults(
    db,
    draws.map((d) => Number(d.id)),
  )
  return {
    agency: { id: agency.id, name: agency.name, code: agency.code },
    items: items.map((i) => ({
      id: Number(i.id),
      code: i.code,
      name: i.name,
      sector: i.sector,
      basis: i.basis,
      subject: i.subject,
      content: i.content,
      method: i.method,
    })),
    pools: pools.map((p) => ({
      id: Number(p.id),
      kind: p.kind,
      sector: p.sector,
      name: p.name,
      size: p.size,
      fingerprint: p.fingerprint,
    })),
    years,
    year,
    draws: draws.map((d) => ({
      ...drawSummary(d),
      results: results
        .filter((r) => r.draw_id === Number(d.id))
        .map((r) => ({
          entity: r.entity_name,
          entityId: r.entity_id,
          outcome: inspectionOutcomeLabel(r.outcome),
          note: r.note,
          publishedOn: r.published_on,
        })),
    })),
    standing: year === null ? null : await inspectionStandings(db, agency.id, year),
  }
}

/** A draw as published, in the form `gongkai draw verify` reads; null when there is none. */
export async function publishedDraw(store: Store, id: number) {
  const d = await findDraw(store.db, id)
  if (!d) return null
  const [agency, item] = await Promise.all([
    findAgencyById(store.db, d.agency_id),
    findInspectionItem(store.db, d.agency_id, d.item_id),
  ])
  const draw: PublishedDraw = {
    seed: d.seed,
    inspectors: JSON.parse(d.inspectors) as PoolCopy,
    entities: JSON.parse(d.entities) as PoolCopy,
    result: d.result === null ? null : (JSON.parse(d.result) as PublishedDraw['result']),
  }
  return {
    id: Number(d.id),
    agency: { name: agency?.name ?? '', code: agency?.code ?? '' },
    item: item?.name ?? '',
    sector: d.sector,
    year: d.year,
    announcedOn: d.announced_on,
    announcedAt: d.announced_at,
    drawnAt: d.drawn_at,
    ...draw,
  }
}
