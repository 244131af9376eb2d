import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Engine } from '../store/database.js'
import type { Database } from '../store/schema.js'
import type { CorpusStats } from './bm25.js'
import { bm25, termFrequencies } from './bm25.js'
import { docNoToken, filterToken, indexTerms, phraseTerms, searchText, termLength } from './tokenize.js'
import { dayOfKey, firstKeyOfDay, sortKey, yearOfKey } from './sortKey.js'

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
  /** the share of indexed documents expected to match the words (groups taken as independent; 1: no words) */
  share: number
  /** indexed documents */
  docs: number
  /** the keys of the index within [minKey, maxKey] (lo, hi) and all of them (first, last); PostgreSQL plans */
  extent?: { lo: number; hi: number; first: number; last: number }
  /**
   * Few documents are expected to match whatever the words (an agency, column or 文号 filter): PostgreSQL
   * reads them from the GIN index. FTS5 needs no hint.
   */
  selective?: boolean
}

/** A candidate for relevance ranking: its key and what BM25 needs of it. */
interface Candidate {
  k: number
  length: number
  /** the search text (SQLite), or the frequency of each scored phrase in it, in order (PostgreSQL) */
  tokens?: string
  tf?: number[]
}

/** The engine-specific half: how tokens are stored and matched. Everything else is shared. */
interface EngineIndex {
  insert(db: Kysely<Database>, key: number, matchText: string): Promise<void>
  delete(db: Kysely<Database>, key: number): Promise<void>
  /** keys of matches, newest first */
  newest(db: Kysely<Database>, q: MatchQuery, limit: number, offset: number): Promise<number[]>
  /** the newest `limit` matches with what BM25 needs of them (`scored`: the phrases scored) */
  candidates(db: Kysely<Database>, q: MatchQuery, limit: number, scored: string[]): Promise<Candidate[]>
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

/*
 * PostgreSQL (decision 0051). A GIN index gives the matches of a query in no order; the newest first means
 * either reading them all from the GIN index and sorting (a bitmap scan: cost grows with the matches), or
 * walking the key index newest first and testing each row until enough match (cost grows with 1 / share).
 * Testing a row's tsvector is what made the walk slow: it is several kilobytes, stored out of line (TOAST),
 * and read for every row walked. A Han unigram or bigram is present in the tsvector exactly when it is a
 * substring of the row's search text (search_docs.tokens: small, stored in the row), so the walk tests
 * those with strpos and reads the tsvector only for other words and filter tokens. The plan is chosen per
 * query from the document frequencies in search_terms:
 * - a walk when its expected rows (limit / share, times the cost of a test) are fewer than the matches;
 * - otherwise the GIN index, a window of publication days at a time newest first, each as wide as is expected
 *   to give the rows needed (decision 0052): the window's year tokens (every document carries its year's filter
 *   token) narrow what the GIN index reads, and its key range, ANDed with the GIN bitmap, the rows read, so a
 *   common word never reads the matches of a whole year and a rare one reads them all at once.
 */

/** Cost of testing one walked row against reading one match from a bitmap scan (measured at 1,000,000, decision 0052). */
const WALK_ROW_COST = 1
/** Testing a walked row's tsvector (read out of line) instead. */
const WALK_TSV_ROW_COST = 30
/** Below this share of documents matching, the planner itself reads a match from the GIN index. */
const FEW_SHARE = 0.05
/** A window of days is expected to give this many times the rows needed (the estimate is rough). */
const WINDOW_MARGIN = 1.5

const HAN_TERM = /^\p{Script=Han}{1,2}$/u

/** The row test of a walk: Han grams as substrings of the search text ($1[i]), anything else in the tsvector. */
function walkTest(q: MatchQuery): { test: string; terms: string[]; readsTsv: boolean } {
  const terms: string[] = []
  const others: string[][][] = []
  const parts = q.match.map((group) => {
    const alts = group.map((alt) => {
      const han = alt.filter((t) => HAN_TERM.test(t))
      const rest = alt.filter((t) => !HAN_TERM.test(t))
      const tests = han.map((t) => `strpos(tokens, $1[${terms.push(t)}]) > 0`)
      if (rest.length) {
        others.push([rest])
        tests.push(`tsv @@ to_tsquery('simple', $1[${terms.push(tsQuery({ match: [[rest]], filters: [] }))}])`)
      }
      return `(${tests.join(' and ')})`
    })
    return `(${alts.join(' or ')})`
  })
  if (q.filters.length)
    parts.push(`tsv @@ to_tsquery('simple', $1[${terms.push(tsQuery({ match: [], filters: q.filters }))}])`)
  return { test: parts.join(' and ') || 'true', terms, readsTsv: others.length > 0 || q.filters.length > 0 }
}

/** The years from the newest to the oldest that hold keys of the range. */
function yearsOf(lo: number, hi: number): number[] {
  const [first, last] = [yearOfKey(lo), yearOfKey(hi)]
  return Array.from({ length: last - first + 1 }, (_, i) => last - i)
}

/**
 * The newest `need` matches; for relevance (`scored`: the phrases scored) each with its length and the
 * frequency of each phrase in its search text, counted where the text is (bm25.ts termFrequencies: the
 * non-overlapping occurrences), so that a thousand texts never travel to the application.
 */
async function postgresNewest(db: Kysely<Database>, q: MatchQuery, need: number, scored?: string[]) {
  const { extent } = q
  if (!extent || extent.lo > extent.hi) return []
  const years = yearsOf(extent.lo, extent.hi)
  const { test, terms, readsTsv } = walkTest(q)
  const tf = (scored ?? []).map(
    (p) => `(length(tokens) - length(replace(tokens, $1[${terms.push(p)}], ''))) / ${[...p].length}`,
  )
  const columns = scored ? `sort_key, length, array[${tf.join(', ') || 'null'}]::int[]` : 'sort_key, 0, null::int[]'
  // the frequencies are counted over the rows kept, not every match read: PostgreSQL computes a statement's
  // columns before it sorts, and a bitmap read sorts thousands of matches to keep a thousand
  const newest = (where: string) =>
    `select ${columns} from (select sort_key, length, tokens from search_docs where ${where}
      order by sort_key desc limit $5) kept order by sort_key desc`
  const run = async (stmt: string, walk: boolean, match: string, n: number, lo = extent.lo, hi = extent.hi) =>
    (
      await sql<Candidate>`select k, length, tf from search_keys(${stmt}, ${walk}, ${terms}::text[], ${match},
        ${lo}, ${hi}, ${n})`.execute(db)
    ).rows
  const bitmap = newest(`tsv @@ to_tsquery('simple', $2) and sort_key between $3 and $4`)
  // few matches (a rare word, an agency): read and sort them in one plain statement; the planner reads a
  // materialized CTE of a rare match from the GIN index by itself, and the function call would cost more
  const few = async () =>
    (
      await sql<Candidate>`with m as materialized (select sort_key, length, tokens from search_docs
        where tsv @@ to_tsquery('simple', ${tsQuery(q)}) and sort_key between ${extent.lo} and ${extent.hi})
        select sort_key as k, length, ${
          scored
            ? sql`array[${sql.join(scored.map((p) => sql`(length(tokens) - length(replace(tokens, ${p}, ''))) / ${[...p].length}`))}]::int[]`
            : sql`null::int[]`
        } as tf from m order by sort_key desc limit ${need}`.execute(db)
    ).rows
  if (q.selective) return few()
  // documents in the range, taken as spread evenly over the index's days
  const everyYear = yearsOf(extent.first, extent.last).length
  const inRange = q.docs * Math.min(1, years.length / everyYear)
  const matches = q.share * inRange
  const walkCost = Math.min(inRange, need / Math.max(q.share, 1e-9)) * (readsTsv ? WALK_TSV_ROW_COST : WALK_ROW_COST)
  const bitmapCost = Math.min(matches, need * WINDOW_MARGIN)
  if (q.share < FEW_SHARE && matches <= need * WINDOW_MARGIN && matches <= walkCost) return few()
  if (walkCost < bitmapCost) return run(newest(`sort_key between $3 and $4 and ${test}`), true, '', need)
  // the GIN index, a window of publication days at a time, newest first, each as wide as is expected to give
  // the rows still needed: the window's year tokens narrow what the GIN index reads, and its key range, read
  // from the key index and ANDed with the GIN bitmap, the rows read from the table (decision 0052)
  const [firstDay, lastDay] = [dayOfKey(extent.lo), dayOfKey(extent.hi)]
  const perDay = matches / (lastDay - firstDay + 1)
  const found: Candidate[] = []
  let days = 0
  for (let top = lastDay; top >= firstDay && found.length < need;) {
    // a window that gave too few (the matches lie unevenly over the days) makes the next at least twice as wide
    days = Math.max(days * 2, Math.ceil(((need - found.length) * WINDOW_MARGIN) / Math.max(perDay, 1e-9)), 1)
    const bottom = Math.max(firstDay, top - days + 1)
    const [lo, hi] = [Math.max(extent.lo, firstKeyOfDay(bottom)), Math.min(extent.hi, firstKeyOfDay(top + 1) - 1)]
    const window = yearsOf(lo, hi)
    const match =
      window.length === everyYear
        ? tsQuery(q)
        : `(${tsQuery(q)}) & (${window.map((y) => `'${filterToken.year(y)}'`).join(' | ')})`
    found.push(...(await run(bitmap, false, match, need - found.length, lo, hi)))
    top = bottom - 1
  }
  return found
}

const postgresIndex: EngineIndex = {
  async insert(db, key, matchText) {
    await sql`update search_docs set tsv = to_tsvector('simple', ${matchText}) where sort_key = ${key}`.execute(db)
  },
  async delete() {
    // the tsvector lives in the search_docs row, deleted by the shared half
  },
  async newest(db, q, limit, offset) {
    return (await postgresNewest(db, q, limit + offset)).slice(offset).map((r) => Number(r.k))
  },
  async candidates(db, q, limit, scored) {
    return postgresNewest(db, q, limit, scored)
  },
}

// Terms are letters and digits only (tokenize.ts), so quoting them is all the escaping needed.
function booleanQuery(q: Pick<MatchQuery, 'match' | 'filters'>, quote: string, and: string, or: string): string {
  const all = (terms: string[]) => `(${terms.map((t) => `${quote}${t}${quote}`).join(and)})`
  return [...q.match.map((group) => `(${group.map(all).join(or)})`), ...q.filters.map((t) => all([t]))].join(and)
}
const ftsQuery = (q: Pick<MatchQuery, 'match' | 'filters'>) => booleanQuery(q, '"', ' AND ', ' OR ')
const tsQuery = (q: Pick<MatchQuery, 'match' | 'filters'>) => booleanQuery(q, "'", ' & ', ' | ')

/** The match a query's groups and filters make, as the engine's own query text (bench/search asks it raw). */
export function engineMatch(engine: Engine, groups: string[][], filters: string[]): string {
  const q = { match: groups.map((g) => g.map(phraseTerms)), filters }
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
    db
      .selectFrom('search_stats')
      .select(['docs', 'total_length'])
      .select([
        sql<number | null>`(select min(sort_key) from search_docs where sort_key >= ${query.minKey})`.as('lo'),
        sql<number | null>`(select max(sort_key) from search_docs where sort_key <= ${query.maxKey})`.as('hi'),
        sql<number | null>`(select min(sort_key) from search_docs)`.as('first'),
        sql<number | null>`(select max(sort_key) from search_docs)`.as('last'),
      ])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow(),
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
    share: expectedShare(match, termDf, docs),
    docs,
    ...(stats.lo === null || stats.hi === null || stats.first === null || stats.last === null
      ? {}
      : {
          extent: { lo: Number(stats.lo), hi: Number(stats.hi), first: Number(stats.first), last: Number(stats.last) },
        }),
    ...(query.selective ? { selective: true } : {}),
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
  const candidates = await idx.candidates(db, q, CANDIDATES, scored)
  if (candidates.length === 0) return { total: 0, keys: [] }
  const ranked = candidates.map((d) => ({
    key: Number(d.k),
    score: bm25(
      scored,
      d.tf ? new Map(scored.map((p, i) => [p, Number(d.tf?.[i] ?? 0)])) : termFrequencies(d.tokens ?? '', scored),
      Number(d.length),
      corpus,
    ),
  }))
  ranked.sort((a, b) => b.score - a.score || b.key - a.key)
  return { total: candidates.length, keys: ranked.slice(query.offset, query.offset + query.limit).map((s) => s.key) }
}
