import type { CalendarDay } from '../calendar/calendarDay.js'
import type { ApplicantKind, Channel } from './applicant.js'
import type { ItemResult, OutcomeCode } from './outcomes.js'

/**
 * 《条例》第三十一条: what fixed the receipt date.
 * submitted: handed in person (当面提交之日); signedFor: registered post (签收之日);
 * confirmedWithApplicant: ordinary letter, the day the office confirmed with the applicant;
 * systemConfirmed: online, the day both sides confirmed (双方确认之日); faxConfirmed: the office's fax, likewise.
 */
export type ReceiptBasis = 'submitted' | 'signedFor' | 'confirmedWithApplicant' | 'systemConfirmed' | 'faxConfirmed'

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
    })
  | (EventBase & { kind: 'assigned'; departmentId: number; departmentName?: string })
  /** 第三十条: one notice of what to complete, with the date set for completing it */
  | (EventBase & { kind: 'supplementRequested'; completeBy: CalendarDay; request: string })
  | (EventBase & { kind: 'supplementReceived' })
  /** the set date passed without good reason: the case ends as 其他处理 · 逾期不补正 */
  | (EventBase & { kind: 'supplementLapsed' })
  /** 第三十二条 third party (15 working days to reply) / 第三十四条 other agency (15 working days) */
  | (EventBase & { kind: 'consultationStarted'; party: 'thirdParty' | 'otherAgency'; with: string })
  | (EventBase & { kind: 'consultationEnded'; reply: string })
  /** 第四十二条, 国办函〔2020〕109号 */
  /** 国办函〔2020〕109号: the amount as computed by `method` (按件 by the month's count, 按量 by `pages`) */
  | (EventBase & { kind: 'feeNoticed'; amountYuan: number; method?: 'byCount' | 'byPages'; pages?: number })
  | (EventBase & { kind: 'feePaid' })
  | (EventBase & { kind: 'feeLapsed' })
  /** 第三十三条第二款: once, at most 20 working days, approved by the office's head; `on` = day the applicant was told */
  | (EventBase & { kind: 'extended'; days: number; approvedBy: string; approvedOn: CalendarDay; reason: string })
  | (EventBase & {
      kind: 'answered'
      items: { request: string; result: ItemResult }[]
      /** staff override of the derived reportable outcome; the reason is kept */
      override?: { outcome: OutcomeCode; reason: string }
      replyText: string
    })
  | (EventBase & { kind: 'delivered'; method: 'electronic' | 'paper' | 'pickup' | 'post' })
  | (EventBase & { kind: 'withdrawn'; reason: string })
  | (EventBase & { kind: 'archived' })

export type EventKind = ApplicationEvent['kind']

export type EventOf<K extends EventKind> = Extract<ApplicationEvent, { kind: K }>
