import type { Kysely } from 'kysely'
import { nowIso } from './database.js'
import type { Database } from './schema.js'

/** An agency's own text for one kind of letter, if it wrote one. */
export async function findLetterTemplate(
  db: Kysely<Database>,
  agencyId: number,
  kind: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('letter_templates')
    .select('body')
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .executeTakeFirst()
  return row?.body
}

export async function upsertLetterTemplate(
  db: Kysely<Database>,
  t: { agencyId: number; kind: string; body: string; updatedBy: string },
): Promise<void> {
  const at = nowIso()
  await db
    .insertInto('letter_templates')
    .values({ agency_id: t.agencyId, kind: t.kind, body: t.body, updated_by: t.updatedBy, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'kind']).doUpdateSet({ body: t.body, updated_by: t.updatedBy, updated_at: at }),
    )
    .execute()
}
