import type { Kysely } from 'kysely'
import { PostgresAdapter, sql } from 'kysely'
import type { Database } from './schema.js'

// What staff add to a computed report: entered figures (append-only, the latest per key in force), the
// narrative sections they write, and the published versions (snapshots) of a report.

// ---- entered figures (append-only; the latest row per key is in force) ----

export interface FigureEntry {
  id: number
  key: string
  value: number | null
  source: string
  note: string
  enteredBy: string
  enteredAt: string
}

export async function insertFigure(
  db: Kysely<Database>,
  f: {
    agencyId: number
    year: number
    key: string
    value: number | null
    source: string
    note: string
    enteredBy: string
    enteredAt: string
  },
): Promise<void> {
  await db
    .insertInto('report_figures')
    .values({
      agency_id: f.agencyId,
      year: f.year,
      key: f.key,
      value: f.value === null ? null : String(f.value),
      source: f.source,
      note: f.note,
      entered_by: f.enteredBy,
      entered_at: f.enteredAt,
    })
    .execute()
}

/** Every entry of an agency's year (or of all agencies' when agencyId is null), oldest first. */
export async function listFigures(
  db: Kysely<Database>,
  year: number,
  agencyId: number | null,
): Promise<(FigureEntry & { agencyId: number })[]> {
  let q = db.selectFrom('report_figures').selectAll().where('year', '=', year)
  if (agencyId !== null) q = q.where('agency_id', '=', agencyId)
  const rows = await q.orderBy('id').execute()
  return rows.map((r) => ({
    id: Number(r.id),
    agencyId: Number(r.agency_id),
    key: r.key,
    value: r.value === null ? null : Number(r.value),
    source: r.source,
    note: r.note,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
  }))
}

/** The figures in force: the latest entry of each key. */
export function figuresInForce(entries: readonly FigureEntry[]): Record<string, number | null> {
  const out: Record<string, number | null> = {}
  for (const e of entries) out[e.key] = e.value
  return out
}

// ---- narrative ----

export async function loadNarrative(
  db: Kysely<Database>,
  agencyId: number,
  year: number,
): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('report_narratives')
    .select(['section', 'body'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .execute()
  return Object.fromEntries(rows.map((r) => [r.section, r.body]))
}

export async function saveNarrativeSection(
  db: Kysely<Database>,
  n: { agencyId: number; year: number; section: string; body: string; updatedBy: string; updatedAt: string },
): Promise<void> {
  await db
    .deleteFrom('report_narratives')
    .where('agency_id', '=', n.agencyId)
    .where('year', '=', n.year)
    .where('section', '=', n.section)
    .execute()
  await db
    .insertInto('report_narratives')
    .values({
      agency_id: n.agencyId,
      year: n.year,
      section: n.section,
      body: n.body,
      updated_by: n.updatedBy,
      updated_at: n.updatedAt,
    })
    .execute()
}

// ---- published snapshots ----

export interface SnapshotRow {
  id: number
  version: number
  format: string
  model: string
  html: string
  note: string
  publishedBy: string
  publishedAt: string
}

export async function listSnapshots(db: Kysely<Database>, agencyId: number, year: number): Promise<SnapshotRow[]> {
  const rows = await db
    .selectFrom('report_snapshots')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .orderBy('version')
    .execute()
  return rows.map((r) => ({
    id: Number(r.id),
    version: Number(r.version),
    format: r.format,
    model: r.model,
    html: r.html,
    note: r.note,
    publishedBy: r.published_by,
    publishedAt: r.published_at,
  }))
}

/** The first key of the advisory locks of report publishing (any number no other lock of the schema uses). */
const REPORT_LOCK_SPACE = 7_150_001

/**
 * Holds an agency's year of reports until the transaction ends, so that two publishes of it number their
 * versions one after the other (issue 15 finding 9: 22 of 30 concurrent publishes failed on a duplicate
 * version). SQLite runs one write transaction at a time already; PostgreSQL takes a transaction-scoped
 * advisory lock keyed by agency and year.
 */
export async function lockReportYear(trx: Kysely<Database>, agencyId: number, year: number): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`select pg_advisory_xact_lock(${REPORT_LOCK_SPACE}, ${agencyId * 10_000 + year})`.execute(trx)
}

export async function insertSnapshot(
  db: Kysely<Database>,
  s: {
    agencyId: number
    year: number
    version: number
    format: string
    model: string
    html: string
    note: string
    publishedBy: string
    publishedAt: string
  },
): Promise<number> {
  const row = await db
    .insertInto('report_snapshots')
    .values({
      agency_id: s.agencyId,
      year: s.year,
      version: s.version,
      format: s.format,
      model: s.model,
      html: s.html,
      note: s.note,
      published_by: s.publishedBy,
      published_at: s.publishedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/** The agencies that published at least one version of their report for `year`. */
export async function agenciesWithPublishedReport(db: Kysely<Database>, year: number): Promise<Set<number>> {
  const rows = await db.selectFrom('report_snapshots').select('agency_id').where('year', '=', year).distinct().execute()
  return new Set(rows.map((r) => Number(r.agency_id)))
}
