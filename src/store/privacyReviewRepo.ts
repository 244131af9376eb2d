import type { Kysely } from 'kysely'
import type { Actor } from '../domain/catalog/workflow.js'
import type { Database } from './schema.js'
import { nowIso } from './database.js'

// The 保密审查 step's de-identification records (issue 17 point 2, decision 0047): decisions per finding and
// version of the text, and per document its exemption and the original body kept when publication masked it.

export async function privacyDecisionsOf(db: Kysely<Database>, documentId: number) {
  return db
    .selectFrom('privacy_decisions')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('source')
    .orderBy('start_at')
    .execute()
}

export interface PrivacyDecisionInput {
  documentId: number
  source: string
  version: string
  kind: string
  start: number
  end: number
  found: string
  masked: string
  decision: string
  reason: string
}

/** Records (or changes, while the step is open) the decision on one finding of one version of a text. */
export async function savePrivacyDecision(db: Kysely<Database>, d: PrivacyDecisionInput, actor: Actor) {
  const who = {
    decision: d.decision,
    reason: d.reason,
    actor_name: actor.name,
    actor_role: actor.role,
    actor_user_id: actor.userId ?? null,
    at: nowIso(),
  }
  await db
    .insertInto('privacy_decisions')
    .values({
      document_id: d.documentId,
      source: d.source,
      version: d.version,
      kind: d.kind,
      start_at: d.start,
      end_at: d.end,
      found: d.found,
      masked: d.masked,
      ...who,
    })
    .onConflict((oc) => oc.columns(['document_id', 'source', 'version', 'start_at', 'end_at', 'kind']).doUpdateSet(who))
    .execute()
}

export async function privacyReviewOf(db: Kysely<Database>, documentId: number) {
  return db.selectFrom('privacy_reviews').selectAll().where('document_id', '=', documentId).executeTakeFirst()
}

async function upsertReview(
  db: Kysely<Database>,
  documentId: number,
  set: Partial<{
    exempt: string | null
    exempt_reason: string
    exempt_by: string
    exempt_at: string | null
    original_html: string
    original_text: string
    masked_at: string
  }>,
) {
  await db
    .insertInto('privacy_reviews')
    .values({
      document_id: documentId,
      exempt: null,
      exempt_at: null,
      original_html: null,
      original_text: null,
      masked_at: null,
      ...set,
    })
    .onConflict((oc) => oc.column('document_id').doUpdateSet(set))
    .execute()
}

/** Marks a document 惩戒性公示 / 强制性信息披露 (or clears the mark: `exempt` null). */
export async function saveExemption(
  db: Kysely<Database>,
  documentId: number,
  exempt: string | null,
  reason: string,
  by: string,
) {
  await upsertReview(db, documentId, {
    exempt,
    exempt_reason: exempt ? reason : '',
    exempt_by: by,
    exempt_at: nowIso(),
  })
}

/** Keeps the body as written when publication masks it: the staff record shows it, no public page does. */
export async function keepOriginalBody(db: Kysely<Database>, documentId: number, html: string, text: string) {
  await upsertReview(db, documentId, { original_html: html, original_text: text, masked_at: nowIso() })
}
