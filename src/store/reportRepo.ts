import type { Kysely, RawBuilder } from 'kysely'
import { PostgresAdapter, sql } from 'kysely'
import { APPLICANT_KIND_CODES, CHANNELS, TOPICS } from '../domain/application/applicant.js'
import type { ApplicantKind } from '../domain/application/applicant.js'
import { ANSWER_KINDS, OUTCOME_CODES } from '../domain/application/outcomes.js'
import type { KindCounts, ReviewFacts, ReviewKind } from '../domain/report/facts.js'
import { emptyKindCounts, emptyReviewFacts, REVIEW_KIND_CODES } from '../domain/report/facts.js'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { isCalendarDay } from '../domain/calendar/calendarDay.js'
import type { Database } from './schema.js'

export type AgencyKindCounts = Partial<Record<ApplicantKind, KindCounts>>

const LENGTHS = {
  outcomes: OUTCOME_CODES.length,
  channels: CHANNELS.length,
  topics: TOPICS.length,
  answerKinds: ANSWER_KINDS.length,
}

/**
 * What a report counts over: a year, or (issue 19: a supervisor's quarter) any span of days, counted by the
 * same conditions with the span's first and last day in place of 1 January and 31 December.
 */
export type ReportSpan = number | { from: CalendarDay; to: CalendarDay }

function yearBounds(span: ReportSpan): { y0: RawBuilder<unknown>; y1: RawBuilder<unknown> } {
  if (typeof span !== 'number') {
    if (!isCalendarDay(span.from) || !isCalendarDay(span.to)) throw new Error(`bad report span ${span.from}…${span.to}`)
    // validated YYYY-MM-DD text: as safe a literal as the year's below
    return { y0: sql.lit(span.from), y1: sql.lit(span.to) }
  }
  const year = span
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new Error(`bad report year ${year}`)
  // literals built from an integer: safe, and they let both planners use the date indexes
  return { y0: sql.lit(`${year}-01-01`), y1: sql.lit(`${year}-12-31`) }
}

/** The rows of the given agencies (every agency when null): one condition for each aggregate below. */
function ofAgencies(column: 'agency_id' | 'documents.agency_id', agencyIds: readonly number[] | null) {
  const col = sql.ref(column)
  if (agencyIds === null) return sql<boolean>`1 = 1`
  if (agencyIds.length === 0) return sql<boolean>`1 = 0`
  return agencyIds.length === 1
    ? sql<boolean>`${col} = ${agencyIds[0]}`
    : sql<boolean>`${col} in (${sql.join([...agencyIds])})`
}

// FILTER (both engines) rather than sum(case …): the database skips the aggregate step for rows that do not
// match, which made the pivot below about a fifth faster on SQLite (bench/report)
const count = (cond: RawBuilder<unknown>, alias: string) => sql<number>`count(*) filter (where ${cond})`.as(alias)
const total = (cond: RawBuilder<unknown>, value: RawBuilder<unknown>, alias: string) =>
  sql<number>`sum(${value}) filter (where ${cond})`.as(alias)

/**
 * Runs a report aggregate on PostgreSQL without JIT compilation (`set local jit = off`, its own transaction unless
 * already in one). Its thirty-odd FILTER expressions push the plan's cost past jit_above_cost, and compiling them
 * took 0.8–1.1 s (EXPLAIN ANALYZE "JIT: Timing … Total") of a 2–4 s query at 1 M applications, three times over
 * with two parallel workers: more than the compiled expressions saved. SQLite: the query as it is.
 */
async function withoutJit<T>(db: Kysely<Database>, run: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return run(db)
  const off = async (trx: Kysely<Database>) => {
    await sql`set local jit = off`.execute(trx)
    return run(trx)
  }
  return db.isTransaction ? off(db) : db.transaction().execute(off)
}

const n = (v: unknown) => Number(v ?? 0)
const keys = (prefix: string, list: readonly unknown[]) => list.map((_, i) => `${prefix}${i}`)
const OUTCOME_KEYS = keys('o', OUTCOME_CODES)
const CHANNEL_KEYS = keys('c', CHANNELS)
const TOPIC_KEYS = keys('t', TOPICS)
const ANSWER_KIND_KEYS = keys('a', ANSWER_KINDS)

/**
 * Table 三's counts (and, for the 统计表, channels, topics, answer kinds, extensions) of every applicant kind of
 * the given agencies (all when `agencyIds` is null), in one pass over the year's rows: the applications received
 * by 31 December and not concluded before 1 January, aggregated by the database (no row is loaded).
 */
