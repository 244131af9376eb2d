import type { Kysely } from 'kysely'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { publicDocuments } from './catalogRepo.js'
import type { Database } from './schema.js'

// Site inspection runs and what failed (migration 2026-12-05-72).

/** The newest public item of each column (its own items only), by column id. */
export async function lastPublishedByColumn(db: Kysely<Database>, today: CalendarDay): Promise<Map<number, string>> {
  const rows = await publicDocuments(db, today)
    .select(['column_id', (eb) => eb.fn.max('published_on').as('last')])
    .groupBy('column_id')
    .execute()
  return new Map(rows.filter((r) => r.last !== null).map((r) => [Number(r.column_id), String(r.last)]))
}

/** Which agency each public document belongs to (a document page's findings are its agency's). */
export async function documentAgencies(db: Kysely<Database>, today: CalendarDay): Promise<Map<number, number>> {
  const rows = await publicDocuments(db, today).select(['id', 'agency_id']).execute()
  return new Map(rows.map((r) => [Number(r.id), Number(r.agency_id)]))
}

export interface FindingRow {
  agencyId: number | null
  kind: string
  page: string
  target: string
  message: string
}

export async function saveRun(
  db: Kysely<Database>,
  run: { asOf: string; pages: number; links: number; external: number; at: string; by: string },
  findings: readonly FindingRow[],
): Promise<number> {
  const r = await db
    .insertInto('site_inspection_runs')
    .values({
      as_of: run.asOf,
      pages: run.pages,
      links: run.links,
      external: run.external,
      run_at: run.at,
      run_by: run.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const id = Number(r.id)
  for (let i = 0; i < findings.length; i += 200)
    await db
      .insertInto('site_inspection_findings')
      .values(
        findings.slice(i, i + 200).map((f) => ({
          run_id: id,
          agency_id: f.agencyId,
          kind: f.kind,
          page: f.page,
          target: f.target,
          message: f.message,
        })),
      )
      .execute()
  return id
}

export async function latestRun(db: Kysely<Database>) {
  return db.selectFrom('site_inspection_runs').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()
}

/** A run's findings, of some agencies (null: every one, and the site's own pages). */
export async function runFindings(db: Kysely<Database>, runId: number, agencyIds: number[] | null) {
  let q = db.selectFrom('site_inspection_findings').selectAll().where('run_id', '=', runId)
  if (agencyIds !== null) q = q.where('agency_id', 'in', agencyIds.length ? agencyIds : [-1])
  return q.orderBy('agency_id').orderBy('kind').orderBy('id').execute()
}
