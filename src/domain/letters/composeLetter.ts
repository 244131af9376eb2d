import type { CalendarDay } from '../calendar/calendarDay.js'
import type { ApplicationEvent } from '../application/events.js'
import type { ItemResult } from '../application/outcomes.js'
import { ANSWER_KINDS, isOutcomeCode, outcomeLabel } from '../application/outcomes.js'
import { howToObtain, LEGAL_BASIS } from './legalBasis.js'
import type { RemedyBodies } from './remedies.js'
import { remediesText } from './remedies.js'
import type { LetterKind } from './templates.js'
import { DEFAULT_TEMPLATES, fillTemplate, LETTER_KINDS, letterTitle } from './templates.js'

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
  receivedOn: CalendarDay
  description: string
  delivery: string
  /** the event the letter belongs to */
  event: ApplicationEvent
  /** computed by the clock where the letter states a date */
  deadline?: CalendarDay | null
  consultationLimit?: CalendarDay | null
  feeBasis?: string
}

const KIND_OF_EVENT: Partial<Record<ApplicationEvent['kind'], LetterKind>> = {
  answered: 'reply',
  supplementRequested: 'supplement',
  extended: 'extension',
  consultationStarted: 'consultation',
  feeNoticed: 'fee',
}

/** Which letter an event produces (null when it produces none). */
export function letterKindOf(event: ApplicationEvent): LetterKind | null {
  if (event.kind === 'consultationStarted' && event.party !== 'thirdParty') return null
  return KIND_OF_EVENT[event.kind] ?? null
}

function resultLabel(r: ItemResult): string {
  if (isOutcomeCode(r)) return outcomeLabel(r)
  return ANSWER_KINDS.find((k) => k.code === r)?.label ?? r
}

/** Composes a letter from the case facts and the agency's template (or the default). Pure. */
export function composeLetter(kind: LetterKind, f: LetterFacts, template: string = DEFAULT_TEMPLATES[kind]): Letter {
  const e = f.event
  const values: Record<string, string> = {
    机关: f.agencyName,
    申请人: f.applicantName,
    编号: f.ref,
    收到日期: formatDay(f.receivedOn),
    申请内容: f.description,
    今天: formatDay(e.on),
  }
  let results: ItemResult[] = []
  if (e.kind === 'answered') {
    results = e.items.map((i) => i.result)
    values['决定'] = e.items
      .map((i) => (e.items.length > 1 ? `「${i.request}」：${resultLabel(i.result)}` : resultLabel(i.result)))
      .join('；')
    values['依据'] = [...new Set(results.map((r) => LEGAL_BASIS[r]))].join('；')
    values['答复内容'] = e.replyText
    values['获取方式'] = [...new Set(results.map((r) => howToObtain(r, f.delivery)).filter(Boolean))].join('')
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
  }
  return {
    kind,
    title: letterTitle(kind),
    // the case number and the letter's kind in words, e.g. 2026-00005-答复 (one letter of each kind per step)
    number: `${f.ref}-${LETTER_KINDS.find((k) => k.code === kind)?.short ?? kind}`,
    addressee: kind === 'consultation' ? '' : `${f.applicantName}：`,
    paragraphs: fillTemplate(template, values),
    remedies: remediesText(results, e.on, f.bodies),
    signer: f.agencyName,
    date: e.on,
  }
}

/** 2025-01-09 → 2025年1月9日 */
export function formatDay(day: CalendarDay): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}
