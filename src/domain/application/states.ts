import type { ApplicationEvent, EventKind } from './events.js'

/** registered → [awaitingSupplement] → inProgress → [consulting] → [awaitingFee] → answered → delivered → archived */
export const CASE_STATES = [
  { code: 'registered', label: '已登记' },
  { code: 'awaitingSupplement', label: '待补正' },
  { code: 'inProgress', label: '办理中' },
  { code: 'consulting', label: '征求意见中' },
  { code: 'awaitingFee', label: '待缴费' },
  { code: 'answered', label: '已答复' },
  { code: 'delivered', label: '已送达' },
  { code: 'archived', label: '已归档' },
] as const

export type CaseState = (typeof CASE_STATES)[number]['code']

const OPEN_WORK: EventKind[] = [
  'assigned',
  'supplementRequested',
  'consultationStarted',
  'feeNoticed',
  'extended',
  'answered',
  'withdrawn',
  'reasonsRequested',
  'bulkDeferred',
]

/** 第三十二条 notice to an objecting third party, 第四十一条 correction: steps after the answer that keep the state */
function AFTER_ANSWER(state: CaseState): Partial<Record<EventKind, CaseState>> {
  return { thirdPartyNotified: state, correctionRequested: state, correctionAnswered: state }
}

/**
 * Which event may happen in which state, and where it leads. The legal shortcuts are here too: an answer on
 * the spot at registration (第三十三条第一款), a case closed when a supplement or a fee lapses.
 */
const TRANSITIONS: Record<CaseState, Partial<Record<EventKind, CaseState>>> = {
  registered: Object.fromEntries(OPEN_WORK.map((k) => [k, targetOf(k)])),
  inProgress: { ...Object.fromEntries(OPEN_WORK.map((k) => [k, targetOf(k)])), thirdPartyNotified: 'inProgress' },
  awaitingSupplement: { supplementReceived: 'inProgress', supplementLapsed: 'answered', withdrawn: 'answered' },
  consulting: {
    consultationEnded: 'inProgress',
    extended: 'consulting',
    assigned: 'consulting',
    withdrawn: 'answered',
    letterReceived: 'consulting',
  },
  awaitingFee: {
    feePaid: 'inProgress',
    feeLapsed: 'answered',
    extended: 'awaitingFee',
    withdrawn: 'answered',
    letterReceived: 'awaitingFee',
  },
  answered: { delivered: 'delivered', archived: 'archived', ...AFTER_ANSWER('answered') },
  delivered: { archived: 'archived', ...AFTER_ANSWER('delivered') },
  archived: {},
}

function targetOf(kind: EventKind): CaseState {
  switch (kind) {
    case 'supplementRequested':
      return 'awaitingSupplement'
    case 'consultationStarted':
      return 'consulting'
    case 'feeNoticed':
      return 'awaitingFee'
    case 'answered':
    case 'withdrawn':
      return 'answered'
    default:
      return 'inProgress'
  }
}

export const EVENT_LABELS: Record<EventKind, string> = {
  registered: '登记收到申请',
  assigned: '转办处室',
  supplementRequested: '告知补正',
  supplementReceived: '收到补正材料',
  supplementLapsed: '逾期未补正，不再处理',
  consultationStarted: '征求意见',
  consultationEnded: '征求意见结束',
  feeNoticed: '发出收费通知',
  feePaid: '缴纳信息处理费',
  feeLapsed: '逾期未缴费，不再处理',
  extended: '延期答复',
  answered: '作出答复',
  delivered: '送达',
  withdrawn: '申请人撤回申请',
  archived: '归档',
  reasonsRequested: '要求申请人说明理由（第三十五条）',
  letterReceived: '补记对方收到函件日期',
  bulkDeferred: '确定延迟答复期限（第三十五条）',
  thirdPartyNotified: '书面告知第三方决定公开',
  correctionRequested: '收到更正申请',
  correctionAnswered: '答复更正申请',
}

export class IllegalTransition extends Error {
  readonly code = 'ILLEGAL_TRANSITION'
  constructor(
    readonly state: CaseState,
    readonly event: EventKind,
    detail?: string,
  ) {
    super(detail ?? `案件当前状态为「${stateLabel(state)}」，不能执行「${EVENT_LABELS[event]}」`)
  }
}

export function stateLabel(state: CaseState): string {
  return CASE_STATES.find((s) => s.code === state)?.label ?? state
}

/** The state after `event`, or IllegalTransition. */
export function nextState(state: CaseState, event: ApplicationEvent): CaseState {
  const to = TRANSITIONS[state][event.kind]
  if (!to) throw new IllegalTransition(state, event.kind)
  return to
}

/** Folds a whole history; the first event must be the registration. */
export function stateOf(events: readonly ApplicationEvent[]): CaseState {
  const [first, ...rest] = events
  if (!first || first.kind !== 'registered') throw new Error('a case history starts with its registration')
  return rest.reduce<CaseState>((s, e) => nextState(s, e), 'registered')
}

export function allowedEvents(state: CaseState): EventKind[] {
  return Object.keys(TRANSITIONS[state]) as EventKind[]
}

export const OPEN_STATES: readonly CaseState[] = [
  'registered',
  'awaitingSupplement',
  'inProgress',
  'consulting',
  'awaitingFee',
]

export function isOpen(state: CaseState): boolean {
  return OPEN_STATES.includes(state)
}
