import { hostname } from 'node:os'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import type { Store } from '../store/database.js'
import { claimJobRun, finishJobRun } from '../store/jobRunRepo.js'

/**
 * Scheduled jobs that run exactly once across every `gongkai serve` process on one database (decision 0044):
 * each process ticks, and for each due job claims its slot (the day, the hour) in `job_runs`; the primary key
 * lets one claim win, so a job runs once per slot however many instances tick. A run left unfinished by a
 * process that died is taken over after its lease.
 */
export interface ScheduledJob {
  name: string
  /** the slot a run at `now` belongs to: a job runs at most once per slot */
  slotOf(now: Date, today: CalendarDay): string
  run(store: Store, today: CalendarDay): Promise<string>
}

/** The instance name written on each claim: host and process. */
export const INSTANCE = `${hostname()}:${process.pid}`

const LEASE_MS = 30 * 60_000

/** Runs each job whose slot no instance has claimed yet; returns the jobs this instance ran. */
export async function tickJobs(
  store: Store,
  jobs: readonly ScheduledJob[],
  now: Date,
  today: CalendarDay,
  instance = INSTANCE,
): Promise<{ job: string; slot: string; outcome: string }[]> {
  const ran = []
  for (const job of jobs) {
    const slot = job.slotOf(now, today)
    if (!(await claimJobRun(store.db, job.name, slot, instance, LEASE_MS, now.getTime()))) continue
    let outcome: string
    try {
      outcome = await job.run(store, today)
    } catch (err) {
      // the run is recorded as failed; its slot stays claimed, the next slot runs it again
      outcome = `failed: ${err instanceof Error ? err.message : String(err)}`
    }
    await finishJobRun(store.db, job.name, slot, outcome.slice(0, 500))
    ran.push({ job: job.name, slot, outcome })
  }
  return ran
}

/** Ticks every `everyMs` (and once soon after start) until stopped. */
export function startScheduler(
  store: Store,
  jobs: readonly ScheduledJob[],
  clock: { now(): Date; today(): CalendarDay },
  log: (msg: string) => void,
  everyMs = 60_000,
): () => void {
  const tick = () => {
    tickJobs(store, jobs, clock.now(), clock.today())
      .then((ran) => ran.forEach((r) => log(`job ${r.job} ${r.slot}: ${r.outcome}`)))
      .catch((err: unknown) => log(`scheduler failed: ${err instanceof Error ? err.message : String(err)}`))
  }
  const timer = setInterval(tick, everyMs)
  timer.unref()
  const first = setTimeout(tick, 5_000)
  first.unref()
  return () => {
    clearInterval(timer)
    clearTimeout(first)
  }
}
