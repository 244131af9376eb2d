import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Engine } from '../store/database.js'
import type { Database } from '../store/schema.js'
import type { CorpusStats } from './bm25.js'
import { bm25, termFrequencies } from './bm25.js'
import { docNoToken, filterToken, indexTokens } from './tokenize.js'
import { sortKey } from './sortKey.js'

/** What the index needs to know of a published document. */
export interface IndexedDocument {
  id: number
  publishedOn: string
  agencyId: number
  /** its column and every ancestor column */
  columnIds: number[]
  validity: string
  topic: string
  title: string
  docNo: string | null
  text: string
}

/** A match: every term present, keys within [minKey, maxKey]. */
interface MatchQuery {
  terms: string[]
  minKey: number
  maxKey: number
  /**
   * Few documents are expected to match (a rare word, or an agency, column or 文号 filter). PostgreSQL then
   * reads the matches from the GIN index and sorts them; otherwise it walks the key index newest first and
   * tests each row, which is fast only when matches are common. FTS5 needs no hint.
   */
  selective?: boolean
}

/** A candidate for relevance ranking: its key and what BM25 needs of it. */
interface Candidate {
  k: number
  tokens: string
  length: number
}

/** The engine-specific half: how tokens are stored and matched. Everything else is shared. */
interface EngineIndex {
  insert(db: Kysely<Database>, key: number, matchText: string): Promise<void>
  delete(db: Kysely<Database>, key: number): Promise<void>
  /** keys of matches, newest first */
  newest(db: Kysely<Database>, q: MatchQuery, limit: number, offset: number): Promise<number[]>
  /** the newest `limit` matches with their tokens, in one statement */
  candidates(db: Kysely<Database>, q: MatchQuery, limit: number): Promise<Candidate[]>
}

const sqliteIndex: EngineIndex = {
  async insert(db, key, matchText) {
    await sql`insert into search_fts(rowid, tokens) values (${key}, ${matchText})`.execute(db)
  },
  async delete(db, key) {
    await sql`delete from search_fts where rowid = ${key}`.execute(db)
  },
  async newest(db, q, limit, offset) {
    const rows = await sql<{ k: number }>`select rowid as k from search_fts where search_fts match ${ftsQuery(q.terms)}
      and rowid between ${q.minKey} and ${q.maxKey} order by rowid desc limit ${limit} offset ${offset}`.execute(db)
    return rows.rows.map((r) => Number(r.k))
  },
  async candidates(db, q, limit) {
    const rows = await sql<Candidate>`select d.sort_key as k, d.tokens, d.length from search_fts f
      join search_docs d on d.sort_key = f.rowid where search_fts match ${ftsQuery(q.terms)}
      and f.rowid between ${q.minKey} and ${q.maxKey} order by f.rowid desc limit ${limit}`.execute(db)
    return rows.rows
  },
}

const postgresIndex: EngineIndex = {
  async insert(db, key, matchText) {
    await sql`update search_docs set tsv = to_tsvector('simple', ${matchText}) where sort_key = ${key}`.execute(db)
  },
  async delete() {
    // the tsvector lives in the search_docs row, deleted by the shared half
  },
  async newest(db, q, limit, offset) {
    const match = sql`tsv @@ to_tsquery('simple', ${tsQuery(q.terms)}) and sort_key between ${q.minKey} and ${q.maxKey}`
    // a materialized CTE keeps the planner from walking the key index for a rare match
    const rows = q.selective
      ? await sql<{ k: number }>`with m as materialized (select sort_key from search_docs where ${match})
          select sort_key as k from m order by sort_key desc limit ${limit} offset ${offset}`.execute(db)
      : await sql<{ k: number }>`select sort_key as k from search_docs where ${match}
          order by sort_key desc limit ${limit} offset ${offset}`.execute(db)
    return rows.rows.map((r) => Number(r.k))
  },
  async candidates(db, q, limit) {
    const match = sql`tsv @@ to_tsquery('simple', ${tsQuery(q.terms)}) and sort_key between ${q.minKey} and ${q.maxKey}`
    const rows = q.selective
      ? await sql<Candidate>`with m as materialized (select sort_key, tokens, length from search_docs where ${match})
          select sort_key as k, tokens, length from m order by sort_key desc limit ${limit}`.execute(db)
      : await sql<Candidate>`select sort_key as k, tokens, length from search_docs where ${match}
          order by sort_key desc limit ${limit}`.execute(db)
    return rows.rows
  },
}

// Terms are letters and digits only (tokenize.ts), so quoting them is all the escaping needed.
function ftsQuery(terms: string[]): string {
  return terms.map((t) => `"${t}"`).join(' AND ')
}
function tsQuery(terms: string[]): string {
  return terms.map((t) => `'${t}'`).join(' & ')
}

function engineIndex(engine: Engine): EngineIndex {
  return engine === 'postgres' ? postgresIndex : sqliteIndex
}

/** The tokens a document is scored on (title, 文号 and text) and the extra tokens it is matched on. */
export function documentTokens(doc: IndexedDocument): { words: string[]; filters: string[] } {
  const words = indexTokens(`${doc.title}\n${doc.docNo ?? ''}\n${doc.text}`)
  const docNo = doc.docNo ? docNoToken(doc.docNo) : null
  const filters = [
    filterToken.agency(doc.agencyId),
    ...doc.columnIds.map(filterToken.column),
    filterToken.year(Number(doc.publishedOn.slice(0, 4))),
    filterToken.validity(doc.validity),
    ...(doc.topic ? [filterToken.topic(doc.topic)] : []),
    ...(docNo ? [docNo] : []),
  ]
  return { words, filters }
}

const CHUNK = 400

