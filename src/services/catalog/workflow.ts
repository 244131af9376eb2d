import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { compareDays, isCalendarDay } from '../../domain/calendar/calendarDay.js'
import { publishedLate } from '../../domain/catalog/art26.js'
import { formatIndexNo, serialWidthOf } from '../../domain/catalog/indexNo.js'
import type { PublicationChannel, Validity } from '../../domain/catalog/metadata.js'
import { CHANNELS, VALIDITIES } from '../../domain/catalog/metadata.js'
import type { Actor, DocumentStatus, ReviewStep, WorkflowAction, WorkflowState } from '../../domain/catalog/workflow.js'
import { nextState } from '../../domain/catalog/workflow.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import type { Database } from '../../store/schema.js'
import type { Kysely, Selectable } from 'kysely'
import { appendDocumentEvent, columnWithAncestors, nextIndexSerial } from '../../store/catalogRepo.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import { indexDocument, unindexDocument } from '../../search/searchIndex.js'
import { NotFoundError, ValidationError } from '../errors.js'

// The review workflow as use cases, one transaction each. Each takes the acting person ({ userId?, name, role });
// the issue-4 console checks permissions before calling and these check the workflow's own rules.

export class WorkflowRefused extends Error {
  readonly code = 'RULE_VIOLATION'
}

type DocumentRow = Selectable<Database['documents']>

async function load(trx: Kysely<Database>, id: number): Promise<DocumentRow> {
  const doc = await trx.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
  if (!doc) throw new NotFoundError('该信息')
  return doc
}

function stateOf(doc: DocumentRow): WorkflowState {
  return { status: doc.status as DocumentStatus, step: (doc.step as ReviewStep | null) ?? null, major: doc.major === 1 }
}

async function transition(
  trx: Kysely<Database>,
  doc: DocumentRow,
  action: WorkflowAction,
  actor: Actor,
): Promise<WorkflowState> {
  const result = nextState(stateOf(doc), action, actor)
  if (!result.ok) throw new WorkflowRefused(result.reason)
  await trx
    .updateTable('documents')
    .set({ status: result.state.status, step: result.state.step, updated_at: nowIso() })
    .where('id', '=', doc.id)
    .execute()
  return result.state
}

/** 提交审核: a draft or a returned item enters the chain at its first step. */
export async function submitDocument(store: Store, id: number, actor: Actor, today: CalendarDay): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const doc = await load(trx, id)
    const s = await transition(trx, doc, { kind: 'submit' }, actor)
    await appendDocumentEvent(trx, id, actor, { kind: 'submitted', step: s.step, onDay: today })
  })
}

/** 审核通过 at one step, with the reviewer's comment. */
export async function approveStep(
  store: Store,
  id: number,
  step: ReviewStep,
  comment: string,
  actor: Actor,
  today: CalendarDay,
): Promise<void> {
  await decideStep(store, id, 'approve', step, comment, actor, today)
}

/** 退回 at one step: the comment is required; the drafter revises and submits again. */
export async function returnDocument(
  store: Store,
  id: number,
  step: ReviewStep,
  comment: string,
  actor: Actor,
  today: CalendarDay,
): Promise<void> {
  await decideStep(store, id, 'return', step, comment, actor, today)
}

/** One reviewer's decision at one step, recorded with its comment in the same transaction. */
async function decideStep(
  store: Store,
  id: number,
  kind: 'approve' | 'return',
  step: ReviewStep,
  comment: string,
  actor: Actor,
  today: CalendarDay,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const doc = await load(trx, id)
    await transition(trx, doc, { kind, step, comment }, actor)
    await appendDocumentEvent(trx, id, actor, {
      kind: kind === 'approve' ? 'approved' : 'returned',
      step,
      comment: comment.trim(),
      onDay: today,
    })
  })
}

export interface PublishOptions {
  /** the 发布日期: today, or a later day (scheduled publication: public from that day on) */
  on?: CalendarDay
  channels?: { channel: PublicationChannel; on?: CalendarDay }[]
}

/**
 * 发布 an approved item (now or on a later day): gives it its 索引号 (unless it came with one), sets the Art. 26
 * flag, records the channels, indexes it for search. A policy that requires its 政策解读 is published with it.
 */
export async function publishDocument(
  store: Store,
  id: number,
  actor: Actor,
  today: CalendarDay,
  options: PublishOptions = {},
): Promise<void> {
  const on = options.on ?? today
  if (!isCalendarDay(on)) throw new ValidationError([{ field: 'on', message: '发布日期应为有效日期（YYYY-MM-DD）' }])
  const cal = await loadWorkCalendar(store.db)
  await store.db.transaction().execute(async (trx) => {
    const doc = await load(trx, id)
    const interpretations = await trx
      .selectFrom('documents')
      .selectAll()
      .where('interprets_id', '=', id)
      .where('status', '!=', 'withdrawn')
      .execute()
    if (
      doc.requires_interpretation === 1 &&
      !interpretations.some((i) => i.status === 'approved' || i.status === 'published')
    ) {
      throw new WorkflowRefused('该政策文件须与其政策解读同步发布：政策解读尚未审核通过')
    }
    await publishOne(trx, store, doc, actor, today, on, cal, options.channels ?? [])
    if (doc.requires_interpretation === 1) {
      for (const i of interpretations.filter((x) => x.status === 'approved'))
        await publishOne(trx, store, i, actor, today, on, cal, options.channels ?? [])
    }
  })
}

