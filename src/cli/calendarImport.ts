import { readFileSync } from 'node:fs'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { dayStatus } from '../domain/calendar/calendarDiff.js'
import { addDays } from '../domain/calendar/calendarDay.js'
import { systemActor } from '../services/actor.js'
import { enterYearNotice } from '../services/calendarAdmin.js'
import { ValidationError } from '../services/errors.js'
import { loadWorkCalendar } from '../store/calendarRepo.js'
import { systemToday } from '../web/context.js'
import { withStore } from './withStore.js'

export async function importYearFile(file: string): Promise<number> {
  let input: unknown
  try {
    input = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    process.stderr.write(`错误：无法读取 ${file}：${err instanceof Error ? err.message : String(err)}\n`)
    return 2
  }
  try {
    const { notice, changes, refreshed } = await withStore((store) =>
      enterYearNotice({ store, actor: systemActor('cli'), notice: input, today: systemToday() }),
    )
    const diff = changes.map((c) => `  ${c.day}：${c.before} → ${c.after}`)
    process.stdout.write(
      [
        `已录入 ${notice.year} 年放假安排：放假 ${notice.holidays.length} 天，调休上班 ${notice.workdays.length} 天（整年替换原有安排）；已重新计算 ${refreshed} 件未办结申请的期限`,
        changes.length ? `变动的日期（${changes.length} 天）：` : '没有日期发生变动',
        ...diff,
      ].join('\n') + '\n',
    )
    return 0
  } catch (err) {
    if (err instanceof ValidationError) {
      for (const e of err.errors) process.stderr.write(`错误：${e.field}：${e.message}\n`)
      return 1
    }
    throw err
  }
}

export async function showYear(year: number): Promise<number> {
  return withStore(async (store) => {
    const cal = await loadWorkCalendar(store.db)
    const lines: string[] = []
    for (let d = `${year}-01-01` as CalendarDay; d.startsWith(String(year)); d = addDays(d, 1)) {
      const status = dayStatus(d, cal)
      if (status !== '上班' && status !== '休息日') lines.push(`${d} ${status}`)
    }
    const known = cal.knownYears.has(year)
    const note = known ? '' : '（未录入放假通知：按《全国年节及纪念日放假办法》第二条的节日暂定，调休未知）'
    process.stdout.write(`${year} 年${note}\n${lines.join('\n')}\n`)
    return 0
  })
}
