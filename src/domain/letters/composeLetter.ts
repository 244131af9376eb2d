import type { CalendarDay } from '../calendar/calendarDay.js'
import type { ApplicationEvent } from '../application/events.js'
import type { AnsweredItem } from '../application/events.js'
import { correctionDecision } from './correction.js'
import type { ApplicantKind } from '../application/applicant.js'
import { applicantCall, LEGACY_CALL } from './addressing.js'
import { decisionOf } from './decisions.js'
import { howToObtain } from './legalBasis.js'
import type { RemedyBodies } from './remedies.js'
import { remediesText } from './remedies.js'
import type { LetterKind } from './templates.js'
import { DEFAULT_TEMPLATES, fillTemplate, LETTER_KINDS, letterDecides, letterTitle } from './templates.js'

/** A letter as data: the same value renders to printable HTML and to DOCX. */
export interface Letter {
  kind: LetterKind
  title: string
  number: string
  addressee: string
  paragraphs: string[]
  remedies: string[]
  signer: string
  date: CalendarDay
}

export interface LetterFacts {
  agencyName: string
  bodies: RemedyBodies
  ref: string
  applicantName: string
  /** 自然人 or a kind of 法人或其他组织: how the letter calls the applicant (addressing.ts) */
  applicantKind?: ApplicantKind
  receivedOn: CalendarDay
  description: string
  delivery: string
  /** the event the letter belongs to */
  event: ApplicationEvent
  /** computed by the clock where the letter states a date */
  deadline?: CalendarDay | null
  consultationLimit?: CalendarDay | null
  feeBasis?: string
  /** a notice to a third party: when it was consulted (第三十二条) */
  consultedOn?: CalendarDay | null
  /** a correction answer: the request it answers (第四十一条) */
  correctionRequest?: { on: CalendarDay; request: string } | null
}

const KIND_OF_EVENT: Partial<Record<ApplicationEvent['kind'], LetterKind>> = {
  answered: 'reply',
  supplementRequested: 'supplement',
  extended: 'extension',
  consultationStarted: 'consultation',
  feeNoticed: 'fee',
  supplementLapsed: 'closure',
  feeLapsed: 'closure',
  thirdPartyNotified: 'thirdPartyNotice',
  correctionAnswered: 'correction',
}

/** Which letter an event produces (null when it produces none). */
export function letterKindOf(event: ApplicationEvent): LetterKind | null {
  if (event.kind === 'consultationStarted' && event.party !== 'thirdParty') return null
  return KIND_OF_EVENT[event.kind] ?? null
}

/** The decisions and their articles, item by item (a multi-item answer names each request). */
function decided(items: readonly AnsweredItem[]): { decision: string; basis: string } {
  const ds = items.map(decisionOf)
  return {
    decision: ds
      .map((d, i) => (items.length > 1 ? `「${items[i]?.request ?? ''}」：${d.sentence}` : d.sentence))
      .join('；'),
    basis: [...new Set(ds.flatMap((d) => d.articles))].join('、'),
  }
}

/** Composes a letter from the case facts and the agency's template (or the default). Pure. */
export function composeLetter(kind: LetterKind, f: LetterFacts, template: string = DEFAULT_TEMPLATES[kind]): Letter {
  const e = f.event
  const values: Record<string, string> = {
    机关: f.agencyName,
    申请人: f.applicantName,
    称谓: applicantCall(f.applicantKind, f.applicantName),
    编号: f.ref,
    收到日期: formatDay(f.receivedOn),
    申请内容: f.description,
    今天: formatDay(e.on),
  }
  let items: AnsweredItem[] = []
  if (e.kind === 'answered') {
    items = e.items
    const d = decided(items)
    values['决定'] = d.decision
    values['依据'] = d.basis
    values['答复内容'] = e.replyText
    values['获取方式'] = [...new Set(items.map((i) => howToObtain(i.result, f.delivery)).filter(Boolean))].join('')
  } else if (e.kind === 'supplementLapsed' || e.kind === 'feeLapsed') {
    items = [{ request: f.description, result: e.kind === 'feeLapsed' ? 'other.unpaidFee' : 'other.noSupplement' }]
    Object.assign(values, { 决定: decided(items).decision, 依据: decided(items).basis })
  } else if (e.kind === 'supplementRequested') {
    values['补正事项'] = e.request
    values['补正期限'] = formatDay(e.completeBy)
  } else if (e.kind === 'extended') {
    values['延期理由'] = e.reason
    values['延长天数'] = String(e.days)
    values['新期限'] = f.deadline ? formatDay(f.deadline) : ''
  } else if (e.kind === 'consultationStarted') {
    values['第三方'] = e.with
    values['征求期限'] = f.consultationLimit ? formatDay(f.consultationLimit) : ''
  } else if (e.kind === 'feeNoticed') {
    values['金额'] = e.amountYuan.toFixed(2)
    values['计费依据'] = f.feeBasis ?? ''
  } else if (e.kind === 'thirdPartyNotified') {
    values['第三方'] = e.with
    values['征求日期'] = f.consultedOn ? formatDay(f.consultedOn) : ''
    values['公开内容'] = e.content
    values['公开理由'] = e.reason
  } else if (e.kind === 'correctionAnswered') {
    values['更正申请日期'] = f.correctionRequest ? formatDay(f.correctionRequest.on) : ''
    values['更正内容'] = f.correctionRequest?.request ?? ''
    values['更正决定'] = correctionDecision(e)
    values['答复内容'] = e.text
  }
  const toThirdParty = kind === 'consultation' || kind === 'thirdPartyNotice'
  return {
    kind,
    title: letterTitle(kind),
    // the case number and the letter's kind in words, e.g. 2026-00005-答复 (one letter of each kind per step)
    number: `${f.ref}-${LETTER_KINDS.find((k) => k.code === kind)?.short ?? kind}`,
    addressee: toThirdParty ? '' : `${f.applicantName}：`,
    // an agency's template saved before {称谓} existed says 您（单位）: it is read as the placeholder
    paragraphs: fillTemplate(template.replaceAll(LEGACY_CALL, '{称谓}'), values),
    // 行政复议法 2023 第二十条第三款: a decision states the review right, body and period; a notice that decides nothing does not
    remedies: letterDecides(kind) ? remediesText(items, e.on, f.bodies) : [],
    signer: f.agencyName,
    date: e.on,
  }
}

/** 2025-01-09 → 2025年1月9日 */
export function formatDay(day: CalendarDay): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}