export async function aggregateApplications(
  db: Kysely<Database>,
  year: ReportSpan,
  agencyIds: readonly number[] | null,
  options: { legacy: boolean },
): Promise<Map<number, AgencyKindCounts>> {
  const { y0, y1 } = yearBounds(year)
  const concludedInYear = sql`concluded_on <= ${y1}`
  const receivedInYear = sql`received_on >= ${y0}`
  // one row per agency and applicant kind: the outcomes are pivoted into columns, so the database keeps few
  // groups however many applications there are (measured against grouping by outcome too: bench/report)
  const selections = [
    count(receivedInYear, 'nr'),
    count(sql`received_on < ${y0}`, 'co'),
    count(sql`(concluded_on is null or concluded_on > ${y1})`, 'cf'),
    // the equality first: PostgreSQL evaluates a FILTER's AND in the order written, and the date comparison (a
    // collation-aware text comparison) then runs for one outcome of each row instead of all thirty (bench/report)
    ...OUTCOME_CODES.map((o, i) =>
      count(sql`outcome = ${sql.lit(o)} and ${concludedInYear}`, OUTCOME_KEYS[i] as string),
    ),
    // the stored copy of the clock's answeredLate (caseFacts.ts): the report decides no lateness of its own
    count(sql`answered_late = 1 and ${concludedInYear}`, 'late'),
    count(sql`extended = 1 and ${concludedInYear}`, 'ext'),
    count(sql`fee_noticed_on >= ${y0} and fee_noticed_on <= ${y1}`, 'fn'),
    total(sql`fee_noticed_on >= ${y0} and fee_noticed_on <= ${y1}`, sql`fee_yuan`, 'fy'),
    total(sql`fee_paid_on >= ${y0} and fee_paid_on <= ${y1}`, sql`fee_yuan`, 'fc'),
    ...(options.legacy
      ? [
          ...CHANNELS.map((c, i) => count(sql`channel = ${sql.lit(c.code)} and ${receivedInYear}`, `c${i}`)),
          ...TOPICS.map((t, i) => count(sql`topic = ${sql.lit(t)} and ${receivedInYear}`, `t${i}`)),
          ...ANSWER_KINDS.map((k, i) => count(sql`answer_kind = ${sql.lit(k.code)} and ${concludedInYear}`, `a${i}`)),
        ]
      : []),
  ]
  const q = (d: Kysely<Database>) =>
    d
      .selectFrom('applications')
      .select(['agency_id', 'applicant_kind'])
      .select(selections)
      .where(sql<boolean>`received_on <= ${y1}`)
      .where(sql<boolean>`(concluded_on is null or concluded_on >= ${y0})`)
      .where(ofAgencies('agency_id', agencyIds))
      .groupBy(['agency_id', 'applicant_kind'])
      .execute()
  const out = new Map<number, AgencyKindCounts>()
  for (const row of await withoutJit(db, q)) {
    const kind = APPLICANT_KIND_CODES.find((k) => k === row.applicant_kind)
    if (!kind) continue
    // the counts' aliases are built above: read them by name (a row per agency and kind: thousands of rows)
    const r = row as Record<string, unknown>
    const agencyId = Number(row.agency_id)
    const byKind = out.get(agencyId) ?? {}
    out.set(agencyId, byKind)
    const c = (byKind[kind] ??= emptyKindCounts(LENGTHS))
    c.newReceived = n(r.nr)
    c.carriedOver = n(r.co)
    c.carriedForward = n(r.cf)
    c.outcomes = OUTCOME_KEYS.map((k) => n(r[k]))
    c.late = n(r.late)
    c.extended = n(r.ext)
    c.feeNotices = n(r.fn)
    c.feeNoticedYuan = n(r.fy)
    c.feeCollectedYuan = n(r.fc)
    if (options.legacy) {
      c.channels = CHANNEL_KEYS.map((k) => n(r[k]))
      c.topics = TOPIC_KEYS.map((k) => n(r[k]))
      c.answerKinds = ANSWER_KIND_KEYS.map((k) => n(r[k]))
    }
  }
  return out
}

