import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { isCalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Actor as WorkflowActor, ReviewStep } from '../../domain/catalog/workflow.js'
import {
  awaitsReviewBy,
  isEditable,
  isPublisher,
  PUBLISHER_ROLES,
  REVIEW_STEPS,
} from '../../domain/catalog/workflow.js'
import type { Principal } from '../../domain/auth/roles.js'
import type { Store } from '../../store/database.js'
import {
  countDocumentsAtSteps,
  countStaffDocuments,
  documentAttachments,
  documentEvents,
  documentsAtSteps,
  findDocument,
  interpretationsOf,
  lastReturn,
  listStaffDocuments,
} from '../../store/catalogRepo.js'
import type { AttachmentStorage } from './attachmentStorage.js'
import { can } from '../../domain/auth/permissions.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { publishDocument } from './publishDocument.js'
import { privacyPanel } from './privacyReview.js'
import { approveStep, returnDocument, submitDocument, withdrawDocument } from './workflow.js'

// The staff side of the review workflow (issue 6): an agency's staff see and move their agency's documents (a
// system administrator every agency's). The workflow's own rules decide who may do which step.

/** How many items one page of a queue section shows. */
export const QUEUE_PAGE_SIZE = 50

/** The sections of the staff catalog page, each counted and paged on its own. */
const QUEUE_SECTIONS = ['awaitingMe', 'returned', 'toPublish', 'all'] as const
export type QueueSection = (typeof QUEUE_SECTIONS)[number]

/** A signed-in person acting in the review chain, and the name their steps are recorded under. */
export interface StaffProps {
  store: Store
  actor: Actor
  /** the display name the document's record shows */
  name: string
}

const isAdmin = (p: Principal) => p.roles.includes('sysAdmin')

/** The review steps a principal decides (every step for a system administrator). */
function myReviewSteps(p: Principal): string[] {
  return REVIEW_STEPS.filter((s) => awaitsReviewBy(p.roles, 'inReview', s.code)).map((s) => s.code)
}

const rowOf = (d: {
  id: number
  title: string
  status: string
  step: string | null
  doc_no: string | null
  updated_at: string
}) => ({
  id: d.id,
  title: d.title,
  status: d.status,
  step: d.step,
  docNo: d.doc_no,
  updatedAt: d.updated_at,
})

/**
 * The console's catalog page: the items waiting for the actor's review (待我审核), those sent back to the
 * drafters, those approved and waiting for the office, and every item of the agency, newest change first.
 */
export async function catalogQueue(props: {
  store: Store
  actor: Actor
  /** the page (from 1) each section shows; the first when not given */
  pages?: Partial<Record<QueueSection, number>>
}) {
  const p = authorize(props.actor, 'console.view')
  const db = props.store.db
  const agencyId = isAdmin(p) ? null : (p.agencyId ?? -1)
  const pages = Object.fromEntries(QUEUE_SECTIONS.map((k) => [k, props.pages?.[k] ?? 1])) as Record<
    QueueSection,
    number
  >
  const window = (k: QueueSection) => ({ limit: QUEUE_PAGE_SIZE, offset: (pages[k] - 1) * QUEUE_PAGE_SIZE })
  /** One section's page of rows and how many it holds in all, both counted by the database. */
  const section = async (k: QueueSection, status?: string) => {
    const f = { agencyId, status }
    const [rows, total] = await Promise.all([listStaffDocuments(db, f, window(k)), countStaffDocuments(db, f)])
    return { rows: rows.map(rowOf), total }
  }
  const steps = can(p, 'publication.review') ? myReviewSteps(p) : []
  const { limit, offset } = window('awaitingMe')
  const [all, returned, toPublish, mine, mineTotal] = await Promise.all([
    section('all'),
    section('returned', 'returned'),
    section('toPublish', 'approved'),
    documentsAtSteps(db, agencyId, steps, limit, offset),
    countDocumentsAtSteps(db, agencyId, steps),
  ])
  return {
    all: all.rows,
    awaitingMe: mine.map(rowOf),
    returned: returned.rows,
    toPublish: toPublish.rows,
    totals: { all: all.total, awaitingMe: mineTotal, returned: returned.total, toPublish: toPublish.total },
    pages,
    pageSize: QUEUE_PAGE_SIZE,
    mayDraft: can(p, 'publication.draft'),
    mayReview: can(p, 'publication.review'),
    mayPublish: isPublisher(p.roles),
  }
}

/** How many items wait for the actor's review (the dashboard's 待我审核). */
export async function awaitingMyReview(props: { store: Store; actor: Actor }): Promise<number> {
  const p = authorize(props.actor, 'console.view')
  if (!can(p, 'publication.review')) return 0
  return countDocumentsAtSteps(props.store.db, isAdmin(p) ? null : (p.agencyId ?? -1), myReviewSteps(p))
}

async function visibleDocument(store: Store, actor: Actor, id: number) {
  const p = authorize(actor, 'console.view')
  const doc = await findDocument(store.db, id)
  if (!doc || (!isAdmin(p) && p.agencyId !== doc.agency_id)) throw new NotFoundError('该信息')
  return { p, doc }
}

