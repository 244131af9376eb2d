import type { ApplicantKind, Channel } from '../../../src/domain/application/applicant.js'
import type { ApplicationEvent, EventOf, ReceiptBasis } from '../../../src/domain/application/events.js'
import type { ItemResult, OutcomeCode } from '../../../src/domain/application/outcomes.js'
import { d } from './calendar.js'

/** Small builders for case histories: each takes the day the event happened (a date of the law). */
export const ev = {
  registered(
    on: string,
    channel: Channel = 'online',
    receiptBasis: ReceiptBasis = 'systemConfirmed',
    applicantKind: ApplicantKind = 'naturalPerson',
  ): EventOf<'registered'> {
    return { kind: 'registered', on: d(on), channel, receiptBasis, applicantKind }
  },
  assigned(on: string): EventOf<'assigned'> {
    return { kind: 'assigned', on: d(on), departmentId: 1, departmentName: '办公室' }
  },
  supplementRequested(
    on: string,
    completeBy: string,
    request = '请写明所需信息的名称或文号',
  ): EventOf<'supplementRequested'> {
    return { kind: 'supplementRequested', on: d(on), completeBy: d(completeBy), request }
  },
  supplementReceived(on: string): EventOf<'supplementReceived'> {
    return { kind: 'supplementReceived', on: d(on) }
  },
  supplementLapsed(on: string): EventOf<'supplementLapsed'> {
    return { kind: 'supplementLapsed', on: d(on) }
  },
  consultationStarted(
    on: string,
    party: 'thirdParty' | 'otherAgency' = 'thirdParty',
    withWhom = '某房地产开发有限公司',
  ): EventOf<'consultationStarted'> {
    return { kind: 'consultationStarted', on: d(on), party, with: withWhom }
  },
  consultationEnded(on: string, reply = '不同意公开'): EventOf<'consultationEnded'> {
    return { kind: 'consultationEnded', on: d(on), reply }
  },
  feeNoticed(on: string, amountYuan = 100): EventOf<'feeNoticed'> {
    return { kind: 'feeNoticed', on: d(on), amountYuan }
  },
  feePaid(on: string): EventOf<'feePaid'> {
    return { kind: 'feePaid', on: d(on) }
  },
  feeLapsed(on: string): EventOf<'feeLapsed'> {
    return { kind: 'feeLapsed', on: d(on) }
  },
  extended(on: string, days: number, approvedOn = on, approvedBy = '王主任'): EventOf<'extended'> {
    return { kind: 'extended', on: d(on), days, approvedBy, approvedOn: d(approvedOn), reason: '需要调取档案' }
  },
  answered(
    on: string,
    results: ItemResult[] = ['disclosed'],
    override?: { outcome: OutcomeCode; reason: string },
  ): EventOf<'answered'> {
    return {
      kind: 'answered',
      on: d(on),
      items: results.map((result, i) => ({ request: `第${i + 1}项`, result })),
      ...(override ? { override } : {}),
      replyText: '经审查，答复如下。',
    }
  },
  delivered(on: string): EventOf<'delivered'> {
    return { kind: 'delivered', on: d(on), method: 'electronic' }
  },
  withdrawn(on: string): EventOf<'withdrawn'> {
    return { kind: 'withdrawn', on: d(on), reason: '申请人撤回' }
  },
  archived(on: string): EventOf<'archived'> {
    return { kind: 'archived', on: d(on) }
  },
} satisfies Record<string, (...args: never[]) => ApplicationEvent>
