import { daySchema } from '../../domain/calendar/calendarDay.js'
import { z } from 'zod'
import type { Kysely } from 'kysely'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { compareDays } from '../../domain/calendar/calendarDay.js'
import { publishedLate } from '../../domain/catalog/art26.js'
import { bodyText, sanitizeBody, textToBody } from '../../domain/catalog/body.js'
import { formatIndexNo, parseIndexNo, serialWidthOf } from '../../domain/catalog/indexNo.js'
import { ART20_CATEGORIES, DISCLOSURES, VALIDITIES } from '../../domain/catalog/metadata.js'
import type { Actor } from '../../domain/catalog/workflow.js'
import { stepsFor } from '../../domain/catalog/workflow.js'
import { findAgencyById } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import type { Database } from '../../store/schema.js'
import {
  appendDocumentEvent,
  columnWithAncestors,
  listColumns,
  nextIndexSerial,
  reserveIndexSerial,
} from '../../store/catalogRepo.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import { indexDocument } from '../../search/searchIndex.js'
import { ValidationError } from '../errors.js'

// An agency's existing catalog brought in: one transaction per file, nothing written unless every row is valid.
// Imported items wait for the review chain at its first step (nothing unreviewed is public); publishing them at
// once takes an explicit choice and a reason, kept in each item's 保密审查表 and the audit trail (decision 0018).

/** A vocabulary field given by its label (or code); an empty cell takes `empty`. */
const byLabel = <T extends { code: string; label: string }>(list: readonly T[], what: string, empty: string | null) =>
  z
    .string()
    .trim()
    .optional()
    .default('')
    .transform((v, ctx) => {
      if (v === '') return empty
      const hit = list.find((x) => x.label === v || x.code === v)
      if (!hit) {
        ctx.addIssue({ code: 'custom', message: `${what}应为${list.map((x) => x.label).join('、')}之一` })
        return z.NEVER
      }
      return hit.code
    })

const optional = (s: z.ZodType<string>) =>
  z
    .union([z.literal('').transform(() => null), s])
    .nullable()
    .optional()

/** One row of an import file, with its fields' Chinese names (the file's column headers). */
const importRow = z.object({
  标题: z.string().trim().min(2, '标题不能为空').max(300, '标题过长（不超过300字）'),
  栏目: z.string().trim().min(1, '请填写栏目'),
  成文日期: daySchema('成文日期', { earliestYear: 1949 }),
  发布日期: daySchema('发布日期'),
  发布机构: z.string().trim().min(2, '请填写发布机构'),
  索引号: optional(
    z
      .string()
      .trim()
      .refine((v) => parseIndexNo(v) !== null, '索引号格式应为“统一社会信用代码/年份-流水号”'),
  ),
  文号: z.string().trim().max(100, '文号过长').optional().default(''),
  主题分类: z.string().trim().max(50).optional().default(''),
  组配分类: z.string().trim().max(50).optional().default(''),
  公开方式: byLabel(DISCLOSURES, '公开方式', 'active'),
  有效性: byLabel(VALIDITIES, '有效性', 'valid'),
  信息来源: z.string().trim().max(100).optional().default(''),
  条例第二十条类别: byLabel(ART20_CATEGORIES, '《条例》第二十条类别', null),
  正文: z.string().optional().default(''),
})

export interface ImportOptions {
  bodyIsHtml?: boolean
  /** publish the rows at once, on their 发布日期, skipping the review chain: only with a reason */
  publishNow?: { reason: string }
}

export interface RowError {
  row: number
  field: string
  message: string
}

export class ImportRejected extends Error {
  readonly code = 'VALIDATION'
  constructor(readonly errors: RowError[]) {
    super(errors.map((e) => `第${e.row}行「${e.field}」：${e.message}`).join('\n'))
  }
}

interface Parsed {
  row: number
  d: z.output<typeof importRow>
  columnId: number
  bodyHtml: string
}

/**
 * Imports rows (row numbers as in the file, header = row 1) for one agency. Every row is checked first;
 * any error rejects the whole file with each row's Chinese message. `onProgress(done, total)` as rows go in.
 */
