import type { CalendarDay } from '../calendar/calendarDay.js'
import { compareDays } from '../calendar/calendarDay.js'

// The publication review chain (保密审查) as the 福州 seed describes it: 处室负责人 → 分管领导 → 保密审查领导小组,
// and the head of the agency for major items. Each step approves or returns with comments.

export const REVIEW_STEPS = [
  { code: 'department', label: '处室负责人审核', role: 'reviewerDept' },
  { code: 'leader', label: '分管领导审核', role: 'reviewerLeader' },
  { code: 'secrecy', label: '保密审查', role: 'reviewerSecrecy' },
  { code: 'head', label: '主要领导审定', role: 'reviewerHead' },
] as const
export type ReviewStep = (typeof REVIEW_STEPS)[number]['code']

export const STATUSES = [
  { code: 'draft', label: '草稿' },
  { code: 'inReview', label: '审核中' },
  { code: 'returned', label: '已退回' },
  { code: 'approved', label: '审核通过，待发布' },
  { code: 'published', label: '已发布' },
  { code: 'withdrawn', label: '已撤回' },
] as const
export type DocumentStatus = (typeof STATUSES)[number]['code']

/** Who acts: the issue-4 accounts give userId; imports and the demo name a person and a role. */
export interface Actor {
  userId?: number | null
  name: string
  role: string
  /** the address the request came from, for the audit trail */
  ip?: string
}

/** The roles that may also publish, schedule and withdraw (the 政务公开办 runs the queue). */
export const PUBLISHER_ROLES = ['office', 'sysAdmin', 'agencyAdmin'] as const

/** Does one of `roles` publish, schedule and withdraw (the 政务公开办's queue)? */
export function isPublisher(roles: readonly string[]): boolean {
  return roles.includes('sysAdmin') || PUBLISHER_ROLES.some((r) => roles.includes(r))
}

/** The steps an item passes: the head of the agency only for major items. */
export function stepsFor(major: boolean): ReviewStep[] {
  return REVIEW_STEPS.filter((s) => major || s.code !== 'head').map((s) => s.code)
}

// DESIGN.md "Nothing unreviewed is public" (decision 0019): only a draft or an item sent back may change; what
// the reviewers approved is what gets published.
/** May the item's text and metadata still be edited (草稿 or 已退回)? */
export function isEditable(status: string): boolean {
  return status === 'draft' || status === 'returned'
}

/** The reviewer role that decides `step`. */
function reviewRoleOf(step: string | null): string | null {
  return REVIEW_STEPS.find((s) => s.code === step)?.role ?? null
}

/** Is an item at `step` waiting for someone holding `roles` (a system administrator may act at any step)? */
export function awaitsReviewBy(roles: readonly string[], status: string, step: string | null): boolean {
  const role = reviewRoleOf(step)
  return status === 'inReview' && role !== null && (roles.includes(role) || roles.includes('sysAdmin'))
}

export function stepLabel(step: string | null): string {
  return REVIEW_STEPS.find((s) => s.code === step)?.label ?? ''
}

export function statusLabel(status: string): string {
  return STATUSES.find((s) => s.code === status)?.label ?? status
}

export interface WorkflowState {
  status: DocumentStatus
  step: ReviewStep | null
  major: boolean
}

export type WorkflowAction =
  | { kind: 'submit' }
  | { kind: 'approve'; step: ReviewStep; comment: string }
  | { kind: 'return'; step: ReviewStep; comment: string }
  | { kind: 'publish'; on: CalendarDay; today: CalendarDay }
  | { kind: 'withdraw'; reason: string }

export type WorkflowResult = { ok: true; state: WorkflowState } | { ok: false; reason: string }

const refuse = (reason: string): WorkflowResult => ({ ok: false, reason })

function mayAct(actor: Actor, roles: readonly string[]): boolean {
  return actor.role === 'sysAdmin' || roles.includes(actor.role)
}

/** The next state of the review workflow, or why the action is refused (a value, not an exception). */
export function nextState(s: WorkflowState, action: WorkflowAction, actor: Actor): WorkflowResult {
  switch (action.kind) {
    case 'submit':
      if (s.status !== 'draft' && s.status !== 'returned')
        return refuse(`「${statusLabel(s.status)}」的信息不能提交审核`)
      return { ok: true, state: { ...s, status: 'inReview', step: stepsFor(s.major)[0] as ReviewStep } }
    case 'approve':
    case 'return': {
      if (s.status !== 'inReview' || s.step !== action.step)
        return refuse(`该信息当前不在「${stepLabel(action.step)}」环节`)
      const role = REVIEW_STEPS.find((x) => x.code === action.step)?.role ?? ''
      if (!mayAct(actor, [role])) return refuse(`「${stepLabel(action.step)}」须由相应审核人办理`)
      if (action.kind === 'return') {
        if (!action.comment.trim()) return refuse('退回时请填写退回意见')
        return { ok: true, state: { ...s, status: 'returned', step: null } }
      }
      const steps = stepsFor(s.major)
      const next = steps[steps.indexOf(action.step) + 1]
      return { ok: true, state: next ? { ...s, step: next } : { ...s, status: 'approved', step: null } }
    }
    case 'publish':
      if (s.status !== 'approved') return refuse('未经审核通过的信息不能发布')
      if (!mayAct(actor, PUBLISHER_ROLES)) return refuse('发布须由政务公开办办理')
      if (compareDays(action.on, action.today) < 0) return refuse('发布日期不能早于今天')
      return { ok: true, state: { ...s, status: 'published', step: null } }
    case 'withdraw':
      if (s.status !== 'published') return refuse('只有已发布的信息可以撤回')
      if (!mayAct(actor, PUBLISHER_ROLES)) return refuse('撤回须由政务公开办办理')
      if (!action.reason.trim()) return refuse('请填写撤回理由')
      return { ok: true, state: { ...s, status: 'withdrawn', step: null } }
  }
}
