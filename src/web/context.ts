import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { shanghaiDay, shanghaiTime } from '../domain/calendar/calendarDay.js'
import type { Store } from '../store/database.js'
import type { Transports } from '../services/notifications/transports.js'

/** What every route plugin is handed: the store and the clock (tests pass a fixed `today`). */
export interface AppContext {
  store: Store
  today(): CalendarDay
  /** the present instant (a server passes it; tests with a fixed `today` may leave it out: no time of day then) */
  now?(): Date
  /** the site's public address for links that leave the page (sitemap, feeds, JSON API); never a request's Host */
  publicUrl?: string
  /** messages to applicants: sent from the outbox every `everyMs` while the server runs (none: queued only) */
  messaging?: { transports: Transports; everyMs: number }
}

/** The time of day of a submission, 'HH:MM' in Asia/Shanghai, when the context knows the instant. */
export function timeOfDay(ctx: AppContext): string | undefined {
  return ctx.now ? shanghaiTime(ctx.now()) : undefined
}

export function systemToday(): CalendarDay {
  return shanghaiDay(new Date())
}
