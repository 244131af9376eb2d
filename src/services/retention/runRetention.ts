import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { anonymisationDue, isDue } from '../../domain/retention/anonymisationDue.js'
import type { RetentionPeriods } from '../../domain/retention/periods.js'
import { retentionPeriodsOf } from '../../domain/retention/periods.js'
import { listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import type { RetentionCandidate, RetentionCounts } from '../../store/retentionRepo.js'
import {
  clearMessageTexts,
  finishRetentionRun,
  insertRetentionRun,
  countRetentionCandidates,
  listRetentionCandidates,
  markRetentionStep,
  removeApplicantFiles,
} from '../../store/retentionRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { forgetApplicant } from './applicantData.js'

export interface RunRetentionProps {
  store: Store
  actor: Actor
  today: CalendarDay
  /** count what is due, change nothing (the run is still recorded, marked as a dry run) */
  dryRun?: boolean
  /** cases per transaction: short transactions keep the portal and console answering while the job runs */
  batchSize?: number
  /** called after each batch: cases looked at so far */
  onProgress?: (seen: number) => void
}

export interface RetentionRunResult extends RetentionCounts {
  runId: number
  casesSeen: number
  dryRun: boolean
}

type Step = { c: RetentionCandidate; files: boolean; messages: boolean; whole: boolean }

/** What is due for one case today under its agency's periods (domain/retention/anonymisationDue.ts). */
function stepOf(c: RetentionCandidate, periods: RetentionPeriods, today: CalendarDay): Step | null {
  const due = anonymisationDue(
    {
      state: c.state,
      concludedOn: c.concludedOn as CalendarDay,
      reviews: c.reviews.map((r) => ({
        filedOn: r.filedOn as CalendarDay,
        decidedOn: r.decidedOn as CalendarDay | null,
      })),
    },
    periods,
  )
  if (due.status !== 'scheduled') return null
  const whole = isDue(due.caseDue, today)
  const files = !c.filesOn && (whole || isDue(due.filesDue, today))
  const messages = !c.messagesOn && (whole || isDue(due.messagesDue, today))
  return whole || files || messages ? { c, files, messages, whole } : null
}

/**
 * 《个人信息保护法》第四十七条 (the period agreed or needed has passed): anonymises applicants' personal data in
 * closed cases past the agency's retention periods (decision 0048), through the personal-data store's
 * `forgetApplicant`, batch by batch, each batch one short transaction with its own audit entry. Every fact a
 * report counts (kind of applicant, dates, outcome, reviews) stays. The run is recorded for the staff page.
 */
export async function runRetention(p: RunRetentionProps): Promise<RetentionRunResult> {
  authorize(p.actor, 'agency.manage', undefined, '只有系统管理员可以执行个人信息保存期限任务')
  const dryRun = p.dryRun ?? false
  const size = Math.max(1, p.batchSize ?? 50)
  const periods = new Map(
    (await listAgencies(p.store.db)).map((a) => [a.id, retentionPeriodsOf(a.settings.retention)] as const),
  )
  const runId = await insertRetentionRun(p.store.db, {
    today: p.today,
    dryRun,
    actor: p.actor.username,
    startedAt: nowIso(),
  })
  const counts: RetentionCounts = { casesAnonymised: 0, filesRemoved: 0, messagesCleared: 0, batches: 0 }
  let seen = 0
  let after = 0
  for (;;) {
    const batch = await listRetentionCandidates(p.store.db, after, size)
    if (batch.length === 0) break
    after = batch[batch.length - 1]?.id ?? after
    seen += batch.length
    const steps = batch.flatMap((c) => {
      const s = stepOf(c, periods.get(c.agencyId) ?? retentionPeriodsOf(undefined), p.today)
      return s ? [s] : []
    })
    if (steps.length > 0 && dryRun) {
      counts.casesAnonymised += steps.filter((s) => s.whole).length
      counts.batches += 1
    } else if (steps.length > 0) {
      const done = await p.store.db.transaction().execute(async (trx) => {
        const d = { cases: [] as number[], files: 0, messages: 0 }
        for (const s of steps) {
          const mark = (step: 'files_on' | 'messages_on' | 'case_on') =>
            markRetentionStep(trx, { applicationId: s.c.id, agencyId: s.c.agencyId, runId, step, on: p.today })
          // the case first: the vault gives up its unsent messages, whose text then goes with the sent ones'
          if (s.whole) {
            await forgetApplicant(trx, s.c.id, p.today)
            await mark('case_on')
            d.cases.push(s.c.id)
          }
          if (s.files || s.whole) d.files += await removeApplicantFiles(trx, s.c.id)
          if (s.files || s.whole) await mark('files_on')
          if (s.messages || s.whole) d.messages += await clearMessageTexts(trx, s.c.id)
          if (s.messages || s.whole) await mark('messages_on')
        }
        await appendAudit(trx, {
          ...auditActor(p.actor),
          action: 'retention.batch',
          targetType: 'retention',
          targetId: runId,
          detail: { today: p.today, anonymised: d.cases, filesRemoved: d.files, messagesCleared: d.messages },
        })
        return d
      })
      counts.casesAnonymised += done.cases.length
      counts.filesRemoved += done.files
      counts.messagesCleared += done.messages
      counts.batches += 1
    }
    p.onProgress?.(seen)
  }
  const outcome = `${dryRun ? '试运行：' : ''}到期 ${counts.casesAnonymised} 件已匿名化，删除附件 ${counts.filesRemoved} 个，清除消息正文 ${counts.messagesCleared} 条`
  await finishRetentionRun(p.store.db, runId, { ...counts, finishedAt: nowIso(), outcome })
  return { ...counts, runId, casesSeen: seen, dryRun }
}

/** How many closed cases a run will look at (the CLI's progress bar). */
export async function retentionWorkload(store: Store): Promise<number> {
  return countRetentionCandidates(store.db)
}
