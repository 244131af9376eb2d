/** Typed errors of the use cases; web/errors.ts maps each code to an HTTP status. */
export class NotFoundError extends Error {
  readonly code = 'NOT_FOUND'
  constructor(what: string) {
    super(`未找到该${what}`)
  }
}

export class ValidationError extends Error {
  readonly code = 'VALIDATION'
  constructor(readonly errors: { field: string; message: string }[]) {
    super(errors.map((e) => e.message).join('；'))
  }
}
