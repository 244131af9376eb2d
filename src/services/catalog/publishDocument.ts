import type { Kysely } from 'kysely'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { calendarDay, compareDays, isCalendarDay } from '../../domain/calendar/calendarDay.js'
import { publishedLate } from '../../domain/catalog/art26.js'
import { formatIndexNo, serialWidthOf } from '../../domain/catalog/indexNo.js'
import type { PublicationChannel } from '../../domain/catalog/metadata.js'
import type { Actor } from '../../domain/catalog/workflow.js'
import { findAgencyById } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import type { Database } from '../../store/schema.js'
import { appendDocumentEvent, columnWithAncestors, nextIndexSerial } from '../../store/catalogRepo.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import { indexDocument, unindexDocument } from '../../search/searchIndex.js'
import { ValidationError } from '../errors.js'
import { maskForPublication } from './privacyReview.js'
import type { DocumentRow } from './workflow.js'
import { load, transition, WorkflowRefused } from './workflow.js'

// 发布: the last step of the review workflow, one transaction (the item, its 政策解读, its channels, its index).

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
  // issue 17 (decision 0047): what every public place shows is the body with the accepted masks applied
  await maskForPublication(trx, doc, actor, today)
  let indexNo = doc.index_no
  if (!indexNo) {
    const agency = await findAgencyById(trx, doc.agency_id)
    // documents.agency_id references agencies: a document without its agency is a broken database
    if (!agency) throw new Error(`document ${doc.id} has no agency ${doc.agency_id}`)
    const year = Number(on.slice(0, 4))
    const serial = await nextIndexSerial(trx, doc.agency_id, year)
    indexNo = formatIndexNo(agency.code, year, serial, serialWidthOf(agency.settings))
  }
  const late = publishedLate(calendarDay(doc.formed_on), on, cal)
  await trx
    .updateTable('documents')
    .set({ index_no: indexNo, published_on: on, late: late ? 1 : 0 })
    .where('id', '=', doc.id)
    .execute()
  const portal: { channel: PublicationChannel; on?: CalendarDay } = { channel: 'portal', on }
  for (const c of [portal, ...channels]) {
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
export async function reindex(trx: Kysely<Database>, store: Store, id: number): Promise<void> {
  const doc = await load(trx, id)
  if (doc.status !== 'published' || !doc.published_on) return unindexDocument(trx, store.engine, id)
  await indexDocument(trx, store.engine, {
    id,
    publishedOn: doc.published_on,
    agencyId: doc.agency_id,
    columnIds: await columnWithAncestors(trx, doc.column_id),
    validity: doc.validity,
    topic: doc.topic,
    genre: doc.genre,
    title: doc.title,
    docNo: doc.doc_no,
    text: doc.body_text,
  })
}