/** Adds (or replaces) a document in the index; run it inside the use case's transaction. */
export async function indexDocument(db: Kysely<Database>, engine: Engine, doc: IndexedDocument): Promise<void> {
  await unindexDocument(db, engine, doc.id)
  const key = sortKey(doc.publishedOn, doc.id)
  const { words, filters } = documentTokens(doc)
  const tokens = words.join(' ')
  if (engine === 'postgres') {
    await sql`insert into search_docs (sort_key, document_id, tokens, length, tsv) values (${key}, ${doc.id}, ${tokens}, ${words.length}, ''::tsvector)`.execute(
      db,
    )
  } else {
    await db
      .insertInto('search_docs')
      .values({ sort_key: key, document_id: doc.id, tokens, length: words.length })
      .execute()
  }
  await engineIndex(engine).insert(db, key, `${tokens} ${filters.join(' ')}`)
  const distinct = [...new Set(words)]
  for (let i = 0; i < distinct.length; i += CHUNK) {
    await db
      .insertInto('search_terms')
      .values(distinct.slice(i, i + CHUNK).map((term) => ({ term, df: 1 })))
      .onConflict((oc) => oc.column('term').doUpdateSet({ df: sql`search_terms.df + 1` }))
      .execute()
  }
  await db
    .updateTable('search_stats')
    .set({ docs: sql`docs + 1`, total_length: sql`total_length + ${words.length}` })
    .where('id', '=', 1)
    .execute()
}

/** Removes a document from the index (withdrawal, return to draft); nothing happens if it is not there. */
export async function unindexDocument(db: Kysely<Database>, engine: Engine, documentId: number): Promise<void> {
  const row = await db
    .selectFrom('search_docs')
    .select(['sort_key', 'tokens', 'length'])
    .where('document_id', '=', documentId)
    .executeTakeFirst()
  if (!row) return
  const key = Number(row.sort_key)
  await engineIndex(engine).delete(db, key)
  await db.deleteFrom('search_docs').where('sort_key', '=', key).execute()
  const distinct = [...new Set(row.tokens.split(' ').filter(Boolean))]
  for (let i = 0; i < distinct.length; i += CHUNK) {
    await db
      .updateTable('search_terms')
      .set({ df: sql`df - 1` })
      .where('term', 'in', distinct.slice(i, i + CHUNK))
      .execute()
  }
  await db
    .updateTable('search_stats')
    .set({ docs: sql`docs - 1`, total_length: sql`total_length - ${Number(row.length)}` })
    .where('id', '=', 1)
    .execute()
}

export interface RankQuery extends MatchQuery {
  /** the words that are scored (the filter tokens in `terms` are not) */
  scored: string[]
  sort: 'relevance' | 'date'
  limit: number
  offset: number
}

export interface RankResult {
  /** matching documents, counted up to CANDIDATES (more: `total` is CANDIDATES and the page says 超过) */
  total: number
  keys: number[]
}

/** Below this expected share of documents matching, a match is read from the index rather than walked. */
const SELECTIVE_SHARE = 0.05

/** The share of documents expected to hold every word (document frequencies taken as independent). */
function expectedShare(words: readonly string[], corpus: CorpusStats): number {
  if (words.length === 0 || corpus.docs === 0) return 1
  return words.reduce((share, w) => share * Math.min(1, (corpus.df.get(w) ?? 0) / corpus.docs), 1)
}

/**
 * How many of the newest matches are counted and ranked (the bounded candidate set). Reading them is the one
 * engine query of a search: it gives the total, the date-ordered page and the candidates for relevance, so a
 * common word (的) costs a thousand postings, never all of them.
 */
export const CANDIDATES = 1000

/**
 * Date order: the engine walks its index newest first. Relevance: BM25 with the project's own statistics
 * over the newest `CANDIDATES` matches; when fewer documents match (small corpora, rare words), that is
 * plain BM25 over all of them.
 */
export async function rankDocuments(db: Kysely<Database>, engine: Engine, query: RankQuery): Promise<RankResult> {
  const idx = engineIndex(engine)
  const [terms, stats] = await Promise.all([
    query.scored.length
      ? db.selectFrom('search_terms').select(['term', 'df']).where('term', 'in', query.scored).execute()
      : Promise.resolve([]),
    db.selectFrom('search_stats').select(['docs', 'total_length']).where('id', '=', 1).executeTakeFirstOrThrow(),
  ])
  const corpus: CorpusStats = {
    docs: Number(stats.docs),
    avgLength: Number(stats.docs) > 0 ? Number(stats.total_length) / Number(stats.docs) : 1,
    df: new Map(terms.map((t) => [t.term, Number(t.df)])),
  }
  const q = { ...query, selective: query.selective || expectedShare(query.scored, corpus) < SELECTIVE_SHARE }
  if (q.sort === 'date' || q.scored.length === 0) {
    // pages within the counted window are cut from it; deeper pages (date order only) ask the engine directly
    if (q.offset + q.limit > CANDIDATES) {
      const keys = await idx.newest(db, q, q.limit, q.offset)
      return { total: CANDIDATES, keys }
    }
    const keys = await idx.newest(db, q, CANDIDATES, 0)
    return { total: keys.length, keys: keys.slice(q.offset, q.offset + q.limit) }
  }
  const candidates = await idx.candidates(db, q, CANDIDATES)
  if (candidates.length === 0) return { total: 0, keys: [] }
  const scored = candidates.map((d) => ({
    key: Number(d.k),
    score: bm25(q.scored, termFrequencies(d.tokens, q.scored), Number(d.length), corpus),
  }))
  scored.sort((a, b) => b.score - a.score || b.key - a.key)
  return { total: candidates.length, keys: scored.slice(q.offset, q.offset + q.limit).map((s) => s.key) }
}
