import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from './schema.js'

// The search dictionary's rows (administrators' synonym groups; the built-in groups live in src/search).

const phrases = z.array(z.string())

export interface DictionaryRow {
  id: number
  term: string
  synonyms: string[]
  createdBy: string
  createdAt: string
}

export async function listDictionary(db: Kysely<Database>): Promise<DictionaryRow[]> {
  const rows = await db.selectFrom('search_dictionary').selectAll().orderBy('term').execute()
  return rows.map((r) => ({
    id: Number(r.id),
    term: r.term,
    synonyms: phrases.parse(JSON.parse(r.synonyms)),
    createdBy: r.created_by,
    createdAt: r.created_at,
  }))
}

/** Adds a group, or replaces the synonyms of a term already there. */
export async function saveDictionaryEntry(
  db: Kysely<Database>,
  entry: { term: string; synonyms: string[]; createdBy: string; createdAt: string },
): Promise<void> {
  const synonyms = JSON.stringify(entry.synonyms)
  await db
    .insertInto('search_dictionary')
    .values({ term: entry.term, synonyms, created_by: entry.createdBy, created_at: entry.createdAt })
    .onConflict((oc) => oc.column('term').doUpdateSet({ synonyms, created_by: entry.createdBy }))
    .execute()
}

export async function deleteDictionaryEntry(db: Kysely<Database>, id: number): Promise<DictionaryRow | undefined> {
  const row = (await listDictionary(db)).find((r) => r.id === id)
  if (row) await db.deleteFrom('search_dictionary').where('id', '=', id).execute()
  return row
}

/** The index's format (decision 0028) and the published documents to rebuild it from. */
export async function searchIndexFormat(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('search_stats').select('format').where('id', '=', 1).executeTakeFirstOrThrow()
  return Number(row.format)
}

export async function setSearchIndexFormat(db: Kysely<Database>, format: number): Promise<void> {
  await db.updateTable('search_stats').set({ format }).where('id', '=', 1).execute()
}

export async function publishedDocumentIds(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('documents').select('id').where('status', '=', 'published').orderBy('id').execute()
  return rows.map((r) => Number(r.id))
}