/** A document of the actor's agency with its content, attachments and review record (保密审查表). */
export async function staffDocument(props: { store: Store; actor: Actor; id: number }) {
  const { p, doc } = await visibleDocument(props.store, props.actor, props.id)
  const db = props.store.db
  const [events, attachments, returned, interpretations, policy, privacy] = await Promise.all([
    documentEvents(db, doc.id),
    documentAttachments(db, doc.id),
    doc.status === 'returned' ? lastReturn(db, doc.id) : Promise.resolve(undefined),
    interpretationsOf(db, doc.id),
    doc.interprets_id ? findDocument(db, doc.interprets_id) : Promise.resolve(undefined),
    privacyPanel(props.store, p, doc),
  ])
  return {
    privacy,
    doc: {
      id: doc.id,
      title: doc.title,
      status: doc.status,
      step: doc.step,
      docNo: doc.doc_no,
      updatedAt: doc.updated_at,
      indexNo: doc.index_no,
      publishedOn: doc.published_on,
      late: doc.late === 1,
      withdrawReason: doc.withdraw_reason,
      bodyHtml: doc.body_html,
      formedOn: doc.formed_on,
      topic: doc.topic,
      genre: doc.genre,
      disclosure: doc.disclosure,
      validity: doc.validity,
      publisher: doc.publisher,
      source: doc.source,
      art20: doc.art20,
      major: doc.major === 1,
      requiresInterpretation: doc.requires_interpretation === 1,
      createdBy: doc.created_by,
    },
    policy: policy ? { id: policy.id, title: policy.title } : null,
    interpretations: interpretations.map((i) => ({ id: i.id, title: i.title, status: i.status })),
    attachments: attachments.map((a) => ({ id: a.id, name: a.file_name, mime: a.mime, size: a.size })),
    returned: returned
      ? { comment: returned.comment, by: returned.actor_name, step: returned.step, at: returned.at }
      : null,
    may: {
      edit: can(p, 'publication.draft') && isEditable(doc.status),
      submit: can(p, 'publication.draft') && isEditable(doc.status),
      review: awaitsReviewBy(p.roles, doc.status, doc.step),
      publish: isPublisher(p.roles),
      interpret:
        can(p, 'publication.draft') &&
        doc.requires_interpretation === 1 &&
        doc.status !== 'published' &&
        doc.status !== 'withdrawn',
    },
    events: events.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      step: e.step,
      comment: e.comment,
      actorName: e.actor_name,
      actorRole: e.actor_role,
      onDay: e.on_day,
      at: e.at,
    })),
  }
}

/** An attachment of a document the actor may see (drafts included), for staff to open. */
export async function staffAttachment(props: {
  store: Store
  actor: Actor
  storage: AttachmentStorage
  id: number
  fileId: number
}) {
  const { doc } = await visibleDocument(props.store, props.actor, props.id)
  const file = (await documentAttachments(props.store.db, doc.id)).find((a) => a.id === props.fileId)
  const bytes = file ? await props.storage.get(file.storage_key) : null
  if (!file || !bytes) throw new NotFoundError('该附件')
  return { name: file.file_name, mime: file.mime, bytes }
}

/** The person in the role they act in: the step's reviewer role, or a publisher role, if they hold it. */
function workflowActor(p: Principal, props: StaffProps, wanted: readonly string[]): WorkflowActor {
  const role = p.roles.find((r) => wanted.includes(r)) ?? (isAdmin(p) ? 'sysAdmin' : (p.roles[0] ?? ''))
  return { userId: p.userId, name: props.name, role, ip: props.actor.ip }
}

/** 提交审核 of a document of the actor's agency. */
export async function submitStaffDocument(props: StaffProps & { id: number; today: CalendarDay }): Promise<void> {
  const { p, doc } = await visibleDocument(props.store, props.actor, props.id)
  await submitDocument(props.store, doc.id, workflowActor(p, props, []), props.today)
}

const isReviewStep = (s: string): s is ReviewStep => REVIEW_STEPS.some((x) => x.code === s)

/** A reviewer's decision at a step: approve, or return (`decision` = 'return') with the comment. */
export async function decideStaffDocument(
  props: StaffProps & { id: number; step: string; decision: string; comment: string; today: CalendarDay },
): Promise<void> {
  const authorized = authorize(props.actor, 'publication.review')
  const { doc } = await visibleDocument(props.store, props.actor, props.id)
  const step = props.step
  if (!isReviewStep(step)) throw new ValidationError([{ field: 'step', message: '审核环节无效' }])
  const role = REVIEW_STEPS.find((s) => s.code === step)?.role ?? ''
  const actor = workflowActor(authorized, props, [role])
  const decide = props.decision === 'return' ? returnDocument : approveStep
  await decide(props.store, doc.id, step, props.comment, actor, props.today)
}

/** 发布 now, or from the day given (scheduled); the workflow refuses anyone but the 政务公开办 (PUBLISHER_ROLES). */
export async function publishStaffDocument(props: StaffProps & { id: number; on: string; today: CalendarDay }) {
  authorize(props.actor, 'publication.read')
  const { p, doc } = await visibleDocument(props.store, props.actor, props.id)
  const on = props.on.trim()
  const options = on === '' ? {} : isCalendarDay(on) ? { on } : null
  if (!options) throw new ValidationError([{ field: 'on', message: '发布日期应为有效日期（YYYY-MM-DD）' }])
  await publishDocument(props.store, doc.id, workflowActor(p, props, PUBLISHER_ROLES), props.today, options)
}

/** 撤回 with its reason. */
export async function withdrawStaffDocument(props: StaffProps & { id: number; reason: string; today: CalendarDay }) {
  authorize(props.actor, 'publication.read')
  const { p, doc } = await visibleDocument(props.store, props.actor, props.id)
  await withdrawDocument(props.store, doc.id, props.reason, workflowActor(p, props, PUBLISHER_ROLES), props.today)
}
