import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { RuleViolation } from '../../domain/application/rules.js'
import { can } from '../../domain/auth/permissions.js'
import type { Principal, Role } from '../../domain/auth/roles.js'
import type { SourcedFinding } from '../../domain/catalog/privacyReview.js'
import {
  BODY_SOURCE,
  attachmentSource,
  contextOf,
  decisionLabel,
  decisionProblem,
  exemptionLabel,
  exemptionProblem,
  findingKey,
  isExemption,
  maskedBody,
  secrecyBlock,
} from '../../domain/catalog/privacyReview.js'
import type { Actor as WorkflowActor } from '../../domain/catalog/workflow.js'
import { awaitsReviewBy, isEditable } from '../../domain/catalog/workflow.js'
import type { Finding, PersonalDataKind } from '../../domain/privacy/index.js'
import { PERSONAL_DATA_KINDS, findPersonalData, kindLabel } from '../../domain/privacy/index.js'
import type { Store } from '../../store/database.js'
import type { Database } from '../../store/schema.js'
import { appendDocumentEvent, documentAttachments, findDocument } from '../../store/catalogRepo.js'
import {
  keepOriginalBody,
  privacyDecisionsOf,
  privacyReviewOf,
  saveExemption,
  savePrivacyDecision,
} from '../../store/privacyReviewRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { NotFoundError, ValidationError } from '../errors.js'
import type { AttachmentStorage } from './attachmentStorage.js'
import { localDiskStorage } from './attachmentStorage.js'
import { attachmentText } from './attachmentText.js'

// De-identification in the review chain (issue 17 point 2, decision 0047): the personal data the detector finds
// in a document's body and attachments, the 保密审查 reviewer's decision on each finding, the exemption of
// 惩戒性公示 / 强制性信息披露, and the masking of the published body.

type Db = Kysely<Database>
type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>

const isKind = (k: string): k is PersonalDataKind => PERSONAL_DATA_KINDS.some((x) => x.code === k)

const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex')

/** One text the detector reads: the body, or an attachment (text null: the platform cannot read it). */
interface TextSource {
  source: string
  name: string
  version: string
  text: string | null
}

/**
 * The texts of a document as the reviewers decide them: the body as written (after publication, the original
 * kept when it was masked) and each attachment's extracted text.
 */
async function textSources(db: Db, storage: AttachmentStorage, doc: DocumentRow): Promise<TextSource[]> {
  const kept = await privacyReviewOf(db, doc.id)
  const body = kept?.original_text ?? doc.body_text
  const out: TextSource[] = [{ source: BODY_SOURCE, name: '正文', version: sha256(body), text: body }]
  for (const a of await documentAttachments(db, doc.id)) {
    const bytes = await storage.get(a.storage_key)
    const text = bytes ? await attachmentText(bytes, a.mime) : null
    out.push({ source: attachmentSource(a.id), name: a.file_name, version: sha256(bytes ?? ''), text })
  }
  return out
}

function findingsOf(sources: readonly TextSource[]): SourcedFinding[] {
  return sources.flatMap((s) =>
    s.text === null ? [] : findPersonalData(s.text).map((f) => ({ ...f, source: s.source, version: s.version })),
  )
}

/** Everything the secrecy step decides on: the texts, their findings, the decisions of these versions. */
async function reviewState(db: Db, storage: AttachmentStorage, doc: DocumentRow) {
  const [sources, rows, review] = await Promise.all([
    textSources(db, storage, doc),
    privacyDecisionsOf(db, doc.id),
    privacyReviewOf(db, doc.id),
  ])
  const findings = findingsOf(sources)
  const byKey = new Map(rows.map((r) => [findingKey({ ...r, start: r.start_at, end: r.end_at }), r] as const))
  const decided = new Map(
    findings.flatMap((f) => {
      const r = byKey.get(findingKey(f))
      return r ? [[findingKey(f), r.decision] as const] : []
    }),
  )
  const exempt = isExemption(review?.exempt) ? review.exempt : null
  const nameOf = (source: string) => sources.find((s) => s.source === source)?.name ?? source
  return { sources, findings, byKey, decided, review, exempt, nameOf }
}

const isAdmin = (p: Principal) => p.roles.includes('sysAdmin')

async function visible(store: Store, p: Principal, id: number): Promise<DocumentRow> {
  const doc = await findDocument(store.db, id)
  if (!doc || (!isAdmin(p) && p.agencyId !== doc.agency_id)) throw new NotFoundError('该信息')
  return doc
}

/** Is the item waiting at the 保密审查 step for this principal? */
const atSecrecyFor = (p: Principal, doc: DocumentRow) =>
  doc.step === 'secrecy' && awaitsReviewBy(p.roles, doc.status, doc.step)

/** May the principal mark or unmark the item exempt: its drafter while it may change, or the secrecy reviewer. */
const mayExempt = (p: Principal, doc: DocumentRow) =>
  (can(p, 'publication.draft') && isEditable(doc.status)) || atSecrecyFor(p, doc)

