/** Typed errors of the use cases; web/errors.ts maps each code to an HTTP status and a Chinese message. */
export class NotFoundError extends Error {
  readonly code = 'NOT_FOUND'
  constructor(what: string) {
    super(`未找到${what}`)
  }
}

export interface FieldProblem {
  field: string
  message: string
}

export class ValidationError extends Error {
  readonly code = 'VALIDATION'
  constructor(readonly errors: FieldProblem[]) {
    super(errors.map((e) => e.message).join('；'))
  }
}

/** The actor may not do this (services check through the domain's permission table). */
export class Forbidden extends Error {
  readonly code = 'FORBIDDEN'
  constructor(message = '无权执行此操作') {
    super(message)
  }
}

/** Too many attempts from one address or account in the window; `retryAfter` in seconds. */
export class TooManyRequests extends Error {
  readonly code = 'TOO_MANY_REQUESTS'
  constructor(readonly retryAfter: number) {
    super(`提交过于频繁，请 ${retryAfter} 秒后再试`)
  }
}
