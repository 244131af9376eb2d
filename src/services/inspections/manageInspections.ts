import type { z } from 'zod'
import { duplicateIds, parsePoolLines, poolFingerprint } from '../../domain/inspections/pool.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import { savePool, upsertInspectionItem } from '../../store/inspectionRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit, sm3 } from '../auditLog.js'
import { ValidationError } from '../errors.js'
import { resolveAgency } from '../report/generateReport.js'
import { inspectionItemInput, parseOr, poolInput } from './inspectionInput.js'

/** Adds an item to the 随机抽查事项清单, or changes the one with its code. */
export async function saveInspectionItem(props: {
  store: Store
  actor: Actor
  agency: string | number
  /** the form's fields, checked here */
  item: z.input<typeof inspectionItemInput>
}): Promise<number> {
  const item = parseOr(inspectionItemInput, props.item)
  return props.store.db.transaction().execute(async (trx) => {
    const agency = await resolveAgency(trx, props.agency)
    authorize(props.actor, 'inspection.manage', { agencyId: agency.id })
    const id = await upsertInspectionItem(trx, agency.id, item, nowIso())
    await appendAudit(trx, {
      ...auditActor(props.actor),
      action: 'inspection.item',
      targetType: 'agency',
      targetId: agency.id,
      detail: { code: item.code, name: item.name },
    })
    return id
  })
}

/**
 * Saves a pool typed one entry a line (`编号 名称`), with its SM3 fingerprint. A draw already announced keeps
 * the copy it published, so changing a pool never changes a published draw.
 */
export async function savePoolFromText(props: {
  store: Store
  actor: Actor
  agency: string | number
  id?: number
  /** the form's fields (kind: inspector | entity), checked here */
  pool: Record<keyof z.input<typeof poolInput>, string>
}): Promise<number> {
  const input = parseOr(poolInput, props.pool)
  const { entries, bad } = parsePoolLines(input.text)
  if (bad.length) throw new ValidationError([{ field: 'text', message: `名录第${bad.join('、')}行应为“编号 名称”` }])
  if (entries.length === 0)
    throw new ValidationError([{ field: 'text', message: '名录为空：请每行填写一条“编号 名称”' }])
  const twice = duplicateIds(entries)
  if (twice.length) throw new ValidationError([{ field: 'text', message: `名录中编号重复：${twice.join('、')}` }])
  return props.store.db.transaction().execute(async (trx) => {
    const agency = await resolveAgency(trx, props.agency)
    authorize(props.actor, 'inspection.manage', { agencyId: agency.id })
    const fingerprint = poolFingerprint(entries, sm3)
    const id = await savePool(trx, { id: props.id, agencyId: agency.id, ...input, entries, fingerprint, at: nowIso() })
    await appendAudit(trx, {
      ...auditActor(props.actor),
      action: 'inspection.pool',
      targetType: 'inspectionPool',
      targetId: id,
      detail: { kind: input.kind, sector: input.sector, size: entries.length, fingerprint },
    })
    return id
  })
}
