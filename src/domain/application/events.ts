import type { CalendarDay } from '../calendar/calendarDay.js'
import type { ApplicantKind, Channel } from './applicant.js'
import type { ItemResult, OutcomeCode } from './outcomes.js'
import type { LetterChannel } from './receipt.js'

/**
 * 《条例》第三十一条: what fixed the receipt date.
 * submitted: handed in person (当面提交之日); signedFor: registered post (签收之日);
 * confirmedWithApplicant: ordinary letter, the day the office confirmed with the applicant;
 * systemConfirmed: online, the day both sides confirmed (双方确认之日); faxConfirmed: the office's fax, likewise.
 */
export type ReceiptBasis = 'submitted' | 'signedFor' | 'confirmedWithApplicant' | 'systemConfirmed' | 'faxConfirmed'

/**
 * One requested item and its answer, with what the letter must state for some answers (decision 0011):
 * 部分公开 the ground of the withheld part; 第三十六条第（五）项 the responsible agency and its contact;
 * 行政查询事项 and 第三十六条第（七）项 the law that governs the query; 第三十九条第一款 the channel to use instead.
 */
export interface AnsweredItem {
  request: string
  result: ItemResult
  withheldGround?: OutcomeCode
  withheldPart?: string
  responsibleAgency?: { name: string; contact: string }
  queryLaw?: string
  channel?: string
}

/** Every event carries the day it happened (a date of the law) and who recorded it. */
interface EventBase {
  on: CalendarDay
  actor?: string
}

export type ApplicationEvent =
  | (EventBase & {
      kind: 'registered'
      channel: Channel
      receiptBasis: ReceiptBasis
      applicantKind: ApplicantKind
      /** 第三十一条第（三）项: when an online submission was made (Asia/Shanghai), if `on` is the day confirmed later */
      submitted?: { on: CalendarDay; at?: string }
    })
  | (EventBase & { kind: 'assigned'; departmentId: number; departmentName?: string })
  /** 第三十条: one notice of what to complete, with the date set for completing it */
  | (EventBase & { kind: 'supplementRequested'; completeBy: CalendarDay; request: string })
  /**
   * `on`: the day the completed application arrived; `via`/`at`: its channel and time, so an online one sent on a
   * holiday or after hours is confirmed on the next working day (第三十一条第（三）项, decision 0007)
   */
  | (EventBase & { kind: 'supplementReceived'; via?: Channel; at?: string })
  /** the set date passed without good reason: the case ends as 其他处理 · 逾期不补正 */
  | (EventBase & { kind: 'supplementLapsed' })
  /** 第三十二条 third party (15 working days to reply) / 第三十四条 other agency (15 working days) */
  /** `on` = the day the letter was sent; `receivedOn` = the day the party received it (else presumed by `via`, decision 0006) */
  | (EventBase & {
      kind: 'consultationStarted'
      party: 'thirdParty' | 'otherAgency'
      with: string
      via?: LetterChannel
      receivedOn?: CalendarDay
    })
  /** `position`: a third party's answer (第三十二条): agrees, objects, or no answer within its period */
  | (EventBase & { kind: 'consultationEnded'; reply: string; position?: 'agrees' | 'objects' | 'noReply' })
  /** 第三十二条: disclosing over a third party's objection in the public interest; the written notice to it */
  | (EventBase & { kind: 'thirdPartyNotified'; with: string; content: string; reason: string })
  /** 第四十一条: the applicant asks the agency to correct information about them it holds */
  | (EventBase & { kind: 'correctionRequested'; request: string })
  /** 第四十一条: corrected, not verified (不予更正), transferred to the competent agency, or the applicant told where to ask */
  | (EventBase & {
      kind: 'correctionAnswered'
      result: 'corrected' | 'notVerified' | 'transferred' | 'referred'
      text: string
      to?: string
    })
  /** 第四十二条, 国办函〔2020〕109号 */
  /** 国办函〔2020〕109号: the amount as computed by `method` (按件 by the month's count, 按量 by `pages`) */
  /** `on` = the day the notice was sent; `receivedOn` = the day the applicant received it (else presumed by `via`) */
  | (EventBase & {
      kind: 'feeNoticed'
      amountYuan: number
      method?: 'byCount' | 'byPages'
      pages?: number
      via?: LetterChannel
      receivedOn?: CalendarDay
    })
  | (EventBase & { kind: 'feePaid' })
  /** the open consultation letter or fee notice was received on `receivedOn` (a 回执 came back); `on` = day recorded */
  | (EventBase & { kind: 'letterReceived'; receivedOn: CalendarDay })
  /** 第三十五条: the number or frequency clearly exceeds a reasonable range; the applicant is asked for reasons */
  | (EventBase & { kind: 'reasonsRequested'; request: string })
  /**
   * 第三十五条: the reasons are reasonable but the 第三十三条 periods cannot be met: a reasonable later date for
   * the answer, told to the applicant on `on` (decision 0009)
   */
  | (EventBase & { kind: 'bulkDeferred'; dueOn: CalendarDay; reason: string })
  | (EventBase & { kind: 'feeLapsed' })
  /**
   * 第三十三条第二款: at most 20 working days in all (one or more grants: the article limits the length, not the
   * count), approved by the office's head; `on` = day the applicant was told
   */
  | (EventBase & { kind: 'extended'; days: number; approvedBy: string; approvedOn: CalendarDay; reason: string })
  | (EventBase & {
      kind: 'answered'
      items: AnsweredItem[]
      /** staff override of the derived reportable outcome; the reason is kept */
      override?: { outcome: OutcomeCode; reason: string }
      replyText: string
    })
  | (EventBase & { kind: 'delivered'; method: 'electronic' | 'paper' | 'pickup' | 'post' })
  | (EventBase & { kind: 'withdrawn'; reason: string })
  | (EventBase & { kind: 'archived' })

export type EventKind = ApplicationEvent['kind']

export type EventOf<K extends EventKind> = Extract<ApplicationEvent, { kind: K }>