/**
 * The personal-data panel of a document's staff page and the 保密审查表: each finding in context with its
 * proposed mask and its decision, the exemption, what could not be examined, the original body if masked.
 */
export async function privacyPanel(
  store: Store,
  p: Principal,
  doc: DocumentRow,
  storage: AttachmentStorage = localDiskStorage(),
) {
  const s = await reviewState(store.db, storage, doc)
  const textOf = (source: string) => s.sources.find((x) => x.source === source)?.text ?? ''
  return {
    findings: s.findings.map((f) => {
      const r = s.byKey.get(findingKey(f))
      return {
        key: findingKey(f),
        source: f.source,
        sourceName: s.nameOf(f.source),
        version: f.version,
        kind: f.kind,
        kindLabel: kindLabel(f.kind),
        start: f.start,
        end: f.end,
        masked: f.masked,
        context: contextOf(textOf(f.source), f),
        decision: r
          ? { code: r.decision, label: decisionLabel(r.decision), reason: r.reason, by: r.actor_name, at: r.at }
          : null,
      }
    }),
    exempt: s.exempt
      ? {
          code: s.exempt,
          label: exemptionLabel(s.exempt),
          reason: s.review?.exempt_reason ?? '',
          by: s.review?.exempt_by ?? '',
          at: s.review?.exempt_at ?? '',
        }
      : null,
    unexamined: s.sources.filter((x) => x.text === null).map((x) => x.name),
    originalHtml: s.review?.original_html ?? null,
    block: doc.step === 'secrecy' ? secrecyBlock(s.findings, s.decided, s.exempt !== null, s.nameOf) : null,
    may: { decide: atSecrecyFor(p, doc), exempt: mayExempt(p, doc) },
  }
}
export type PrivacyPanel = Awaited<ReturnType<typeof privacyPanel>>

/** Who acts, as the document's record names them: in `role` if they hold it, else as what they are. */
function recordActor(p: Principal, actor: Actor, name: string, role: Role): WorkflowActor {
  const as = p.roles.includes(role) ? role : isAdmin(p) ? 'sysAdmin' : (p.roles[0] ?? '')
  return { userId: p.userId, name, role: as, ip: actor.ip }
}

/** The finding a form names, in the document's current text (a stale page names one no longer there). */
interface FindingForm {
  source: string
  version: string
  kind: string
  start: number
  end: number
}

/**
 * 采纳去标识化 or 保留原文 (with its reason) for one finding, by the 保密审查 reviewer while the item waits at
 * that step; the decision and its audit entry in one transaction.
 */
export async function decidePrivacyFinding(props: {
  store: Store
  actor: Actor
  name: string
  id: number
  finding: FindingForm
  decision: string
  reason: string
  today: CalendarDay
  storage?: AttachmentStorage
}): Promise<void> {
  const p = authorize(props.actor, 'publication.review')
  const doc = await visible(props.store, p, props.id)
  if (!atSecrecyFor(p, doc)) throw new RuleViolation('privacy', '只有保密审查环节的审核人可以确认个人信息的处理')
  const problem = decisionProblem(props.decision, props.reason)
  if (problem) throw new ValidationError([{ field: 'reason', message: problem }])
  const storage = props.storage ?? localDiskStorage()
  await props.store.db.transaction().execute(async (trx) => {
    const current = await findDocument(trx, doc.id)
    if (!current || !atSecrecyFor(p, current))
      throw new RuleViolation('privacy', '只有保密审查环节的审核人可以确认个人信息的处理')
    const s = await reviewState(trx, storage, current)
    const f = s.findings.find((x) => findingKey(x) === findingKey(props.finding))
    if (!f) throw new RuleViolation('privacy', '该项个人信息已不在当前文本中，请刷新页面后重新确认')
    const reason = props.decision === 'keep' ? props.reason.trim() : ''
    const actor = recordActor(p, props.actor, props.name, 'reviewerSecrecy')
    await savePrivacyDecision(trx, { documentId: doc.id, ...f, decision: props.decision, reason }, actor)
    // the audit trail names the finding by its masked form: the original stays in the staff record only
    await appendDocumentEvent(trx, doc.id, actor, {
      kind: 'privacyDecided',
      step: 'secrecy',
      comment: `${s.nameOf(f.source)}·${kindLabel(f.kind)} ${f.masked}：${decisionLabel(props.decision)}${reason ? `（理由：${reason}）` : ''}`,
      onDay: props.today,
    })
  })
}

/**
 * Marks the item 惩戒性公示 or 强制性信息披露 with its reason (findings are still shown and recorded, masks are not
 * required), or clears the mark (`exempt` ''): by the drafter while it may change, or the secrecy reviewer.
 */
