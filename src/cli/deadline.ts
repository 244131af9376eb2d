import { existsSync } from 'node:fs'
import { calendarDay, isCalendarDay } from '../domain/calendar/calendarDay.js'
import type { WorkCalendar } from '../domain/calendar/workCalendar.js'
import { buildWorkCalendar } from '../domain/calendar/workCalendar.js'
import { computeClock } from '../domain/application/clock.js'
import { packageCalendarData } from '../store/packageCalendar.js'
import { warnProvisional } from './provisional.js'

/**
 * The calendar for a command that needs no database: the package's data, plus the admin's overrides when
 * the configured SQLite database already exists (its driver is loaded only then).
 */
async function calendarForCli(): Promise<WorkCalendar> {
  const url = process.env.GONGKAI_DB?.trim() || 'sqlite:./data/gongkai.db'
  const hasDb = url.startsWith('postgres') || (url.startsWith('sqlite:') && existsSync(url.slice(7)))
  if (!hasDb) return buildWorkCalendar(packageCalendarData())
  const { openStore } = await import('../store/database.js')
  const { loadWorkCalendar } = await import('../store/calendarRepo.js')
  const store = await openStore(url)
  try {
    return await loadWorkCalendar(store.db)
  } catch {
    // a database not migrated yet holds no overrides
    return buildWorkCalendar(packageCalendarData())
  } finally {
    await store.close()
  }
}

export async function runDeadline(opts: { received: string; json?: boolean }): Promise<number> {
  if (!isCalendarDay(opts.received)) {
    process.stderr.write(`错误：--received 应为有效日期 YYYY-MM-DD，收到「${opts.received}」\n`)
    return 2
  }
  const received = calendarDay(opts.received)
  const cal = await calendarForCli()
  const clock = computeClock(
    [
      {
        kind: 'registered',
        on: received,
        channel: 'inPerson',
        receiptBasis: 'submitted',
        applicantKind: 'naturalPerson',
      },
    ],
    cal,
    received,
  )
  const result = {
    received,
    supplementBy: clock.supplementBy.day,
    dueBy: clock.dueBy?.day,
    dueByExtended: clock.dueByExtended?.day,
  }
  if (clock.provisional) warnProvisional(cal)
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(clock.provisional ? { ...result, provisional: true } : result)}\n`)
  } else {
    const mark = (p: boolean | undefined) => (p ? '（暂定）' : '')
    process.stdout.write(
      [
        `收到申请之日：${received}`,
        `补正告知最迟：${result.supplementBy}${mark(clock.supplementBy.provisional)}（《条例》第三十条，7个工作日）`,
        `答复期限：${result.dueBy}${mark(clock.dueBy?.provisional)}（第三十三条，20个工作日）`,
        `延期后期限：${result.dueByExtended}${mark(clock.dueByExtended?.provisional)}（第三十三条第二款，再延长不超过20个工作日）`,
      ].join('\n') + '\n',
    )
  }
  return 0
}
