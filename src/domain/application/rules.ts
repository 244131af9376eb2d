import type { CalendarDay } from '../calendar/calendarDay.js'
import { compareDays } from '../calendar/calendarDay.js'
import type { WorkCalendar } from '../calendar/workCalendar.js'
import type { ClockPolicy } from './clock.js'
import { computeClock, DEFAULT_CLOCK_POLICY, feePaymentLastDay, MAX_EXTENSION } from './clock.js'
import type { ApplicationEvent } from './events.js'
import { receivedBeforeSent } from './receipt.js'
import { objectingThirdParties, pendingCorrection } from './objectionsAndCorrections.js'
import { nextState, stateOf } from './states.js'

/** A command the law does not allow, with the field it concerns and a Chinese message. */
export class RuleViolation extends Error {
  readonly code = 'RULE_VIOLATION'
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Checks that `event` may be appended to `history` (state machine and the 条例's limits); throws
 * IllegalTransition or RuleViolation. Returns the history with the event appended.
 */
export function appendChecked(
  history: readonly ApplicationEvent[],
  event: ApplicationEvent,
  cal: WorkCalendar,
  policy: ClockPolicy = DEFAULT_CLOCK_POLICY,
): ApplicationEvent[] {
  if (event.kind === 'registered') throw new RuleViolation('kind', '申请已登记，不能重复登记')
  const state = stateOf(history)
  const last = history[history.length - 1] as ApplicationEvent
  if (compareDays(event.on, last.on) < 0) {
    throw new RuleViolation('on', `日期 ${event.on} 早于案件上一环节（${last.on}），请核对`)
  }
  nextState(state, event)
  const clock = computeClock(history, cal, event.on, policy)
  const has = (kind: ApplicationEvent['kind']) => history.some((e) => e.kind === kind)
  switch (event.kind) {
    case 'supplementRequested':
      if (has('supplementRequested')) throw new RuleViolation('kind', '补正只能一次性告知（《条例》第三十条）')
      if (compareDays(event.on, clock.supplementBy.day) > 0) {
        throw new RuleViolation(
          'on',
          `补正告知须在收到申请之日起7个工作日内发出（最迟 ${clock.supplementBy.day}，《条例》第三十条）`,
        )
      }
      if (compareDays(event.completeBy, event.on) <= 0) throw new RuleViolation('completeBy', '补正期限须晚于告知日期')
      if (!event.request.trim()) throw new RuleViolation('request', '请写明需要补正的事项')
      break
    case 'extended': {
      // 《条例》第三十三条第二款：延长的期限最长不得超过20个工作日 — the length in all, however many grants
      const already = clock.extension?.days ?? 0
      if (!Number.isInteger(event.days) || event.days < 1 || already + event.days > MAX_EXTENSION) {
        throw new RuleViolation(
          'days',
          already > 0
            ? `已延长${already}个工作日，再延长最多${MAX_EXTENSION - already}个工作日（《条例》第三十三条第二款：延长期限合计不得超过${MAX_EXTENSION}个工作日）`
            : `延长期限须为1至${MAX_EXTENSION}个工作日`,
        )
      }
      if (!event.approvedBy.trim()) throw new RuleViolation('approvedBy', '请填写批准延期的政府信息公开工作机构负责人')
      if (compareDays(event.approvedOn, event.on) > 0)
        throw new RuleViolation('approvedOn', '批准日期不能晚于告知申请人的日期')
      if (clock.deadline && compareDays(event.on, clock.deadline.day) > 0) {
        throw new RuleViolation('on', `延期须在答复期限（${clock.deadline.day}）届满前告知申请人`)
      }
      if (!event.reason.trim()) throw new RuleViolation('reason', '请填写延期理由')
      break
    }
    case 'answered':
      if (event.items.length === 0) throw new RuleViolation('items', '答复须至少包含一项申请内容的处理结果')
      if (event.override && !event.override.reason.trim())
        throw new RuleViolation('override.reason', '调整统计口径须写明理由')
      break
    case 'supplementLapsed': {
      const req = history.find((e) => e.kind === 'supplementRequested')
      if (req && req.kind === 'supplementRequested' && compareDays(event.on, req.completeBy) <= 0) {
        throw new RuleViolation('on', `补正期限（${req.completeBy}）尚未届满`)
      }
      break
    }
    case 'feeLapsed': {
      // 国办函〔2020〕109号: 20 working days from the day after receiving the notice; only after them is it abandoned
      const notice = history.findLast((e) => e.kind === 'feeNoticed')
      if (notice) {
        const later = history.slice(history.lastIndexOf(notice)).findLast((e) => e.kind === 'letterReceived')
        const received = later ? { ...notice, receivedOn: later.receivedOn } : notice
        const lastDay = feePaymentLastDay(received, cal).day
        if (compareDays(event.on, lastDay) <= 0)
          throw new RuleViolation(
            'on',
            `缴费期限（${lastDay}）尚未届满（自申请人收到收费通知次日起20个工作日，国办函〔2020〕109号），不能按逾期未缴费处理`,
          )
      }
      break
    }
    case 'letterReceived': {
      const letter = history.findLast((e) => e.kind === 'consultationStarted' || e.kind === 'feeNoticed')
      if (letter && compareDays(event.receivedOn, letter.on) < 0)
        throw new RuleViolation('receivedOn', `收到日期不能早于函件发出日期（${letter.on}）`)
      if (compareDays(event.receivedOn, event.on) > 0) throw new RuleViolation('receivedOn', '收到日期不能晚于登记日期')
      break
    }
    case 'reasonsRequested':
      if (!event.request.trim()) throw new RuleViolation('request', '请写明要求申请人说明的事项（《条例》第三十五条）')
      break
    case 'bulkDeferred':
      // 《条例》第三十五条：理由合理但无法在第三十三条规定期限内答复的，可以确定延迟答复的合理期限并告知申请人
      if (!has('reasonsRequested'))
        throw new RuleViolation('kind', '须先要求申请人说明理由，才能确定延迟答复期限（《条例》第三十五条）')
      if (!event.reason.trim()) throw new RuleViolation('reason', '请写明无法在规定期限内答复的理由')
      if (clock.deadline && compareDays(event.on, clock.deadline.day) > 0)
        throw new RuleViolation('on', `延迟答复须在答复期限（${clock.deadline.day}）届满前告知申请人`)
      if (clock.deadline && compareDays(event.dueOn, clock.deadline.day) <= 0)
        throw new RuleViolation('dueOn', `延迟答复的期限须晚于现行答复期限（${clock.deadline.day}）`)
      break
    case 'consultationStarted':
      if (!event.with.trim()) throw new RuleViolation('with', '请填写征求意见的对象')
      if (receivedBeforeSent(event)) throw new RuleViolation('receivedOn', '对方收到日期不能早于发出日期')
      break
    case 'feeNoticed':
      if (!(event.amountYuan > 0)) throw new RuleViolation('amountYuan', '收费金额须大于0')
      if (receivedBeforeSent(event)) throw new RuleViolation('receivedOn', '申请人收到日期不能早于发出日期')
      // 国办函〔2020〕109号: the fee notice goes out within the period for answering
      if (clock.deadline && compareDays(event.on, clock.deadline.day) > 0)
        throw new RuleViolation('on', `收费通知须在答复期限（${clock.deadline.day}）内发出（国办函〔2020〕109号）`)
      break
    // 第三十二条: the written notice goes to a third party that objected
    case 'thirdPartyNotified':
      if (!objectingThirdParties(history).length)
        throw new RuleViolation(
          'kind',
          '只有第三方不同意公开、本机关仍决定公开时，才书面告知第三方（《条例》第三十二条）',
        )
      break
    // 第四十一条: one answer per correction request
    case 'correctionAnswered':
      if (!pendingCorrection(history)) throw new RuleViolation('kind', '没有待答复的更正申请（《条例》第四十一条）')
      break
    case 'correctionRequested':
      if (pendingCorrection(history)) throw new RuleViolation('kind', '上一项更正申请尚未答复')
      break
    default:
      break
  }
  return [...history, event]
}

/** The earliest day an event may carry: never before receipt. */
export function isOnOrAfter(day: CalendarDay, receivedOn: CalendarDay): boolean {
  return compareDays(day, receivedOn) >= 0
}
