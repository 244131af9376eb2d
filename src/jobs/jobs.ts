import { pruneRateLimits } from '../services/rateLimits.js'
import { generateScheduledBulletins } from '../services/supervision/scheduledBulletins.js'
import type { ScheduledJob } from './scheduler.js'
import { runReminders, webhookUrlFromEnv } from './reminders.js'

const hourOf = (now: Date) => now.toISOString().slice(0, 13)

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
]
