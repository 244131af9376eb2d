import { pruneRateLimits } from '../services/rateLimits.js'
import { generateScheduledBulletins } from '../services/supervision/scheduledBulletins.js'
import { systemActor } from '../services/actor.js'
import { writeAuditAnchor } from '../services/auditLog.js'
import { runRetention } from '../services/retention/runRetention.js'
import type { ScheduledJob } from './scheduler.js'
import { runReminders, webhookUrlFromEnv } from './reminders.js'

const hourOf = (now: Date) => now.toISOString().slice(0, 13)

/** The audit anchor's slot: its period is GONGKAI_AUDIT_ANCHOR_EVERY_MIN minutes (default 60) since the epoch. */
export function anchorSlot(now: Date, env: NodeJS.ProcessEnv = process.env): string {
  const every = Math.max(1, Number(env.GONGKAI_AUDIT_ANCHOR_EVERY_MIN) || 60)
  return `every${every}m:${Math.floor(now.getTime() / (every * 60_000))}`
}

/** The server's scheduled jobs: reminders daily, rate-limit pruning hourly, 通报 drafts once a quarter. */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  {
    name: 'reminders',
    slotOf: (_now, today) => today,
    run: async (store, today) => {
      const r = await runReminders(store, today, { webhookUrl: webhookUrlFromEnv() })
      return `created ${r.created.length}, reports ${r.reports.length}, webhook ${r.webhook.sent}/${r.webhook.failed}`
    },
  },
  {
    name: 'pruneRateLimits',
    slotOf: (now) => hourOf(now),
    run: async (store) => `pruned ${await pruneRateLimits(store.db)}`,
  },
  {
    name: 'bulletins',
    // the quarter that ended last: drafts are made once, on the first tick of a new quarter
    slotOf: (_now, today) => `${today.slice(0, 4)}Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`,
    run: async (store, today) => `drafts ${await generateScheduledBulletins(store, today)}`,
  },
  {
    // decision 0034's checkpoint of the audit chain, once per period across instances (decision 0049): two
    // instances appending to one anchor file at once would each write the same anchor number
    name: 'auditAnchor',
    slotOf: (now) => anchorSlot(now),
    run: async (store) => {
      const a = await writeAuditAnchor(store.db, { ifMoved: true })
      return a ? `anchor #${a.n}: seq ${a.seq}, SM3 ${a.hash}` : 'head unchanged'
    },
  },
  {
    // issue 17 point 4 (decision 0048): applicants' personal data past the agency's retention periods, daily
    name: 'retention',
    slotOf: (_now, today) => today,
    run: async (store, today) => {
      const r = await runRetention({ store, actor: systemActor('job:retention'), today })
      return `anonymised ${r.casesAnonymised}, files ${r.filesRemoved}, messages ${r.messagesCleared}, batches ${r.batches}`
    },
  },
]
