import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { yearOf } from '../../domain/calendar/calendarDay.js'
import { performDraw } from '../../domain/inspections/draw.js'
import type { PublishedDraw } from '../../domain/inspections/draw.js'
import type { PoolEntry } from '../../domain/inspections/pool.js'
import { RuleViolation } from '../../domain/application/rules.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import {
  findDraw,
  findInspectionItem,
  findPool,
  insertDraw,
  saveDrawResult,
  upsertResult,
} from '../../store/inspectionRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit, sm3 } from '../auditLog.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { resolveAgency } from '../report/generateReport.js'
import { announceInput, parseOr, resultInput } from './inspectionInput.js'

type PoolCopy = PublishedDraw['inspectors']

/**
 * Announces a draw (decision 0040): copies both pools with their SM3 fingerprints and a seed from the system's
 * random source into the draw, published on the 双随机 column before anything is drawn. The seed is never typed
 * by staff; the demo and tests pass one to stay reproducible.
 */
export async function announceDraw(props: {
  store: Store
  actor: Actor
  agency: string | number
  draw: z.input<typeof announceInput>
  today: CalendarDay
  seed?: string
}): Promise<number> {
  const input = parseOr(announceInput, props.draw)
  return props.store.db.transaction().execute(async (trx) => {
    const agency = await resolveAgency(trx, props.agency)
    authorize(props.actor, 'inspection.manage', { agencyId: agency.id })
    const item = await findInspectionItem(trx, agency.id, input.itemId)
    if (!item) throw new ValidationError([{ field: 'itemId', message: '未找到该抽查事项' }])
    const copy = async (id: number, kind: string, field: string, count: number): Promise<PoolCopy> => {
      const pool = await findPool(trx, agency.id, id)
      if (!pool || pool.kind !== kind) throw new ValidationError([{ field, message: '未找到该名录' }])
      if (count > pool.size)
        throw new ValidationError([{ field, message: `抽取数量 ${count} 超过名录中的 ${pool.size} 条` }])
      return { count, fingerprint: pool.fingerprint, entries: JSON.parse(pool.entries) as PoolEntry[] }
    }
    const inspectors = await copy(input.inspectorPoolId, 'inspector', 'inspectorPoolId', input.inspectors)
    const entities = await copy(input.entityPoolId, 'entity', 'entityPoolId', input.entities)
    const seed = props.seed ?? randomBytes(16).toString('hex')
    const at = nowIso()
    const id = await insertDraw(trx, {
      agencyId: agency.id,
      itemId: item.id,
      year: yearOf(props.today),
      sector: item.sector,
      seed,
      inspectors,
      entities,
      announcedOn: props.today,
      at,
      by: props.actor.username,
    })
    await appendAudit(trx, {
      ...auditActor(props.actor),
      action: 'inspection.announce',
      targetType: 'inspectionDraw',
      targetId: id,
      detail: { seed, inspectors: inspectors.fingerprint, entities: entities.fingerprint },
    })
    return id
  })
}

/** Makes an announced draw: the result follows from the published seed and pools alone (domain/inspections/draw.ts). */
export async function makeDraw(props: { store: Store; actor: Actor; id: number }): Promise<string> {
  return props.store.db.transaction().execute(async (trx) => {
    const draw = await findDraw(trx, props.id)
    if (!draw) throw new NotFoundError('该抽查')
    authorize(props.actor, 'inspection.manage', { agencyId: draw.agency_id })
    if (draw.result !== null) throw new RuleViolation('draw', '该抽查已经抽取，结果不能重抽')
    const result = performDraw(
      {
        seed: draw.seed,
        inspectors: JSON.parse(draw.inspectors) as PoolCopy,
        entities: JSON.parse(draw.entities) as PoolCopy,
      },
      sm3,
    )
    await saveDrawResult(trx, draw.id, result, nowIso())
    await appendAudit(trx, {
      ...auditActor(props.actor),
      action: 'inspection.draw',
      targetType: 'inspectionDraw',
      targetId: draw.id,
      detail: result,
    })
    return (await resolveAgency(trx, draw.agency_id)).code
  })
}

/** Records (and so publishes) the result of inspecting one drawn entity. */
export async function recordInspectionResult(props: {
  store: Store
  actor: Actor
  drawId: number
  /** the form's fields (outcome: a code of domain/inspections/results.ts), checked here */
  result: Record<keyof z.input<typeof resultInput>, string>
  today: CalendarDay
}): Promise<string> {
  const input = parseOr(resultInput, props.result)
  return props.store.db.transaction().execute(async (trx) => {
    const draw = await findDraw(trx, props.drawId)
    if (!draw) throw new NotFoundError('该抽查')
    authorize(props.actor, 'inspection.manage', { agencyId: draw.agency_id })
    if (draw.result === null) throw new RuleViolation('draw', '尚未抽取，不能录入结果')
    const drawn = (JSON.parse(draw.result) as { entities: string[] }).entities
    const entity = (JSON.parse(draw.entities) as PoolCopy).entries.find((e) => e.id === input.entityId)
    if (!entity || !drawn.includes(input.entityId))
      throw new ValidationError([{ field: 'entityId', message: '该对象不是本次抽中的检查对象' }])
    await upsertResult(trx, {
      drawId: draw.id,
      entityId: entity.id,
      entityName: entity.name,
      outcome: input.outcome,
      note: input.note,
      publishedOn: props.today,
    })
    await appendAudit(trx, {
      ...auditActor(props.actor),
      action: 'inspection.result',
      targetType: 'inspectionDraw',
      targetId: draw.id,
      detail: { entityId: entity.id, outcome: input.outcome },
    })
    return (await resolveAgency(trx, draw.agency_id)).code
  })
}
