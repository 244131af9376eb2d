import { existsSync } from 'node:fs'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { addDays, calendarDay, isCalendarDay } from '../domain/calendar/calendarDay.js'
import type { WorkCalendar } from '../domain/calendar/workCalendar.js'
import { buildWorkCalendar } from '../domain/calendar/workCalendar.js'
import { computeClock } from '../domain/application/clock.js'
import type { ApplicationEvent } from '../domain/application/events.js'
import type { LetterChannel } from '../domain/application/receipt.js'
import { confirmedReceiptDay, LETTER_CHANNEL_CODES } from '../domain/application/receipt.js'
import { appendChecked, RuleViolation } from '../domain/application/rules.js'
import { IllegalTransition } from '../domain/application/states.js'
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

export interface DeadlineOptions {
  received: string
  json?: boolean
  /** 第三十一条第（三）项: --received is the day of an online submission made at this time ('HH:MM') */
  onlineAt?: string
  supplementRequested?: string
  supplementReceived?: string
  /** 'SENT[/RECEIVED][~ENDED]', third party (第三十二条) or other agency (第三十四条) */
  consultation?: string[]
  agencyConsultation?: string[]
  /** 'SENT[/RECEIVED][~PAID]' (国办函〔2020〕109号) */
  fee?: string[]
  /** 'DAYS@NOTIFIED' (第三十三条第二款) */
  extension?: string[]
  /** how letters without a receipt date went out (decision 0006) */
  via?: string
  today?: string
}

class BadOption extends Error {}

function day(option: string, s: string | undefined): CalendarDay {
  if (s === undefined || !isCalendarDay(s)) throw new BadOption(`${option} 应为有效日期 YYYY-MM-DD，收到「${s ?? ''}」`)
  return calendarDay(s)
}

/** 'SENT[/RECEIVED][~END]' → the days. */
function letterSpan(option: string, spec: string) {
  const [head = '', end] = spec.split('~')
  const [sent, received] = head.split('/')
  return {
    on: day(option, sent),
    ...(received ? { receivedOn: day(option, received) } : {}),
    end: end ? day(option, end) : undefined,
  }
}

function isLetterChannel(s: string): s is LetterChannel {
  return LETTER_CHANNEL_CODES.some((c) => c === s)
}

/** The case history the options describe, in date order after the registration. */
function historyOf(o: DeadlineOptions, cal: WorkCalendar): { events: ApplicationEvent[]; received: CalendarDay } {
  const submitted = day('--received', o.received)
  const online = o.onlineAt !== undefined
  if (online && !/^([01]\d|2[0-3]):[0-5]\d$/.test(o.onlineAt ?? ''))
    throw new BadOption(`--online-at 应为 HH:MM，收到「${o.onlineAt}」`)
  const received = online ? confirmedReceiptDay(submitted, o.onlineAt, cal) : submitted
  const via = o.via ?? 'post'
  if (!isLetterChannel(via)) throw new BadOption(`--via 应为 ${LETTER_CHANNEL_CODES.join('、')} 之一，收到「${via}」`)
  const channel = online ? 'online' : 'inPerson'
  const later: ApplicationEvent[] = []
  if (o.supplementRequested) {
    const on = day('--supplement-requested', o.supplementRequested)
    // the set date matters only to a lapse, which this command does not record
    later.push({
      kind: 'supplementRequested',
      on,
      completeBy: addDays(on, 60),
      request: '补正',
    })
  }
  if (o.supplementReceived)
    later.push({ kind: 'supplementReceived', on: day('--supplement-received', o.supplementReceived) })
  const letters = (option: string, specs: string[] | undefined, party: 'thirdParty' | 'otherAgency') => {
    for (const spec of specs ?? []) {
      const { end, ...l } = letterSpan(option, spec)
      later.push({ kind: 'consultationStarted', party, with: '（命令行）', via, ...l })
      if (end) later.push({ kind: 'consultationEnded', on: end, reply: '（命令行）' })
    }
  }
  letters('--consultation', o.consultation, 'thirdParty')
  letters('--agency-consultation', o.agencyConsultation, 'otherAgency')
  for (const spec of o.fee ?? []) {
    const { end, ...l } = letterSpan('--fee', spec)
    later.push({ kind: 'feeNoticed', amountYuan: 1, via, ...l })
    if (end) later.push({ kind: 'feePaid', on: end })
  }
  for (const spec of o.extension ?? []) {
    const [days, on] = spec.split('@')
    if (!/^\d+$/.test(days ?? '')) throw new BadOption(`--extension 应为 天数@告知日期，收到「${spec}」`)
    const notified = day('--extension', on)
    const e = {
      kind: 'extended',
      on: notified,
      days: Number(days),
      approvedBy: '（命令行）',
      approvedOn: notified,
      reason: '（命令行）',
    } as const
    later.push(e)
  }
  // a stable sort: events of the same day keep the order above (a pause is opened before it is closed)
  later.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
  const registered: ApplicationEvent = {
    kind: 'registered',
    on: received,
    channel,
    receiptBasis: online ? 'systemConfirmed' : 'submitted',
    applicantKind: 'naturalPerson',
    ...(online && received !== submitted ? { submitted: { on: submitted, at: o.onlineAt } } : {}),
  }
  return { events: [registered, ...later], received }
}