export async function setPrivacyExemption(props: {
  store: Store
  actor: Actor
  name: string
  id: number
  exempt: string
  reason: string
  today: CalendarDay
}): Promise<void> {
  const p = authorize(props.actor, 'console.view')
  const doc = await visible(props.store, p, props.id)
  if (!mayExempt(p, doc))
    throw new RuleViolation(
      'exempt',
      '只有起草人（草稿或退回时）或保密审查环节的审核人可以标记惩戒性公示或强制性信息披露',
    )
  const problem = exemptionProblem(props.exempt, props.reason)
  if (problem) throw new ValidationError([{ field: props.exempt ? 'reason' : 'exempt', message: problem }])
  const exempt = props.exempt || null
  const reason = props.reason.trim()
  await props.store.db.transaction().execute(async (trx) => {
    const actor = recordActor(p, props.actor, props.name, atSecrecyFor(p, doc) ? 'reviewerSecrecy' : 'handler')
    await saveExemption(trx, doc.id, exempt, reason, props.name)
    await appendDocumentEvent(trx, doc.id, actor, {
      kind: exempt ? 'privacyExempt' : 'privacyExemptCleared',
      step: doc.step,
      comment: exempt ? `${exemptionLabel(exempt)}：${reason}` : '',
      onDay: props.today,
    })
  })
}

/**
 * The 保密审查 step's gate, in the approval's transaction: every finding decided (an exempt item's undecided
 * findings are recorded as exempt now), no accepted finding left in an attachment the platform cannot rewrite.
 */
export async function passSecrecyGate(
  trx: Db,
  documentId: number,
  actor: WorkflowActor,
  today: CalendarDay,
  storage: AttachmentStorage = localDiskStorage(),
): Promise<void> {
  const doc = await findDocument(trx, documentId)
  if (!doc) throw new NotFoundError('该信息')
  const s = await reviewState(trx, storage, doc)
  const block = secrecyBlock(s.findings, s.decided, s.exempt !== null, s.nameOf)
  if (block) throw new RuleViolation('privacy', block)
  const open = s.findings.filter((f) => !s.decided.has(findingKey(f)))
  if (!open.length || !s.exempt) return
  const reason = `${exemptionLabel(s.exempt)}：${s.review?.exempt_reason ?? ''}`
  for (const f of open) await savePrivacyDecision(trx, { documentId, ...f, decision: 'exempt', reason }, actor)
  await appendDocumentEvent(trx, documentId, actor, {
    kind: 'privacyDecided',
    step: 'secrecy',
    comment: `${open.length} 项个人信息按${exemptionLabel(s.exempt)}不要求去标识化`,
    onDay: today,
  })
}

/**
 * At publication, in its transaction: the accepted masks applied to the body (portal, search, feeds and API read
 * only the stored body); the body as written kept for the staff record.
 */
export async function maskForPublication(
  trx: Db,
  doc: DocumentRow,
  actor: WorkflowActor,
  today: CalendarDay,
): Promise<void> {
  const version = sha256(doc.body_text)
  const accepted: Finding[] = (await privacyDecisionsOf(trx, doc.id)).flatMap((r) =>
    r.source === BODY_SOURCE &&
    r.version === version &&
    r.decision === 'accept' &&
    isKind(r.kind) &&
    doc.body_text.slice(r.start_at, r.end_at) === r.found
      ? [{ kind: r.kind, start: r.start_at, end: r.end_at, found: r.found, masked: r.masked }]
      : [],
  )
  if (!accepted.length) return
  const masked = maskedBody(doc.body_html, doc.body_text, accepted)
  await keepOriginalBody(trx, doc.id, doc.body_html, doc.body_text)
  await trx
    .updateTable('documents')
    .set({ body_html: masked.html, body_text: masked.text })
    .where('id', '=', doc.id)
    .execute()
  await appendDocumentEvent(trx, doc.id, actor, {
    kind: 'privacyMasked',
    comment: `正文中 ${accepted.length} 项个人信息已按保密审查意见去标识化后公开`,
    onDay: today,
  })
}

/**
 * The demo's 保密审查 reviewer (and only the demo's): accepts every proposed mask of an item at that step, as a
 * careful reviewer would, so that seeded items pass the gate whatever the detector finds.
 */
export async function acceptProposedMasks(
  store: Store,
  documentId: number,
  actor: WorkflowActor,
  today: CalendarDay,
  storage: AttachmentStorage = localDiskStorage(),
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const doc = await findDocument(trx, documentId)
    if (!doc) throw new NotFoundError('该信息')
    const s = await reviewState(trx, storage, doc)
    const open = s.findings.filter((f) => !s.decided.has(findingKey(f)))
    for (const f of open) await savePrivacyDecision(trx, { documentId, ...f, decision: 'accept', reason: '' }, actor)
    if (open.length)
      await appendDocumentEvent(trx, documentId, actor, {
        kind: 'privacyDecided',
        step: 'secrecy',
        comment: `${open.length} 项个人信息：${decisionLabel('accept')}`,
        onDay: today,
      })
  })
}
