import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { yearOf } from '../../domain/calendar/calendarDay.js'
import type { BulletinFigures, BulletinText } from '../../domain/supervision/bulletin.js'
import { bulletinFigures, bulletinText, draftBulletinText } from '../../domain/supervision/bulletin.js'
import { periodLabel, periodOf } from '../../domain/supervision/period.js'
import type { ScoreWeights } from '../../domain/supervision/score.js'
import { appendAudit } from '../../store/auditRepo.js'
import type { Store } from '../../store/database.js'
import type { BulletinRow } from '../../store/supervisionRepo.js'
import {
  findBulletinById,
  listBulletins,
  markBulletinPublished,
  saveBulletinDraft,
  updateBulletinText,
} from '../../store/supervisionRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { zodErrors } from '../registerApplication.js'
import { reportCollection } from './reportCollection.js'
import { supervisionOverview } from './supervisionOverview.js'
import { supervisionScope } from './supervisionScope.js'

export interface Bulletin extends BulletinRow {
  parsed: BulletinFigures
  rootName: string
}

/**
 * Generates (or regenerates, while a draft) the 通报 of the actor's subtree for a quarter: the quarter's
 * figures and ranking under the supervisor's weights, the agencies with overdue cases today, and those whose
 * last annual report is missing, late or fails the auditor's checks. The draft's text is written from them.
 */
export async function generateBulletin(props: {
  store: Store
  actor: Actor
  rootId?: number | null
  year: number
  quarter: number
  weights: ScoreWeights
  today: CalendarDay
}): Promise<number> {
  const { store, actor, today } = props
  const period = periodOf(props.year, props.quarter)
  const o = await supervisionOverview({
    store,
    actor,
    rootId: props.rootId,
    period,
    weights: props.weights,
    sort: 'tree',
    today,
  })
  authorize(actor, 'supervision.publish', { agencyId: o.scope.root.id })
  const collection = await reportCollection({ store, actor, rootId: o.scope.root.id, year: yearOf(today) - 1, today })
  const figures: BulletinFigures = {
    root: o.scope.root.name,
    period: periodLabel(period),
    asOf: today,
    weights: { ...props.weights },
    lines: o.lines.map((l) => ({
      agency: l.agency.name,
      depth: l.agency.depth,
      received: l.now.received,
      answered: l.now.answered,
      onTime: l.now.onTime,
      late: l.now.late,
      overdueNow: l.now.overdueNow,
      correctedRate: l.now.correctedRate,
      proactive: l.now.proactive,
      score: l.score,
      rank: l.rank,
    })),
    total: {
      received: o.total.now.received,
      answered: o.total.now.answered,
      onTime: o.total.now.onTime,
      overdueNow: o.total.now.overdueNow,
    },
    overdue: o.lines
      .filter((l) => l.now.overdueNow > 0)
      .map((l) => ({ agency: l.agency.name, count: l.now.overdueNow })),
    reports: collection.reports.flatMap((r) => {
      const label = `${collection.year}年度报告`
      if (r.status === 'missing') return [{ agency: r.agency.name, issue: `${label}逾期未发布（应于${r.due}前发布）` }]
      const issues = []
      if (r.status !== 'generated' && r.late) issues.push(`${label}晚于${r.due}发布`)
      if (r.status !== 'generated' && r.findings.length) issues.push(`${label}有${r.findings.length}处数据不一致`)
      return issues.map((issue) => ({ agency: r.agency.name, issue }))
    }),
  }
  const text = draftBulletinText(figures)
  return store.db.transaction().execute(async (trx) => {
    const id = await saveBulletinDraft(trx, {
      rootAgencyId: o.scope.root.id,
      year: props.year,
      quarter: props.quarter,
      ...text,
      figures: JSON.stringify(figures),
      by: actor.username,
    })
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'bulletin.generate',
      targetType: 'bulletin',
      targetId: id,
      detail: { root: o.scope.root.id, year: props.year, quarter: props.quarter },
    })
    return id
  })
}

async function readable(store: Store, actor: Actor, id: number): Promise<Bulletin> {
  const b = await findBulletinById(store.db, id)
  if (!b) throw new NotFoundError('该通报')
  authorize(actor, 'supervision.read', { agencyId: b.rootAgencyId }, '该通报不在您的监督范围内')
  const scope = await supervisionScope(store, actor, b.rootAgencyId)
  return { ...b, parsed: bulletinFigures.parse(JSON.parse(b.figures)), rootName: scope.root.name }
}

/** One 通报 of the actor's subtree. */
export async function bulletinOf(props: { store: Store; actor: Actor; id: number }): Promise<Bulletin> {
  return readable(props.store, props.actor, props.id)
}

/** The 通报 of the actor's subtree, newest quarter first. */
export async function listSupervisionBulletins(props: { store: Store; actor: Actor }): Promise<BulletinRow[]> {
  const scope = await supervisionScope(props.store, props.actor)
  return listBulletins(props.store.db, [scope.root.id])
}

/** Saves the text a supervisor edited; a published 通报 is not changed. */
export async function editBulletin(props: {
  store: Store
  actor: Actor
  id: number
  text: BulletinText
}): Promise<void> {
  const b = await readable(props.store, props.actor, props.id)
  authorize(props.actor, 'supervision.publish', { agencyId: b.rootAgencyId })
  if (b.status === 'published') throw new ValidationError([{ field: 'title', message: '通报已发布，不能再修改' }])
  const parsed = bulletinText.safeParse(props.text)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  await props.store.db.transaction().execute(async (trx) => {
    await updateBulletinText(trx, b.id, parsed.data)
    await appendAudit(trx, {
      ...auditActor(props.actor),
      action: 'bulletin.edit',
      targetType: 'bulletin',
      targetId: b.id,
      detail: { title: parsed.data.title, docNo: parsed.data.docNo },
    })
  })
}

/** Publishes a draft: from then on its text and figures stand as they are. */
export async function publishBulletin(props: { store: Store; actor: Actor; id: number }): Promise<void> {
  const b = await readable(props.store, props.actor, props.id)
  authorize(props.actor, 'supervision.publish', { agencyId: b.rootAgencyId })
  if (b.status === 'published') return
  await props.store.db.transaction().execute(async (trx) => {
    await markBulletinPublished(trx, b.id, props.actor.username)
    await appendAudit(trx, {
      ...auditActor(props.actor),
      action: 'bulletin.publish',
      targetType: 'bulletin',
      targetId: b.id,
      detail: { title: b.title },
    })
  })
}
