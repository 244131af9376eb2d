import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Engine } from '../store/database.js'
import type { Database } from '../store/schema.js'
import type { CorpusStats } from './bm25.js'
import { bm25, termFrequencies } from './bm25.js'
import { docNoToken, filterToken, indexTerms, phraseTerms, searchText, termLength } from './tokenize.js'
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
  /** 组配分类 */
  genre?: string
  title: string
  docNo: string | null
  text: string
}

/**
 * A match: in every group, one alternative whose index terms are all present; every filter token present;
 * keys within [minKey, maxKey]. No group and no filter: every indexed document in the key range.
 */
interface MatchQuery {
  match: string[][][]
  filters: string[]
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

/** The match that asks nothing of the text: a walk down the key index (browsing by filters the key holds). */
async function newestInRange(db: Kysely<Database>, q: MatchQuery, limit: number, offset: number): Promise<number[]> {
  const rows = await db
    .selectFrom('search_docs')
    .select('sort_key')
    .where('sort_key', '>=', q.minKey)
    .where('sort_key', '<=', q.maxKey)
    .orderBy('sort_key', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map((r) => Number(r.sort_key))
}

const matchesAll = (q: MatchQuery) => q.match.length === 0 && q.filters.length === 0

const sqliteIndex: EngineIndex = {
  async insert(db, key, matchText) {
    await sql`insert into search_fts(rowid, tokens) values (${key}, ${matchText})`.execute(db)
  },
  async delete(db, key) {
    await sql`delete from search_fts where rowid = ${key}`.execute(db)
  },
  async newest(db, q, limit, offset) {
    const rows = await sql<{ k: number }>`select rowid as k from search_fts where search_fts match ${ftsQuery(q)}
      and rowid between ${q.minKey} and ${q.maxKey} order by rowid desc limit ${limit} offset ${offset}`.execute(db)
    return rows.rows.map((r) => Number(r.k))
  },
  async candidates(db, q, limit) {
    const rows = await sql<Candidate>`select d.sort_key as k, d.tokens, d.length from search_fts f
      join search_docs d on d.sort_key = f.rowid where search_fts match ${ftsQuery(q)}
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
    const match = sql`tsv @@ to_tsquery('simple', ${tsQuery(q)}) and sort_key between ${q.minKey} and ${q.maxKey}`
    // a materialized CTE keeps the planner from walking the key index for a rare match
    const rows = q.selective
      ? await sql<{ k: number }>`with m as materialized (select sort_key from search_docs where ${match})
          select sort_key as k from m order by sort_key desc limit ${limit} offset ${offset}`.execute(db)
      : await sql<{ k: number }>`select sort_key as k from search_docs where ${match}
          order by sort_key desc limit ${limit} offset ${offset}`.execute(db)
    return rows.rows.map((r) => Number(r.k))
  },
  async candidates(db, q, limit) {
    const match = sql`tsv @@ to_tsquery('simple', ${tsQuery(q)}) and sort_key between ${q.minKey} and ${q.maxKey}`
    const rows = q.selective
      ? await sql<Candidate>`with m as materialized (select sort_key, tokens, length from search_docs where ${match})
          select sort_key as k, tokens, length from m order by sort_key desc limit ${limit}`.execute(db)
      : await sql<Candidate>`select sort_key as k, tokens, length from search_docs where ${match}
          order by sort_key desc limit ${limit}`.execute(db)
    return rows.rows
  },
}

// Terms are letters and digits only (tokenize.ts), so quoting them is all the escaping needed.
function booleanQuery(q: MatchQuery, quote: string, and: string, or: string): string {
  const all = (terms: string[]) => `(${terms.map((t) => `${quote}${t}${quote}`).join(and)})`
  return [...q.match.map((group) => `(${group.map(all).join(or)})`), ...q.filters.map((t) => all([t]))].join(and)
}
const ftsQuery = (q: MatchQuery) => booleanQuery(q, '"', ' AND ', ' OR ')
const tsQuery = (q: MatchQuery) => booleanQuery(q, "'", ' & ', ' | ')

/** The match a query's groups and filters make, as the engine's own query text (bench/search asks it raw). */
export function engineMatch(engine: Engine, groups: string[][], filters: string[]): string {
  const q = { match: groups.map((g) => g.map(phraseTerms)), filters, minKey: 0, maxKey: 0 }
  return engine === 'postgres' ? tsQuery(q) : ftsQuery(q)
}

function engineIndex(engine: Engine): EngineIndex {
  return engine === 'postgres' ? postgresIndex : sqliteIndex
}

/**
 * What the index keeps of a document: its search text (title, 文号 and text; scored), that text's length
 * and distinct index terms (matched), and the filter tokens (matched, never scored).
 */
export function documentTokens(doc: IndexedDocument): {
  text: string
  length: number
  terms: string[]
  filters: string[]
} {
  const text = searchText(`${doc.title}\n${doc.docNo ?? ''}\n${doc.text}`)
  const docNo = doc.docNo ? docNoToken(doc.docNo) : null
  const filters = [
    filterToken.agency(doc.agencyId),
    ...doc.columnIds.map(filterToken.column),
    filterToken.year(Number(doc.publishedOn.slice(0, 4))),
    filterToken.validity(doc.validity),
    ...(doc.topic ? [filterToken.topic(doc.topic)] : []),
    ...(doc.genre ? [filterToken.genre(doc.genre)] : []),
    ...(docNo ? [docNo] : []),
  ]
  return { text, length: termLength(text), terms: [...new Set(indexTerms(text))], filters }
}

const CHUNK = 400

/** Adds (or replaces) a document in the index; run it inside the use case's transaction. */
export async function indexDocument(db: Kysely<Database>, engine: Engine, doc: IndexedDocument): Promise<void> {
  await unindexDocument(db, engine, doc.id)
  const key = sortKey(doc.publishedOn, doc.id)
  const { text, length, terms, filters } = documentTokens(doc)
  if (engine === 'postgres') {
    await sql`insert into search_docs (sort_key, document_id, tokens, length, tsv) values (${key}, ${doc.id}, ${text}, ${length}, ''::tsvector)`.execute(
      db,
    )
  } else {
    await db.insertInto('search_docs').values({ sort_key: key, document_id: doc.id, tokens: text, length }).execute()
  }
  await engineIndex(engine).insert(db, key, `${terms.join(' ')} ${filters.join(' ')}`)
  if (engine === 'postgres') {
    // one array parameter: a document has hundreds of terms, and binding each one is most of the cost
    await sql`insert into search_terms (term, df) select t, 1 from unnest(${terms}::text[]) as t
      on conflict (term) do update set df = search_terms.df + 1`.execute(db)
  } else {
    for (let i = 0; i < terms.length; i += CHUNK) {
      await db
        .insertInto('search_terms')
        .values(terms.slice(i, i + CHUNK).map((term) => ({ term, df: 1 })))
        .onConflict((oc) => oc.column('term').doUpdateSet({ df: sql`search_terms.df + 1` }))
        .execute()
    }
  }
  await db
    .updateTable('search_stats')
    .set({ docs: sql`docs + 1`, total_length: sql`total_length + ${length}` })
    .where('id', '=', 1)
    .execute()
}

/** The index format this code writes (search_stats.format; decision 0028). */
export const SEARCH_FORMAT = 2

/** Empties the index (before it is rebuilt in this code's format). */
export async function clearSearchIndex(db: Kysely<Database>, engine: Engine): Promise<void> {
  if (engine === 'sqlite') await sql`insert into search_fts(search_fts) values ('delete-all')`.execute(db)
  await db.deleteFrom('search_docs').execute()
  await db.deleteFrom('search_terms').execute()
  await db.updateTable('search_stats').set({ docs: 0, total_length: 0 }).where('id', '=', 1).execute()
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
  const distinct = [...new Set(indexTerms(row.tokens))]
  if (engine === 'postgres')
    await sql`update search_terms set df = df - 1 where term = any(${distinct}::text[])`.execute(db)
  else
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

export interface RankQuery {
  /** the query's phrase groups (queryPlan.ts): one phrase of each must be present; they are what is scored */
  groups: string[][]
  /** filter tokens: matched, never scored */
  filters: string[]
  /** phrases scored but not required (queryPlan.ts) */
  boosts?: string[]
  minKey: number
  maxKey: number
  /** an agency, column or 文号 filter: few matches expected whatever the words */
  selective?: boolean
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

/** A phrase's document frequency, as far as the index knows it: that of its rarest index term. */
function phraseDf(terms: readonly string[], df: ReadonlyMap<string, number>): number {
  return terms.reduce((min, t) => Math.min(min, df.get(t) ?? 0), Number.POSITIVE_INFINITY)
}

/** The share of documents expected to match every group (groups taken as independent). */
function expectedShare(match: string[][][], df: ReadonlyMap<string, number>, docs: number): number {
  if (match.length === 0 || docs === 0) return 1
  return match.reduce(
    (share, group) => share * Math.min(1, group.reduce((sum, alt) => sum + phraseDf(alt, df), 0) / docs),
    1,
  )
}

/** The document frequency of each phrase as far as the index knows it (did-you-mean). */
export async function phraseFrequencies(
  db: Kysely<Database>,
  phrases: readonly string[],
): Promise<Map<string, number>> {
  const terms = [...new Set(phrases.flatMap(phraseTerms))]
  const rows = terms.length
    ? await db.selectFrom('search_terms').select(['term', 'df']).where('term', 'in', terms).execute()
    : []
  const df = new Map(rows.map((r) => [r.term, Number(r.df)]))
  return new Map(phrases.map((p) => [p, phraseTerms(p).length ? phraseDf(phraseTerms(p), df) : 0]))
}

/**
 * How many of the newest matches are counted and ranked (the bounded candidate set). Reading them is the one
 * engine query of a search: it gives the total, the date-ordered page and the candidates for relevance, so a
 * common word (的) costs a thousand postings, never all of them.
 */
export const CANDIDATES = 1000

/**
 * Date order: the engine walks its index newest first. Relevance: BM25 with the project's own statistics
 * over the newest `CANDIDATES` matches (a phrase's frequency in the search text; its document frequency that
 * of its rarest index term); when fewer documents match (small corpora, rare words), that is plain BM25 over
 * all of them.
 */
export async function rankDocuments(db: Kysely<Database>, engine: Engine, query: RankQuery): Promise<RankResult> {
  const groups = query.groups.map((g) => g.filter((p) => phraseTerms(p).length > 0)).filter((g) => g.length > 0)
  const match = groups.map((g) => g.map(phraseTerms))
  const phrases = [...new Set(groups.flat())]
  const scored = [...new Set([...phrases, ...(query.boosts ?? []).filter((p) => phraseTerms(p).length > 0)])]
  const allTerms = [...new Set([...match.flat(2), ...scored.flatMap(phraseTerms)])]
  const [terms, stats] = await Promise.all([
    allTerms.length
      ? db.selectFrom('search_terms').select(['term', 'df']).where('term', 'in', allTerms).execute()
      : Promise.resolve([]),
    db.selectFrom('search_stats').select(['docs', 'total_length']).where('id', '=', 1).executeTakeFirstOrThrow(),
  ])
  const termDf = new Map(terms.map((t) => [t.term, Number(t.df)]))
  const docs = Number(stats.docs)
  const corpus: CorpusStats = {
    docs,
    avgLength: docs > 0 ? Number(stats.total_length) / docs : 1,
    df: new Map(scored.map((p) => [p, phraseDf(phraseTerms(p), termDf)])),
  }
  // a phrase no document holds: nothing can match, and the engine need not be asked
  if (groups.some((g) => g.every((p) => (corpus.df.get(p) ?? 0) === 0))) return { total: 0, keys: [] }
  const q: MatchQuery = {
    match,
    filters: query.filters,
    minKey: query.minKey,
    maxKey: query.maxKey,
    selective: query.selective || expectedShare(match, termDf, docs) < SELECTIVE_SHARE,
  }
  const idx = engineIndex(engine)
  const newest = (limit: number, offset: number) =>
    matchesAll(q) ? newestInRange(db, q, limit, offset) : idx.newest(db, q, limit, offset)
  if (query.sort === 'date' || phrases.length === 0) {
    // pages within the counted window are cut from it; deeper pages (date order only) ask the engine directly
    if (query.offset + query.limit > CANDIDATES) {
      const keys = await newest(query.limit, query.offset)
      return { total: CANDIDATES, keys }
    }
    const keys = await newest(CANDIDATES, 0)
    return { total: keys.length, keys: keys.slice(query.offset, query.offset + query.limit) }
  }
  const candidates = await idx.candidates(db, q, CANDIDATES)
  if (candidates.length === 0) return { total: 0, keys: [] }
  const ranked = candidates.map((d) => ({
    key: Number(d.k),
    score: bm25(scored, termFrequencies(d.tokens, scored), Number(d.length), corpus),
  }))
  ranked.sort((a, b) => b.score - a.score || b.key - a.key)
  return { total: candidates.length, keys: ranked.slice(query.offset, query.offset + query.limit).map((s) => s.key) }
}