async function publishOne(
  trx: Kysely<Database>,
  store: Store,
  doc: DocumentRow,
  actor: Actor,
  today: CalendarDay,
  on: CalendarDay,
  cal: Awaited<ReturnType<typeof loadWorkCalendar>>,
  channels: { channel: PublicationChannel; on?: CalendarDay }[],
): Promise<void> {
  await transition(trx, doc, { kind: 'publish', on, today }, actor)
  let indexNo = doc.index_no
  if (!indexNo) {
    const agency = await trx
      .selectFrom('agencies')
      .select(['code', 'settings'])
      .where('id', '=', doc.agency_id)
      .executeTakeFirstOrThrow()
    const year = Number(on.slice(0, 4))
    const serial = await nextIndexSerial(trx, doc.agency_id, year)
    indexNo = formatIndexNo(
      agency.code,
      year,
      serial,
      serialWidthOf(JSON.parse(agency.settings) as Record<string, unknown>),
    )
  }
  const late = publishedLate(doc.formed_on as CalendarDay, on, cal)
  await trx
    .updateTable('documents')
    .set({ index_no: indexNo, published_on: on, late: late ? 1 : 0 })
    .where('id', '=', doc.id)
    .execute()
  for (const c of [{ channel: 'portal' as PublicationChannel, on }, ...channels]) {
    await trx
      .insertInto('document_channels')
      .values({ document_id: doc.id, channel: c.channel, on_day: c.on ?? on })
      .onConflict((oc) => oc.columns(['document_id', 'channel']).doUpdateSet({ on_day: c.on ?? on }))
      .execute()
  }
  await appendDocumentEvent(trx, doc.id, actor, {
    kind: compareDays(on, today) > 0 ? 'scheduled' : 'published',
    onDay: today,
    data: { indexNo, publishedOn: on, late },
  })
  await reindex(trx, store, doc.id)
}

/** Puts a published item (back) in the search index with its current metadata. */
async function reindex(trx: Kysely<Database>, store: Store, id: number): Promise<void> {
  const doc = await load(trx, id)
  if (doc.status !== 'published' || !doc.published_on) return unindexDocument(trx, store.engine, id)
  await indexDocument(trx, store.engine, {
    id,
    publishedOn: doc.published_on,
    agencyId: doc.agency_id,
    columnIds: await columnWithAncestors(trx, doc.column_id),
    validity: doc.validity,
    topic: doc.topic,
    title: doc.title,
    docNo: doc.doc_no,
    text: doc.body_text,
  })
}

/** 撤回 with a reason: gone from every public place at once (pages, search, feeds, sitemap, API, files). */
export async function withdrawDocument(
  store: Store,
  id: number,
  reason: string,
  actor: Actor,
  today: CalendarDay,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const doc = await load(trx, id)
    await transition(trx, doc, { kind: 'withdraw', reason }, actor)
    await trx
      .updateTable('documents')
      .set({ withdrawn_on: today, withdraw_reason: reason.trim() })
      .where('id', '=', id)
      .execute()
    await unindexDocument(trx, store.engine, id)
    await appendDocumentEvent(trx, id, actor, { kind: 'withdrawn', comment: reason.trim(), onDay: today })
  })
}

/** 有效性 change (失效 / 废止, or back to 有效): the item stays public, marked, from `on`. */
export async function changeValidity(
  store: Store,
  id: number,
  validity: Validity,
  on: CalendarDay,
  actor: Actor,
  today: CalendarDay,
): Promise<void> {
  if (!VALIDITIES.some((v) => v.code === validity))
    throw new ValidationError([{ field: 'validity', message: '有效性应为有效、失效或废止' }])
  if (!isCalendarDay(on))
    throw new ValidationError([{ field: 'on', message: '有效性变更日期应为有效日期（YYYY-MM-DD）' }])
  await store.db.transaction().execute(async (trx) => {
    await load(trx, id)
    await trx
      .updateTable('documents')
      .set({ validity, validity_on: on, updated_at: nowIso() })
      .where('id', '=', id)
      .execute()
    await appendDocumentEvent(trx, id, actor, {
      kind: 'validity',
      comment: validity,
      onDay: today,
      data: { validity, on },
    })
    await reindex(trx, store, id)
  })
}

/** Records that an item also went out on another channel (政务微信, 政务微博 …) on a day. */
export async function recordChannel(
  store: Store,
  id: number,
  channel: PublicationChannel,
  on: CalendarDay,
  actor: Actor,
  today: CalendarDay,
): Promise<void> {
  if (!CHANNELS.some((c) => c.code === channel))
    throw new ValidationError([{ field: 'channel', message: '发布渠道无效' }])
  await store.db.transaction().execute(async (trx) => {
    await load(trx, id)
    await trx
      .insertInto('document_channels')
      .values({ document_id: id, channel, on_day: on })
      .onConflict((oc) => oc.columns(['document_id', 'channel']).doUpdateSet({ on_day: on }))
      .execute()
    await appendDocumentEvent(trx, id, actor, {
      kind: 'channel',
      comment: channel,
      onDay: today,
      data: { channel, on },
    })
  })
}

/** The review queue of one step (what a reviewer of that step has to do), oldest first. */
export async function reviewQueue(store: Store, agencyId: number, step: ReviewStep) {
  return store.db
    .selectFrom('documents')
    .select(['id', 'title', 'doc_no', 'formed_on', 'major', 'created_by', 'updated_at'])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'inReview')
    .where('step', '=', step)
    .orderBy('updated_at')
    .execute()
}
