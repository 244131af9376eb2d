import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

// The retention job's reads and writes (decision 0048): candidate cases, the steps done on each, the runs.

const CLOSED_STATES = ['answered', 'delivered', 'archived']

export interface RetentionCandidate {
  id: number
  agencyId: number
  state: string
  concludedOn: string
  filesOn: string | null
  messagesOn: string | null
  reviews: { filedOn: string; decidedOn: string | null }[]
}

/** Closed cases whose applicant data is not yet gone, by id after `afterId`, with their reviews and steps done. */
export async function listRetentionCandidates(
  db: Kysely<Database>,
  afterId: number,
  limit: number,
): Promise<RetentionCandidate[]> {
  const rows = await db
    .selectFrom('applications as a')
    .leftJoin('retention_cases as r', 'r.application_id', 'a.id')
    .select(['a.id', 'a.agency_id', 'a.state', 'a.concluded_on', 'r.files_on', 'r.messages_on'])
    .where('a.id', '>', afterId)
    .where('a.state', 'in', CLOSED_STATES)
    .where('a.concluded_on', 'is not', null)
    .where('r.case_on', 'is', null)
    .orderBy('a.id')
    .limit(limit)
    .execute()
  if (rows.length === 0) return []
  const reviews = await db
    .selectFrom('reviews')
    .select(['application_id', 'filed_on', 'decided_on'])
    .where(
      'application_id',
      'in',
      rows.map((r) => Number(r.id)),
    )
    .execute()
  return rows.map((r) => ({
    id: Number(r.id),
    agencyId: Number(r.agency_id),
    state: r.state,
    concludedOn: r.concluded_on ?? '',
    filesOn: r.files_on,
    messagesOn: r.messages_on,
    reviews: reviews
      .filter((v) => Number(v.application_id) === Number(r.id))
      .map((v) => ({ filedOn: v.filed_on, decidedOn: v.decided_on })),
  }))
}

/** How many closed cases still hold their applicant's data. */
export async function countRetentionCandidates(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('applications as a')
    .leftJoin('retention_cases as r', 'r.application_id', 'a.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.state', 'in', CLOSED_STATES)
    .where('a.concluded_on', 'is not', null)
    .where('r.case_on', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The reviews and lawsuits about one case (for its anonymisation date). */
export async function reviewsOfCase(
  db: Kysely<Database>,
  applicationId: number,
): Promise<{ filedOn: string; decidedOn: string | null }[]> {
  const rows = await db
    .selectFrom('reviews')
    .select(['filed_on', 'decided_on'])
    .where('application_id', '=', applicationId)
    .execute()
  return rows.map((v) => ({ filedOn: v.filed_on, decidedOn: v.decided_on }))
}

export type RetentionStep = 'files_on' | 'messages_on' | 'case_on'

/** Records that `step` was done on case `applicationId` on `on` (once: a later run keeps the first day). */
export async function markRetentionStep(
  db: Kysely<Database>,
  m: { applicationId: number; agencyId: number; runId: number; step: RetentionStep; on: string },
): Promise<void> {
  await db
    .insertInto('retention_cases')
    .values({ application_id: m.applicationId, agency_id: m.agencyId, run_id: m.runId, [m.step]: m.on })
    .onConflict((oc) =>
      oc.column('application_id').doUpdateSet((eb) => ({
        [m.step]: eb.fn.coalesce(`retention_cases.${m.step}`, eb.val(m.on)),
      })),
    )
    .execute()
}

/** Deletes the files the applicant sent (ID proofs, attachments, supplements); the disclosed files stay. */
export async function removeApplicantFiles(db: Kysely<Database>, applicationId: number): Promise<number> {
  const r = await db
    .deleteFrom('application_files')
    .where('application_id', '=', applicationId)
    .where('purpose', '!=', 'disclosed')
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}

// the vault's ANONYMISED_NAME, restated because the store may not import services
export const CLEARED_TEXT = '（已匿名化）'

/** Blanks the text of the messages already sent (or given up) to the applicant of a case. */
export async function clearMessageTexts(db: Kysely<Database>, applicationId: number): Promise<number> {
  const r = await db
    .updateTable('outbox_messages')
    .set({ body: CLEARED_TEXT })
    .where('application_id', '=', applicationId)
    .where('state', 'in', ['sent', 'failed'])
    .where('body', '!=', CLEARED_TEXT)
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

export interface RetentionCounts {
  casesAnonymised: number
  filesRemoved: number
  messagesCleared: number
  batches: number
}

export async function insertRetentionRun(
  db: Kysely<Database>,
  r: { today: string; dryRun: boolean; actor: string; startedAt: string },
): Promise<number> {
  const row = await db
    .insertInto('retention_runs')
    .values({ today: r.today, dry_run: r.dryRun ? 1 : 0, actor: r.actor, started_at: r.startedAt })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

export async function finishRetentionRun(
  db: Kysely<Database>,
  id: number,
  c: RetentionCounts & { finishedAt: string; outcome: string },
): Promise<void> {
  await db
    .updateTable('retention_runs')
    .set({
      finished_at: c.finishedAt,
      cases_anonymised: c.casesAnonymised,
      files_removed: c.filesRemoved,
      messages_cleared: c.messagesCleared,
      batches: c.batches,
      outcome: c.outcome.slice(0, 500),
    })
    .where('id', '=', id)
    .execute()
}

export interface RetentionRunLine extends RetentionCounts {
  id: number
  today: string
  dryRun: boolean
  actor: string
  startedAt: string
  finishedAt: string | null
  outcome: string | null
}

/** The runs, newest first, a page at a time; and how many there are. */
export async function listRetentionRuns(
  db: Kysely<Database>,
  page: { limit: number; offset: number },
): Promise<{ runs: RetentionRunLine[]; total: number }> {
  const rows = await db
    .selectFrom('retention_runs')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  const n = await db
    .selectFrom('retention_runs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return {
    total: Number(n.n),
    runs: rows.map((r) => ({
      id: Number(r.id),
      today: r.today,
      dryRun: Number(r.dry_run) === 1,
      actor: r.actor,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      outcome: r.outcome,
      casesAnonymised: Number(r.cases_anonymised),
      filesRemoved: Number(r.files_removed),
      messagesCleared: Number(r.messages_cleared),
      batches: Number(r.batches),
    })),
  }
}

/** Per agency: cases anonymised, and the last day one was. */
export async function retentionTotalsByAgency(
  db: Kysely<Database>,
  agencyIds: readonly number[] | null,
): Promise<{ agencyId: number; cases: number; lastOn: string | null }[]> {
  let q = db
    .selectFrom('retention_cases')
    .select((eb) => ['agency_id', eb.fn.count<number>('case_on').as('cases'), eb.fn.max('case_on').as('last_on')])
    .groupBy('agency_id')
  if (agencyIds) {
    if (agencyIds.length === 0) return []
    q = q.where('agency_id', 'in', [...agencyIds])
  }
  const rows = await q.execute()
  return rows.map((r) => ({ agencyId: Number(r.agency_id), cases: Number(r.cases), lastOn: r.last_on ?? null }))
}

/** The steps done on one case, if any. */
export async function retentionOfCase(
  db: Kysely<Database>,
  applicationId: number,
): Promise<{ filesOn: string | null; messagesOn: string | null; caseOn: string | null } | undefined> {
  const r = await db
    .selectFrom('retention_cases')
    .select(['files_on', 'messages_on', 'case_on'])
    .where('application_id', '=', applicationId)
    .executeTakeFirst()
  return r ? { filesOn: r.files_on, messagesOn: r.messages_on, caseOn: r.case_on } : undefined
}
