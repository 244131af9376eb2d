import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Actor, DocumentStatus, ReviewStep, WorkflowAction, WorkflowState } from '../../domain/catalog/workflow.js'
import { nextState, REVIEW_STEPS, STATUSES } from '../../domain/catalog/workflow.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import type { Database } from '../../store/schema.js'
import type { Kysely, Selectable } from 'kysely'
import { appendDocumentEvent } from '../../store/catalogRepo.js'
import { unindexDocument } from '../../search/searchIndex.js'
import { NotFoundError } from '../errors.js'
import { passSecrecyGate } from './privacyReview.js'

// The review workflow as use cases, one transaction each. Each takes the acting person ({ userId?, name, role });
// the issue-4 console checks permissions before calling and these check the workflow's own rules.

export class WorkflowRefused extends Error {
  readonly code = 'RULE_VIOLATION'
}

export type DocumentRow = Selectable<Database['documents']>

export async function load(trx: Kysely<Database>, id: number): Promise<DocumentRow> {
  const doc = await trx.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
  if (!doc) throw new NotFoundError('该信息')
  return doc
}

const isStatus = (s: string): s is DocumentStatus => STATUSES.some((x) => x.code === s)
const isStep = (s: string): s is ReviewStep => REVIEW_STEPS.some((x) => x.code === s)

function stateOf(doc: DocumentRow): WorkflowState {
  // the status column only ever holds a status (the workflow writes it); a value no version knows is a bug
  if (!isStatus(doc.status)) throw new Error(`document ${doc.id} has an unknown status ${doc.status}`)
  const step = doc.step !== null && isStep(doc.step) ? doc.step : null
  return { status: doc.status, step, major: doc.major === 1 }
}

export async function transition(
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
    // issue 17 (decision 0047): the 保密审查 step approves only once every personal-data finding is decided
    if (kind === 'approve' && step === 'secrecy') await passSecrecyGate(trx, id, actor, today)
    await appendDocumentEvent(trx, id, actor, {
      kind: kind === 'approve' ? 'approved' : 'returned',
      step,
      comment: comment.trim(),
      onDay: today,
    })
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
