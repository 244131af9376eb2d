import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Guide } from '../../domain/serviceItems/guide.js'
import { guideChanged, guideSchema, serviceItemSchema } from '../../domain/serviceItems/guide.js'
import type { ServiceItem } from '../../domain/serviceItems/guide.js'
import { mapHeader, missingColumns, rowsToItems } from '../../domain/serviceItems/spreadsheet.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import {
  findServiceItemByCode,
  guideOf,
  insertGuideVersion,
  insertServiceItem,
  updateServiceItem,
} from '../../store/serviceItemRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { ValidationError } from '../errors.js'
import type { FieldProblem } from '../errors.js'
import { resolveAgency } from '../report/generateReport.js'

export interface ServiceImportResult {
  created: number
  /** items whose guide changed: a new version each */
  revised: number
  unchanged: number
}

/** Every row checked first: the problems of all rows, each naming its line and field; none means all are valid. */
function validRows(rows: readonly string[][]): ServiceItem[] {
  const header = mapHeader(rows[0] ?? [])
  const missing = missingColumns(header)
  if (rows.length === 0 || missing.length)
    throw new ValidationError([{ field: 'file', message: `事项清单缺少列：${missing.join('、')}` }])
  const problems: FieldProblem[] = []
  const items: ServiceItem[] = []
  const codes = new Set<string>()
  for (const row of rowsToItems(rows, header)) {
    const parsed = serviceItemSchema.safeParse(row.item)
    if (!parsed.success) {
      for (const i of parsed.error.issues)
        problems.push({ field: `第${row.line}行.${i.path.join('.')}`, message: `第${row.line}行：${i.message}` })
      continue
    }
    if (codes.has(parsed.data.code))
      problems.push({ field: `第${row.line}行.code`, message: `第${row.line}行：事项编码 ${parsed.data.code} 重复` })
    codes.add(parsed.data.code)
    items.push(parsed.data)
  }
  if (problems.length) throw new ValidationError(problems)
  return items
}

/**
 * Imports an agency's 事项清单 (the usual spreadsheet, as rows of text): a new item gets version 1 of its guide;
 * an item whose guide changed gets a new version (decision 0039); an unchanged one is left alone. A sheet with any
 * bad row writes nothing. One transaction with its audit entry.
 */
export async function importServiceItems(props: {
  store: Store
  actor: Actor
  agency: string | number
  rows: readonly string[][]
  today: CalendarDay
}): Promise<ServiceImportResult> {
  const items = validRows(props.rows)
  return props.store.db.transaction().execute(async (trx) => {
    const agency = await resolveAgency(trx, props.agency)
    authorize(props.actor, 'serviceItem.manage', { agencyId: agency.id })
    const at = nowIso()
    const result: ServiceImportResult = { created: 0, revised: 0, unchanged: 0 }
    for (const item of items) {
      const head = { name: item.name, kind: item.kind, department: item.department }
      const existing = await findServiceItemByCode(trx, agency.id, item.code)
      if (!existing) {
        const itemId = await insertServiceItem(trx, { agencyId: agency.id, code: item.code, ...head, at })
        await insertGuideVersion(trx, {
          itemId,
          version: 1,
          guide: item.guide,
          changed: [],
          effectiveOn: props.today,
          by: props.actor.username,
          at,
        })
        result.created++
        continue
      }
      const before: Guide = guideSchema.parse(JSON.parse((await guideOf(trx, existing.id, existing.version)) ?? '{}'))
      const changed = guideChanged(before, item.guide)
      const headChanged =
        existing.name !== item.name || existing.kind !== item.kind || existing.department !== item.department
      if (changed.length === 0 && !headChanged) {
        result.unchanged++
        continue
      }
      const version = changed.length ? existing.version + 1 : existing.version
      if (changed.length)
        await insertGuideVersion(trx, {
          itemId: existing.id,
          version,
          guide: item.guide,
          changed,
          effectiveOn: props.today,
          by: props.actor.username,
          at,
        })
      await updateServiceItem(trx, existing.id, { ...head, version, at })
      result.revised++
    }
    await appendAudit(trx, {
      ...auditActor(props.actor),
      action: 'serviceItem.import',
      targetType: 'agency',
      targetId: agency.id,
      detail: { ...result },
    })
    return result
  })
}
