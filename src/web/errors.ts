// One table: a typed error's code → HTTP status and the Chinese message users see (style.md §4).
export const ERROR_STATUS: Record<string, number> = {
  VALIDATION: 400,
  INVALID_CALENDAR_DAY: 400,
  ILLEGAL_TRANSITION: 409,
  RULE_VIOLATION: 422,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
}

export class NotFound extends Error {
  readonly code = 'NOT_FOUND'
  constructor(what = '页面') {
    super(`未找到${what}`)
  }
}

export function statusOf(err: unknown): number {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? (ERROR_STATUS[code] ?? 500) : 500
}

export const INTERNAL_MESSAGE = '系统错误，请稍后重试'