/** 表四's counts of the given agencies: decided in the year by result, and pending on 31 December. */
export async function aggregateReviews(
  db: Kysely<Database>,
  year: ReportSpan,
  agencyIds: readonly number[] | null,
): Promise<Map<number, Record<ReviewKind, ReviewFacts>>> {
  const { y0, y1 } = yearBounds(year)
  const decided = sql`decided_on <= ${y1}`
  const q = db
    .selectFrom('reviews')
    .select(['agency_id', 'kind'])
    .select([
      count(sql`${decided} and result = 'upheld'`, 'upheld'),
      count(sql`${decided} and result = 'corrected'`, 'corrected'),
      count(sql`${decided} and result = 'other'`, 'other'),
      count(sql`(decided_on is null or decided_on > ${y1})`, 'pending'),
    ])
    .where(sql<boolean>`filed_on <= ${y1}`)
    .where(sql<boolean>`(decided_on is null or decided_on >= ${y0})`)
    .where(ofAgencies('agency_id', agencyIds))
    .groupBy(['agency_id', 'kind'])
  const out = new Map<number, Record<ReviewKind, ReviewFacts>>()
  for (const r of await q.execute()) {
    const kind = REVIEW_KIND_CODES.find((k) => k === r.kind)
    if (!kind) continue
    const agencyId = Number(r.agency_id)
    const facts = out.get(agencyId) ?? emptyReviewFacts()
    facts[kind] = {
      upheld: Number(r.upheld),
      corrected: Number(r.corrected),
      other: Number(r.other),
      pending: Number(r.pending),
    }
    out.set(agencyId, facts)
  }
  return out
}

/**
 * The 统计表 items the catalog holds (issue 6's documents): information published in the year (主动公开, not
 * withdrawn), of which 第二十条第（一）项 policy documents, by publication channel, and policy interpretations
 * (政策解读稿件). Keys as in AnnualReport.legacy; one aggregate per table.
 */
export async function aggregateCatalog(
  db: Kysely<Database>,
  year: ReportSpan,
  agencyIds: readonly number[] | null,
): Promise<Map<number, Record<string, number>>> {
  const { y0, y1 } = yearBounds(year)
  const published = sql`status = 'published' and disclosure = 'active' and published_on >= ${y0} and published_on <= ${y1}`
  const docs = db
    .selectFrom('documents')
    .select(['agency_id'])
    .select([
      count(published, 'total'),
      count(sql`${published} and art20 = 'art20_1'`, 'policy'),
      count(sql`${published} and interprets_id is not null`, 'interp'),
    ])
    .where(ofAgencies('agency_id', agencyIds))
    .groupBy('agency_id')
  const out = new Map<number, Record<string, number>>()
  for (const r of await docs.execute()) {
    const total = Number(r.total)
    if (total === 0) continue
    out.set(Number(r.agency_id), {
      'proactive.total': total,
      'proactive.policyDocs': Number(r.policy),
      'proactive.otherInfo': total - Number(r.policy),
      'response.interpretations': Number(r.interp),
    })
  }
  const CHANNEL_KEYS: Record<string, string> = {
    portal: 'proactive.portal',
    weibo: 'proactive.weibo',
    wechat: 'proactive.wechat',
    other: 'proactive.otherChannel',
  }
  const channels = db
    .selectFrom('document_channels')
    .innerJoin('documents', 'documents.id', 'document_channels.document_id')
    .select(['documents.agency_id', 'document_channels.channel', sql<number>`count(*)`.as('n')])
    .where(
      sql<boolean>`documents.status = 'published' and documents.disclosure = 'active' and documents.published_on >= ${y0} and documents.published_on <= ${y1}`,
    )
    .where(ofAgencies('documents.agency_id', agencyIds))
    .groupBy(['documents.agency_id', 'document_channels.channel'])
  for (const r of await channels.execute()) {
    const items = out.get(Number(r.agency_id))
    const key = CHANNEL_KEYS[r.channel]
    if (items && key) items[key] = Number(r.n)
  }
  return out
}

/** 组配分类 of the catalog documents that are 表二 第二十条第（一）项's rows */
const ART20_1_GENRES = { rules: ['规章'], normativeDocuments: ['规范性文件', '行政规范性文件'] } as const

