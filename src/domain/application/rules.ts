import type { CalendarDay } from '../calendar/calendarDay.js'
import { compareDays } from '../calendar/calendarDay.js'
import type { WorkCalendar } from '../calendar/workCalendar.js'
import { addWorkingDays } from '../calendar/workingDays.js'
import type { ClockPolicy } from './clock.js'
import { computeClock, DEFAULT_CLOCK_POLICY, FEE_PAYMENT_PERIOD, MAX_EXTENSION } from './clock.js'
import type { ApplicationEvent } from './events.js'
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
    case 'extended':
      if (has('extended')) throw new RuleViolation('kind', '答复期限只能延长一次（《条例》第三十三条第二款）')
      if (!Number.isInteger(event.days) || event.days < 1 || event.days > MAX_EXTENSION) {
        throw new RuleViolation('days', `延长期限须为1至${MAX_EXTENSION}个工作日`)
      }
      if (!event.approvedBy.trim()) throw new RuleViolation('approvedBy', '请填写批准延期的政府信息公开工作机构负责人')
      if (compareDays(event.approvedOn, event.on) > 0)
        throw new RuleViolation('approvedOn', '批准日期不能晚于告知申请人的日期')
      if (clock.dueBy && compareDays(event.on, clock.dueBy.day) > 0) {
        throw new RuleViolation('on', `延期须在答复期限（${clock.dueBy.day}）届满前告知申请人`)
      }
      if (!event.reason.trim()) throw new RuleViolation('reason', '请填写延期理由')
      break
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
      // 国办函〔2020〕109号: the applicant has 20 working days to pay; only after them is the application abandoned
      const notice = history.findLast((e) => e.kind === 'feeNoticed')
      if (notice) {
        const lastDay = addWorkingDays(notice.on, FEE_PAYMENT_PERIOD, cal).day
        if (compareDays(event.on, lastDay) <= 0) throw new RuleViolation('on', `缴费期限（${lastDay}）尚未届满`)
      }
      break
    }
    case 'consultationStarted':
      if (!event.with.trim()) throw new RuleViolation('with', '请填写征求意见的对象')
      break
    case 'feeNoticed':
      if (!(event.amountYuan > 0)) throw new RuleViolation('amountYuan', '收费金额须大于0')
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
