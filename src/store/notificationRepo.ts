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