/** How the catalog counts each column a format's 第二十条第（一）项 block may have, in a year's bounds. */
type Bound = RawBuilder<unknown>
const ART20_1_MEASURES: Record<string, (y0: Bound, y1: Bound) => RawBuilder<unknown>> = {
  // 2021: 本年制发件数, 本年废止件数, 现行有效件数
  issued: (y0, y1) => sql`formed_on >= ${y0} and formed_on <= ${y1}`,
  repealed: (y0, y1) => sql`validity = 'repealed' and validity_on >= ${y0} and validity_on <= ${y1}`,
  inForce: (_y0, y1) => sql`formed_on <= ${y1} and (validity = 'valid' or validity_on > ${y1})`,
  // 2019: 本年新制作数量, 本年新公开数量, 对外公开总数量
  newlyMade: (y0, y1) => sql`formed_on >= ${y0} and formed_on <= ${y1}`,
  newlyPublished: (y0, y1) => sql`published_on >= ${y0} and published_on <= ${y1}`,
  total: (_y0, y1) => sql`published_on <= ${y1}`,
}

/**
 * 表二 第二十条第（一）项 of a national format from the catalog, where it holds the facts: 规章 and
 * (行政)规范性文件 made (成文日期), published, repealed (废止 with its date) and in force at year end, for the
 * columns the format's block declares. Keys as the entered figures' (proactive.art20_1.<row>.<column>); an
 * entered figure of the same key wins.
 */
export async function aggregateNormativeDocuments(
  db: Kysely<Database>,
  year: number,
  agencyIds: readonly number[] | null,
  columnKeys: readonly string[],
): Promise<Map<number, Record<string, number>>> {
  const { y0, y1 } = yearBounds(year)
  const columns = columnKeys.flatMap((key): [string, RawBuilder<unknown>][] => {
    const measure = ART20_1_MEASURES[key]
    return measure ? [[key, measure(y0, y1)]] : []
  })
  const rows = Object.entries(ART20_1_GENRES)
  const selections = rows.flatMap(([, genres], r) =>
    columns.map(([, cond], c) =>
      count(sql`genre in (${sql.join(genres.map((g) => sql.lit(g)))}) and ${cond}`, `r${r}c${c}`),
    ),
  )
  const q = db
    .selectFrom('documents')
    .select(['agency_id'])
    .select(selections)
    .where(sql<boolean>`status = 'published' and disclosure = 'active'`)
    .where(
      'genre',
      'in',
      rows.flatMap(([, g]) => [...g]),
    )
    .where(ofAgencies('agency_id', agencyIds))
    .groupBy('agency_id')
  const out = new Map<number, Record<string, number>>()
  for (const row of await q.execute()) {
    const r: Record<string, unknown> = Object.fromEntries(Object.entries(row))
    const items: Record<string, number> = {}
    rows.forEach(([row], ri) =>
      columns.forEach(([col], ci) => (items[`proactive.art20_1.${row}.${col}`] = Number(r[`r${ri}c${ci}`] ?? 0))),
    )
    out.set(Number(r.agency_id), items)
  }
  return out
}

/** Cases of an agency concluded in the year that a ledger import marked with warnings (applicant.importWarnings). */
export async function countImportWarnings(db: Kysely<Database>, year: number, agencyId: number): Promise<number> {
  const { y0, y1 } = yearBounds(year)
  const row = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('agency_id', '=', agencyId)
    .where(sql<boolean>`concluded_on >= ${y0} and concluded_on <= ${y1}`)
    .where('import_warned', '=', 1)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A count of aggregateApplications or aggregateReviews a supervisor may open (issue 19). */
export type CountedFact = 'received' | 'answered' | 'late' | 'corrected' | { outcomes: readonly string[] }

/**
 * The cases behind one of the counts above in a span, as a condition on `applications` (a supervisor's
 * drill-down): written beside the aggregate and with its conditions, so the list and the figure agree
 * (test/supervision/figures.test.ts counts both).
 */
export function countedCases(span: ReportSpan, fact: CountedFact): RawBuilder<boolean> {
  const { y0, y1 } = yearBounds(span)
  const concluded = sql`applications.concluded_on >= ${y0} and applications.concluded_on <= ${y1}`
  if (fact === 'received') return sql<boolean>`applications.received_on >= ${y0} and applications.received_on <= ${y1}`
  if (fact === 'answered') return sql<boolean>`${concluded}`
  if (fact === 'late') return sql<boolean>`${concluded} and applications.answered_late = 1`
  if (fact === 'corrected')
    return sql<boolean>`applications.id in (select application_id from reviews where result = 'corrected' and decided_on >= ${y0} and decided_on <= ${y1})`
  if (fact.outcomes.length === 0) return sql<boolean>`1 = 0`
  return sql<boolean>`${concluded} and applications.outcome in (${sql.join([...fact.outcomes])})`
}
