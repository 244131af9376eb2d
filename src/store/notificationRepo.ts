import type { Kysely } from 'kysely'
import { nowIso } from './database.js'
import type { Database } from './schema.js'

export interface NewNotification {
  agencyId: number
  departmentId: number | null
  applicationId: number
  kind: 'dueSoon' | 'overdue'
  day: string
  message: string
}

/** Adds a console notice unless this case already has one of this kind today; true when added. */
export async function insertNotificationOnce(db: Kysely<Database>, n: NewNotification): Promise<boolean> {
  const inserted = await db
    .insertInto('notifications')
    .values({
      agency_id: n.agencyId,
      department_id: n.departmentId,
      application_id: n.applicationId,
      kind: n.kind,
      day: n.day,
      message: n.message,
      created_at: nowIso(),
      read_at: null,
    })
    .onConflict((oc) => oc.columns(['application_id', 'kind', 'day']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}

/** A console notice about an agency rather than a case (the annual report's deadline). */
export interface AgencyNotification {
  agencyId: number
  kind: 'reportDueSoon' | 'reportOverdue'
  day: string
  message: string
}

/** Adds an agency's notice unless it already has one of this kind today; true when added. */
export async function insertAgencyNotificationOnce(db: Kysely<Database>, n: AgencyNotification): Promise<boolean> {
  // the unique constraint covers case notices only (application_id is null here): checked in one transaction
  return db.transaction().execute(async (trx) => {
    const known = await trx
      .selectFrom('notifications')
      .select('id')
      .where('agency_id', '=', n.agencyId)
      .where('application_id', 'is', null)
      .where('kind', '=', n.kind)
      .where('day', '=', n.day)
      .executeTakeFirst()
    if (known) return false
    await trx
      .insertInto('notifications')
      .values({
        agency_id: n.agencyId,
        department_id: null,
        application_id: null,
        kind: n.kind,
        day: n.day,
        message: n.message,
        created_at: nowIso(),
        read_at: null,
      })
      .execute()
    return true
  })
}
