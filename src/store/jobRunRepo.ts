import type { Kysely } from 'kysely'
import { nowIso } from './database.js'
import type { Database } from './schema.js'

// Scheduled jobs' runs, one row per job and slot (decision 0044).

/**
 * Claims the run of `job` for `slot` (e.g. the day) for `instance`: true for exactly one claimant across every
 * process on the database (the primary key decides), or for a claimant taking over a run left unfinished
 * for longer than `leaseMs` (its process died).
 */
export async function claimJobRun(
  db: Kysely<Database>,
  job: string,
  slot: string,
  instance: string,
  leaseMs: number,
  now = Date.now(),
): Promise<boolean> {
  const at = new Date(now).toISOString()
  const inserted = await db
    .insertInto('job_runs')
    .values({ job, slot, instance, started_at: at })
    .onConflict((oc) => oc.columns(['job', 'slot']).doNothing())
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true
  const stale = new Date(now - leaseMs).toISOString()
  const taken = await db
    .updateTable('job_runs')
    .set({ instance, started_at: at })
    .where('job', '=', job)
    .where('slot', '=', slot)
    .where('finished_at', 'is', null)
    .where('started_at', '<', stale)
    .executeTakeFirst()
  return Number(taken.numUpdatedRows) === 1
}

export async function finishJobRun(db: Kysely<Database>, job: string, slot: string, outcome: string): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ finished_at: nowIso(), outcome })
    .where('job', '=', job)
    .where('slot', '=', slot)
    .execute()
}
