import type { EventKind } from '../application/events.js'
import type { Permission } from './permissions.js'

/**
 * Which permission each step of a case needs. The handling steps (补正, 征求意见, 收费) are the work of whoever
 * handles the case, a department included; routing, extension, the answer and its delivery are the
 * disclosure office's decisions (第三十三条第二款: an extension needs the office head's approval).
 */
export const STEP_PERMISSION = {
  assigned: 'case.decide',
  supplementRequested: 'case.act',
  supplementReceived: 'case.act',
  supplementLapsed: 'case.act',
  consultationStarted: 'case.act',
  consultationEnded: 'case.act',
  feeNoticed: 'case.act',
  feePaid: 'case.act',
  feeLapsed: 'case.act',
  extended: 'case.decide',
  answered: 'case.decide',
  delivered: 'case.decide',
  withdrawn: 'case.decide',
  archived: 'case.decide',
  reasonsRequested: 'case.act',
  letterReceived: 'case.act',
  bulkDeferred: 'case.decide',
  thirdPartyNotified: 'case.decide',
  correctionRequested: 'case.act',
  correctionAnswered: 'case.decide',
} as const satisfies Record<Exclude<EventKind, 'registered'>, Permission>

export type CaseStep = keyof typeof STEP_PERMISSION

export function isCaseStep(kind: string): kind is CaseStep {
  return Object.hasOwn(STEP_PERMISSION, kind)
}