const PAUSE_LABELS = {
  thirdPartyConsultation: '征求第三方意见',
  agencyConsultation: '征求其他机关意见',
  feeNotice: '收费通知至缴费',
}

export async function runDeadline(opts: DeadlineOptions): Promise<number> {
  const cal = await calendarForCli()
  let events: ApplicationEvent[]
  let received: CalendarDay
  let today: CalendarDay
  try {
    ;({ events, received } = historyOf(opts, cal))
    today = opts.today ? day('--today', opts.today) : (events.at(-1)?.on ?? received)
    // every step is checked as the console checks it (第三十条、第三十三条、109号 …)
    events.slice(1).reduce<ApplicationEvent[]>((h, e) => appendChecked(h, e, cal), events.slice(0, 1))
  } catch (err) {
    if (err instanceof BadOption) {
      process.stderr.write(`错误：${err.message}\n`)
      return 2
    }
    if (err instanceof RuleViolation || err instanceof IllegalTransition) {
      process.stderr.write(`错误：${err.message}\n`)
      return 1
    }
    throw err
  }
  const clock = computeClock(events, cal, today)
  const withEvents = events.length > 1 || received !== opts.received
  const result = {
    received,
    supplementBy: clock.supplementBy.day,
    dueBy: clock.dueBy?.day,
    dueByExtended: clock.dueByExtended?.day,
    ...(withEvents
      ? {
          periodStartsOn: clock.periodStartsOn,
          deadline: clock.deadline?.day,
          extensionDays: clock.extension?.days ?? 0,
          pauses: clock.pauses.map((p) => ({
            kind: p.kind,
            sent: p.from,
            receivedOn: p.receivedOn,
            receiptPresumed: p.receiptPresumed,
            limit: p.limit,
            to: p.to,
            workingDays: p.workingDays,
          })),
        }
      : {}),
  }
  if (clock.provisional) warnProvisional(cal)
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(clock.provisional ? { ...result, provisional: true } : result)}\n`)
    return 0
  }
  const mark = (p: boolean | undefined) => (p ? '（暂定）' : '')
  const lines = [
    `收到申请之日：${received}${received !== opts.received ? `（${opts.received} ${opts.onlineAt ?? ''} 提交，第三十一条第（三）项：下一个工作日确认）` : ''}`,
    `补正告知最迟：${result.supplementBy}${mark(clock.supplementBy.provisional)}（《条例》第三十条，7个工作日）`,
    ...(withEvents && clock.periodStartsOn !== received
      ? [`答复期限起算：${clock.periodStartsOn ?? '待补正'}（第三十条：收到补正之日）`]
      : []),
    ...clock.pauses.map(
      (p) =>
        `不计入期限：${PAUSE_LABELS[p.kind]} ${p.from} 发出，${p.receivedOn}${p.receiptPresumed ? '（推定）' : ''} 收到，法定期限至 ${p.limit}，扣除 ${p.workingDays} 个工作日`,
    ),
    `答复期限：${result.dueBy ?? '待补正'}${mark(clock.dueBy?.provisional)}（第三十三条，20个工作日）`,
    clock.extension
      ? `已延期 ${clock.extension.days} 个工作日（${clock.extension.grants} 次），期限：${result.dueByExtended}${mark(clock.dueByExtended?.provisional)}（第三十三条第二款）`
      : `延期后期限：${result.dueByExtended ?? '待补正'}${mark(clock.dueByExtended?.provisional)}（第三十三条第二款，再延长不超过20个工作日）`,
  ]
  process.stdout.write(lines.join('\n') + '\n')
  return 0
}