export async function importDocuments(
  store: Store,
  agencyId: number,
  rows: { row: number; values: Record<string, unknown> }[],
  actor: Actor,
  today: CalendarDay,
  onProgress: (done: number, total: number) => void = () => {},
  options: ImportOptions = {},
): Promise<number> {
  const publishNow = options.publishNow ? options.publishNow.reason.trim() : null
  if (publishNow === '')
    throw new ValidationError([{ field: 'reason', message: '导入后直接发布须填写理由（--reason）' }])
  const agency = await findAgencyById(store.db, agencyId)
  if (!agency) throw new ValidationError([{ field: 'agency', message: '机关不存在' }])
  const columns = await listColumns(store.db, agencyId)
  const columnByName = new Map<string, number>()
  for (const c of columns) {
    columnByName.set(c.name, c.id)
    columnByName.set(c.slug, c.id)
    const parent = columns.find((p) => p.id === c.parent_id)
    if (parent) columnByName.set(`${parent.name}/${c.name}`, c.id)
  }
  const errors: RowError[] = []
  const parsed: Parsed[] = []
  const seenIndexNos = new Map<string, number>()
  for (const { row, values } of rows) {
    const strings = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k.trim(), v === null || v === undefined ? '' : String(v)]),
    )
    const r = importRow.safeParse(strings)
    if (!r.success) {
      for (const i of r.error.issues) errors.push({ row, field: String(i.path[0] ?? ''), message: i.message })
      continue
    }
    const d = r.data
    const columnId = columnByName.get(d.栏目)
    if (columnId === undefined)
      errors.push({
        row,
        field: '栏目',
        message: `栏目「${d.栏目}」不存在（可用：${columns.map((c) => c.name).join('、')}）`,
      })
    if (compareDays(d.发布日期, d.成文日期) < 0)
      errors.push({ row, field: '发布日期', message: '发布日期早于成文日期' })
    if (publishNow !== null && compareDays(d.发布日期, today) > 0)
      errors.push({ row, field: '发布日期', message: '导入的信息发布日期不能晚于今天' })
    if (d.索引号) {
      const p = parseIndexNo(d.索引号)
      if (p && p.agencyCode !== agency.code)
        errors.push({ row, field: '索引号', message: `索引号前段应为本机关的统一社会信用代码 ${agency.code}` })
      const dup = seenIndexNos.get(d.索引号)
      if (dup) errors.push({ row, field: '索引号', message: `索引号与第${dup}行重复` })
      seenIndexNos.set(d.索引号, row)
    }
    if (columnId !== undefined)
      parsed.push({ row, d, columnId, bodyHtml: options.bodyIsHtml ? d.正文 : textToBody(d.正文) })
  }
  if (seenIndexNos.size > 0) {
    const taken = await store.db
      .selectFrom('documents')
      .select('index_no')
      .where('index_no', 'in', [...seenIndexNos.keys()])
      .execute()
    for (const t of taken)
      errors.push({
        row: seenIndexNos.get(t.index_no ?? '') ?? 0,
        field: '索引号',
        message: `索引号 ${t.index_no} 已被使用`,
      })
  }
  if (errors.length) throw new ImportRejected(errors.sort((a, b) => a.row - b.row))
  const cal = await loadWorkCalendar(store.db)
  const width = serialWidthOf(agency.settings)
  await store.db.transaction().execute(async (trx) => {
    let done = 0
    for (const p of parsed) {
      await insertRow(trx, store, agency, p, width, cal, actor, today, publishNow)
      onProgress(++done, parsed.length)
    }
  })
  return parsed.length
}

/** One row in: published at once (with the reason), or waiting at the first step of the review chain. */
async function insertRow(
  trx: Kysely<Database>,
  store: Store,
  agency: { id: number; code: string },
  p: Parsed,
  width: number,
  cal: Awaited<ReturnType<typeof loadWorkCalendar>>,
  actor: Actor,
  today: CalendarDay,
  publishNow: string | null,
): Promise<void> {
  const d = p.d
  const publish = publishNow !== null
  const publishedOn = d.发布日期
  let indexNo = d.索引号 ?? null
  const year = Number(publishedOn.slice(0, 4))
  if (indexNo) {
    const parts = parseIndexNo(indexNo)
    if (parts) await reserveIndexSerial(trx, agency.id, parts.year, parts.serial)
  } else if (publish) {
    indexNo = formatIndexNo(agency.code, year, await nextIndexSerial(trx, agency.id, year), width)
  }
  const firstStep = stepsFor(false)[0] ?? null
  const html = sanitizeBody(p.bodyHtml)
  const now = nowIso()
  const row = await trx
    .insertInto('documents')
    .values({
      agency_id: agency.id,
      column_id: p.columnId,
      index_no: indexNo,
      title: d.标题,
      body_html: html,
      body_text: bodyText(html),
      doc_no: d.文号 || null,
      formed_on: d.成文日期,
      published_on: publish ? publishedOn : null,
      topic: d.主题分类,
      genre: d.组配分类,
      disclosure: d.公开方式 ?? 'active',
      validity: d.有效性 ?? 'valid',
      validity_on: null,
      publisher: d.发布机构,
      source: d.信息来源,
      art20: d.条例第二十条类别 ?? null,
      major: 0,
      interprets_id: null,
      requires_interpretation: 0,
      status: publish ? 'published' : 'inReview',
      step: publish ? null : firstStep,
      late: publish && publishedLate(d.成文日期, publishedOn, cal) ? 1 : 0,
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
  if (!publish) {
    await appendDocumentEvent(trx, id, actor, {
      kind: 'imported',
      comment: '导入，待审核',
      onDay: today,
      data: { row: p.row, indexNo, publishedOnInFile: publishedOn },
    })
    await appendDocumentEvent(trx, id, actor, { kind: 'submitted', step: firstStep, onDay: today })
    return
  }
  await trx
    .insertInto('document_channels')
    .values({ document_id: id, channel: 'portal', on_day: publishedOn })
    .execute()
  await appendDocumentEvent(trx, id, actor, {
    kind: 'imported',
    comment: `导入并直接发布（未经审核流程），理由：${publishNow}`,
    onDay: today,
    data: { row: p.row, indexNo, publishedNow: true, reason: publishNow },
  })
  if (d.公开方式 === 'active') {
    await indexDocument(trx, store.engine, {
      id,
      publishedOn,
      agencyId: agency.id,
      columnIds: await columnWithAncestors(trx, p.columnId),
      validity: d.有效性 ?? 'valid',
      topic: d.主题分类,
      genre: d.组配分类,
      title: d.标题,
      docNo: d.文号 || null,
      text: bodyText(html),
    })
  }
}
