import type { ApplicantKind, Channel } from '../application/applicant.js'
import { APPLICANT_NAME_MAX_CHARS, DESCRIPTION_MAX_CHARS } from '../application/textLimits.js'
import { APPLICANT_KINDS, CHANNELS } from '../application/applicant.js'
import type { ApplicationEvent, ReceiptBasis } from '../application/events.js'
import type { OutcomeCode } from '../application/outcomes.js'
import { OUTCOMES } from '../application/outcomes.js'
import type { CalendarDay } from '../calendar/calendarDay.js'
import { addDays, compareDays } from '../calendar/calendarDay.js'
import { ledgerDate } from './ledgerDate.js'

// 依申请公开台账 import: the fixed Chinese headers other offices' files and checks rely on (issue 7).
const FIRST_LEDGER_DAY = '2008-01-01'

export const LEDGER_REQUIRED = [
  '编号',
  '收到日期',
  '申请方式',
  '申请人类型',
  '申请人',
  '申请内容',
  '答复日期',
  '办理结果',
] as const
export const LEDGER_OPTIONAL = ['补正告知日期', '补正完成日期', '延期告知日期'] as const
type Header = (typeof LEDGER_REQUIRED)[number] | (typeof LEDGER_OPTIONAL)[number]

export interface LedgerError {
  /** row number as the office sees it in its file (the header is row 1) */
  row: number
  column: string
  message: string
}

/** Something the row does not say, imported anyway and said so (after the import, on the case, in the report's check). */
export type LedgerWarning = LedgerError

/** the mark a case keeps of the ledger's warnings (in its applicant record), counted by the report's check */
export const IMPORT_WARNINGS = 'importWarnings'

export interface LedgerCase {
  row: number
  ref: string
  receivedOn: CalendarDay
  channel: Channel
  applicantKind: ApplicantKind
  applicantName: string
  description: string
  /** the case history the row stands for (registration, 补正, extension, answer) */
  events: ApplicationEvent[]
  /** the row's warnings, kept on the case */
  warnings: string[]
}

