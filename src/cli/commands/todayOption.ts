/** The day a command counts as today: `--today` when given, else today in Asia/Shanghai. */
export async function todayOption(opt: string | undefined) {
  const { calendarDay, shanghaiDay } = await import('../../domain/calendar/calendarDay.js')
  return opt ? calendarDay(opt) : shanghaiDay(new Date())
}
