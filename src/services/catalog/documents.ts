import { daySchema } from '../../domain/calendar/calendarDay.js'
import { z } from 'zod'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { bodyText, sanitizeBody } from '../../domain/catalog/body.js'
import { ART20_CATEGORIES, DISCLOSURES, VALIDITIES } from '../../domain/catalog/metadata.js'
import type { Actor } from '../../domain/catalog/workflow.js'
import type { Kysely } from 'kysely'
import type { Store } from '../../store/database.js'
import type { Database } from '../../store/schema.js'
import { nowIso } from '../../store/database.js'
import { appendDocumentEvent } from '../../store/catalogRepo.js'
import { isEditable, statusLabel } from '../../domain/catalog/workflow.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { zodErrors } from '../registerApplication.js'

const codes = <T extends { code: string }>(list: readonly T[]): T['code'][] => list.map((x) => x.code)

const documentInput = z.object({
  agencyId: z.number().int().positive('请选择发布机关'),
  columnId: z.number().int().positive('请选择栏目'),
  title: z.string().trim().min(2, '请填写标题').max(300, '标题过长（不超过300字）'),
  bodyHtml: z.string().max(2_000_000, '正文过长').default(''),
  docNo: z.string().trim().max(100, '文号过长').nullable().optional(),
  formedOn: daySchema('成文日期', { earliestYear: 1949 }),
  topic: z.string().trim().max(50, '主题分类过长').default(''),
  genre: z.string().trim().max(50, '组配分类过长').default(''),
  disclosure: z.enum(codes(DISCLOSURES), { message: '公开方式应为主动公开、依申请公开或不予公开' }).default('active'),
  validity: z.enum(codes(VALIDITIES), { message: '有效性应为有效、失效或废止' }).default('valid'),
  publisher: z.string().trim().min(2, '请填写发布机构').max(100, '发布机构过长'),
  source: z.string().trim().max(100, '信息来源过长').default(''),
  art20: z.enum(codes(ART20_CATEGORIES), { message: '《条例》第二十条类别无效' }).nullable().optional(),
  major: z.boolean().default(false),
  interpretsId: z.number().int().positive().nullable().optional(),
  requiresInterpretation: z.boolean().default(false),
})
export type DocumentInput = z.input<typeof documentInput>

/** The column belongs to the agency; the policy an interpretation reads exists in the same agency. */
async function checkPlacement(trx: Kysely<Database>, d: z.output<typeof documentInput>, selfId?: number) {
  const column = await trx
    .selectFrom('catalog_columns')
    .select(['id', 'agency_id'])
    .where('id', '=', d.columnId)
    .executeTakeFirst()
  if (!column || column.agency_id !== d.agencyId)
    throw new ValidationError([{ field: 'columnId', message: '栏目不属于该机关' }])
  if (d.interpretsId) {
    const policy = await trx
      .selectFrom('documents')
      .select(['agency_id'])
      .where('id', '=', d.interpretsId)
      .executeTakeFirst()
    if (!policy || policy.agency_id !== d.agencyId || d.interpretsId === selfId)
      throw new ValidationError([{ field: 'interpretsId', message: '所解读的政策文件不存在' }])
  }
}

/** Drafts a document (not public until the review chain approves it and it is published). */
export async function createDocument(
  store: Store,
  input: DocumentInput,
  actor: Actor,
  today: CalendarDay,
): Promise<number> {
  const parsed = documentInput.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const d = parsed.data
  return store.db.transaction().execute(async (trx) => {
    await checkPlacement(trx, d)
    const html = sanitizeBody(d.bodyHtml)
    const now = nowIso()
    const row = await trx
      .insertInto('documents')
      .values({
        agency_id: d.agencyId,
        column_id: d.columnId,
        index_no: null,
        title: d.title,
        body_html: html,
        body_text: bodyText(html),
        doc_no: d.docNo || null,
        formed_on: d.formedOn,
        published_on: null,
        topic: d.topic,
        genre: d.genre,
        disclosure: d.disclosure,
        validity: d.validity,
        validity_on: null,
        publisher: d.publisher,
        source: d.source,
        art20: d.art20 ?? null,
        major: d.major ? 1 : 0,
        interprets_id: d.interpretsId ?? null,
        requires_interpretation: d.requiresInterpretation ? 1 : 0,
        status: 'draft',
        step: null,
        late: 0,
        views: 0,
        withdrawn_on: null,
        withdraw_reason: null,
        created_by: actor.name,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const id = Number(row.id)
    await appendDocumentEvent(trx, id, actor, { kind: 'created', onDay: today })
    return id
  })
}

/** 修改 a draft or a returned item (its text and every metadata field), recorded as an edit in its history. */
export async function updateDocument(
  store: Store,
  id: number,
  input: DocumentInput,
  actor: Actor,
  today: CalendarDay,
): Promise<void> {
  const parsed = documentInput.safeParse(input)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const d = parsed.data
  await store.db.transaction().execute(async (trx) => {
    const doc = await trx.selectFrom('documents').select(['status']).where('id', '=', id).executeTakeFirst()
    if (!doc) throw new NotFoundError('该信息')
    if (!isEditable(doc.status))
      throw new ValidationError([{ field: 'status', message: `「${statusLabel(doc.status)}」的信息不能修改` }])
    await checkPlacement(trx, d, id)
    const html = sanitizeBody(d.bodyHtml)
    await trx
      .updateTable('documents')
      .set({
        agency_id: d.agencyId,
        column_id: d.columnId,
        title: d.title,
        body_html: html,
        body_text: bodyText(html),
        doc_no: d.docNo || null,
        formed_on: d.formedOn,
        topic: d.topic,
        genre: d.genre,
        disclosure: d.disclosure,
        validity: d.validity,
        publisher: d.publisher,
        source: d.source,
        art20: d.art20 ?? null,
        major: d.major ? 1 : 0,
        interprets_id: d.interpretsId ?? null,
        requires_interpretation: d.requiresInterpretation ? 1 : 0,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute()
    await appendDocumentEvent(trx, id, actor, { kind: 'edited', onDay: today })
  })
}