const BASIS: Record<Channel, ReceiptBasis> = {
  inPerson: 'submitted',
  letter: 'signedFor',
  online: 'systemConfirmed',
  fax: 'faxConfirmed',
  other: 'submitted',
}
/** a 办理结果 as compared: the printed forms differ in punctuation and quotes (、 or ，, “” or "), and in spaces */
const resultKey = (label: string) => label.replace(/[\s，、,“”"「」]/g, '')
const RESULT_BY_LABEL = new Map<string, OutcomeCode>(OUTCOMES.map((o) => [resultKey(o.label), o.code]))
const list = (labels: readonly { label: string }[]) => labels.map((l) => l.label).join('/')

/** Problems with the header row: missing required columns, unknown ones (a typo would drop a column silently). */
export function checkLedgerHeader(header: readonly string[]): LedgerError[] {
  const errors: LedgerError[] = []
  const known = new Set<string>([...LEDGER_REQUIRED, ...LEDGER_OPTIONAL])
  for (const h of LEDGER_REQUIRED)
    if (!header.includes(h))
      errors.push({ row: 1, column: h, message: `缺少必填列「${h}」（表头应为：${LEDGER_REQUIRED.join(',')}）` })
  header.forEach((h) => {
    if (h && !known.has(h))
      errors.push({ row: 1, column: h, message: `无法识别的列「${h}」（可选列：${LEDGER_OPTIONAL.join(',')}）` })
  })
  const seen = new Set<string>()
  for (const h of header) {
    if (h && seen.has(h)) errors.push({ row: 1, column: h, message: `列「${h}」重复` })
    seen.add(h)
  }
  return errors
}

/**
 * One ledger row → one case with its history, or the row's errors (each naming its row and column).
 * `today` bounds the dates: nothing in a ledger can have happened after it.
 */
export function parseLedgerRow(
  row: number,
  cells: Partial<Record<Header, string>>,
  today: CalendarDay,
): { case?: LedgerCase; errors: LedgerError[]; warnings: LedgerWarning[] } {
  const errors: LedgerError[] = []
  const warnings: LedgerWarning[] = []
  const err = (column: Header, message: string) => errors.push({ row, column, message })
  const text = (h: Header) => (cells[h] ?? '').trim()
  const date = (h: Header, required: boolean): CalendarDay | null => {
    const v = text(h)
    if (!v) {
      if (required) err(h, `请填写${h}（YYYY-MM-DD）`)
      return null
    }
    const day = ledgerDate(v)
    if (!day) {
      err(h, `${h}「${v}」不是有效日期，应为 YYYY-MM-DD、YYYY/M/D、YYYY.M.D、YYYY年M月D日或 Excel 日期`)
      return null
    }
    if (compareDays(day, today) > 0) {
      err(h, `${h}「${v}」晚于今天`)
      return null
    }
    // no act under the 条例 is older than the year it came into force (2008)
    if (day < FIRST_LEDGER_DAY) {
      err(h, `${h}「${v}」早于2008年（《政府信息公开条例》施行之前）`)
      return null
    }
    return day
  }

  const ref = text('编号')
  if (!ref) err('编号', '请填写编号')
  else if (ref.length > 64) err('编号', '编号过长（不超过64个字符）')
  const receivedOn = date('收到日期', true)
  const channel = CHANNELS.find((c) => c.label === text('申请方式'))?.code
  if (!channel) err('申请方式', `申请方式「${text('申请方式')}」无效，应为 ${list(CHANNELS)} 之一`)
  const applicantKind = APPLICANT_KINDS.find((k) => k.label === text('申请人类型'))?.code
  if (!applicantKind) err('申请人类型', `申请人类型「${text('申请人类型')}」无效，应为 ${list(APPLICANT_KINDS)} 之一`)
  const applicantName = text('申请人')
  if (!applicantName) err('申请人', '请填写申请人姓名或名称')
  else if (applicantName.length > APPLICANT_NAME_MAX_CHARS)
    err('申请人', `申请人姓名或名称过长（不超过${APPLICANT_NAME_MAX_CHARS}个字符）`)
  const description = text('申请内容')
  if (!description) err('申请内容', '请填写申请内容')
  else if (description.length > DESCRIPTION_MAX_CHARS)
    err('申请内容', `申请内容过长（${description.length}字，不超过${DESCRIPTION_MAX_CHARS}字）`)
  const answeredOn = date('答复日期', false)
  const resultLabel = text('办理结果')
  const result = resultLabel ? RESULT_BY_LABEL.get(resultKey(resultLabel)) : undefined
  if (resultLabel && !result)
    err(
      '办理结果',
      `办理结果「${resultLabel}」无法识别，应为2021年报告格式表三的行名称（不含序号），如 予以公开、部分公开、本机关不掌握相关政府信息、其他`,
    )
  if (!errors.some((e) => e.column === '答复日期') && Boolean(answeredOn) !== Boolean(resultLabel)) {
    err(answeredOn ? '办理结果' : '答复日期', '答复日期与办理结果应同时填写（尚未办结的两项均留空）')
  }
  const asked = date('补正告知日期', false)
  const completed = date('补正完成日期', false)
  const extendedOn = date('延期告知日期', false)

  // the dates of a case follow each other: 收到 ≤ 补正告知 ≤ 补正完成 ≤ 延期告知 ≤ 答复
  if (receivedOn) {
    const order: [Header, CalendarDay | null][] = [
      ['补正告知日期', asked],
      ['补正完成日期', completed],
      ['延期告知日期', extendedOn],
      ['答复日期', answeredOn],
    ]
    let prev: [Header, CalendarDay] = ['收到日期', receivedOn]
    for (const [h, d] of order) {
      if (!d) continue
      if (compareDays(d, prev[1]) < 0) err(h, `${h}（${d}）早于${prev[0]}（${prev[1]}）`)
      else prev = [h, d]
    }
  }
  if (completed && !asked) err('补正告知日期', '填写了补正完成日期，须同时填写补正告知日期')
  if (asked && !completed && result && result !== 'other.noSupplement') {
    err(
      '补正完成日期',
      '告知补正后未填写补正完成日期的，办理结果只能是「申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请」',
    )
  }
  // 补正告知日期 is an optional column: without it the notice is recorded on the day of receipt, and said so
  // (docs/decisions/0004-ledger-without-notice-date.md)
  const noticeUnknown = result === 'other.noSupplement' && !asked
  if (noticeUnknown)
    warnings.push({
      row,
      column: '补正告知日期',
      message: '办理结果为逾期不补正，但未填写补正告知日期：补正告知按收到日期记录，补正期限无法核对',
    })
  if (result === 'other.noSupplement' && completed) err('补正完成日期', '已补正完成的，办理结果不能是逾期不补正')
  if (extendedOn && asked && !completed) err('延期告知日期', '等待补正期间不能延期')

  if (errors.length || !receivedOn || !channel || !applicantKind) return { errors, warnings: [] }
  const actor = '台账导入'
  const events: ApplicationEvent[] = [
    { kind: 'registered', on: receivedOn, channel, receiptBasis: BASIS[channel], applicantKind, actor },
  ]
  const noticeOn = asked ?? (noticeUnknown ? receivedOn : null)
  if (noticeOn) {
    // the ledger does not say what date was set for completing: 15 days, or the day before the lapse was recorded
    const set = addDays(noticeOn, 15)
    const completeBy =
      result === 'other.noSupplement' && answeredOn && compareDays(answeredOn, set) <= 0 ? addDays(answeredOn, -1) : set
    events.push({
      kind: 'supplementRequested',
      on: noticeOn,
      completeBy: compareDays(completeBy, noticeOn) > 0 ? completeBy : addDays(noticeOn, 1),
      request: asked ? '（台账导入）' : '（台账导入：未填写补正告知日期，按收到日期记录）',
      actor,
    })
  }
  if (completed) events.push({ kind: 'supplementReceived', on: completed, actor })
  if (extendedOn)
    events.push({
      kind: 'extended',
      on: extendedOn,
      days: 20,
      approvedBy: '（台账导入）',
      approvedOn: extendedOn,
      reason: '（台账导入）',
      actor,
    })
  if (answeredOn && result) {
    events.push(
      result === 'other.noSupplement'
        ? { kind: 'supplementLapsed', on: answeredOn, actor }
        : {
            kind: 'answered',
            on: answeredOn,
            items: [{ request: description, result }],
            replyText: '（台账导入）',
            actor,
          },
    )
  }
  return {
    case: {
      row,
      ref,
      receivedOn,
      channel,
      applicantKind,
      applicantName,
      description,
      events,
      warnings: warnings.map((w) => w.message),
    },
    errors,
    warnings,
  }
}
