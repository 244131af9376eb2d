import type { WorkCalendar } from '../domain/calendar/workCalendar.js'

/** The CLI's provisional-date warning, on stderr so that --json output stays one object. */
export function warnProvisional(cal: WorkCalendar): void {
  const last = Math.max(...cal.knownYears)
  process.stderr.write(
    `警告：结果涉及尚未录入放假安排的年份（已知至 ${last} 年），已按周末和《全国年节及纪念日放假办法》规定的节日（元旦、春节、清明、劳动节、端午、中秋、国庆）推算，为暂定日期；` +
      `请管理员录入该年国务院放假通知（gongkai calendar import）后重新计算。\n`,
  )
}
