import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'

/**
 * THE error catalog (style.md §4; fastify's lib/errors.js): every error code a route can answer with, its
 * HTTP status and the Chinese message shown when the error carries none of its own. Typed errors of the
 * domain and the services carry a code of this table; anything else is a 500 that says only
 * "系统错误，请稍后重试" (the details go to the log).
 */
const ERRORS = {
  VALIDATION: { status: 400, message: '提交的内容有误，请检查后重试' },
  INVALID_CALENDAR_DAY: { status: 400, message: '日期应为有效日期（YYYY-MM-DD）' },
  UNSUPPORTED_REPORT_FILE: { status: 400, message: '文件类型不受支持' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '无权执行此操作' },
  NOT_FOUND: { status: 404, message: '未找到页面' },
  ILLEGAL_TRANSITION: { status: 409, message: '案件当前状态不能执行该操作' },
  CONFLICT: { status: 409, message: '与已有记录冲突' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '上传的内容过大' },
  URI_TOO_LONG: { status: 414, message: '请求的地址过长' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的提交格式' },
  RULE_VIOLATION: { status: 422, message: '不符合法定要求' },
  REPORT_TOO_COMPLEX: { status: 422, message: '网页结构过于复杂，无法检查' },
  REPORT_CHECK_TIMEOUT: { status: 422, message: '检查超时：网页结构可能过于复杂，请另存为文本后粘贴' },
  TOO_MANY_REQUESTS: { status: 429, message: '操作过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '系统错误，请稍后重试' },
  PDF_UNAVAILABLE: { status: 503, message: '暂时无法生成 PDF 文件，请下载 Word 或 Excel 版本' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof ERRORS

export class NotFound extends Error {
  readonly code = 'NOT_FOUND'
  constructor(what = '页面') {
    super(`未找到${what}`)
  }
}

/** Fastify's own 4xx errors (body too large, bad content type …), by status, in the catalog's words. */
const BY_STATUS = new Map<number, ErrorCode>(
  (Object.entries(ERRORS) as [ErrorCode, { status: number }][]).map(([code, e]) => [e.status, code]),
)

export interface Answer {
  code: ErrorCode
  status: number
  message: string
  /** the fields at fault, for forms and the JSON API */
  errors?: { field: string; message: string }[]
}

function isCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERRORS, code)
}

/** Names of the fields that query strings and forms share, for zod's own messages (which name no field). */
const FIELD_LABELS: Record<string, string> = {
  year: '年份',
  page: '页码',
  id: '编号',
  fileId: '附件编号',
  seq: '文书序号',
  q: '检索词',
  agency: '机关',
  from: '起始日期',
  to: '截止日期',
}

/** zod's built-in messages (zh-CN locale) start so; a schema's own message names its field already. */
const GENERIC = /^(无效|数值过|出现未知|.* 中包含无效)/

/** A field's message as the user reads it: a generic one gets the field's name and a plain wording. */
function fieldMessage(field: string, keyword: string, message: string | undefined): string {
  if (message && !GENERIC.test(message)) return message
  const label = FIELD_LABELS[field.split('.').pop() ?? field] ?? field
  if (keyword === 'invalid_type' && /期望 (数字|number)/.test(message ?? '')) return `「${label}」应为数字`
  if (keyword === 'invalid_type' && message?.includes('实际接收 undefined')) return `请填写「${label}」`
  return `「${label}」${message ? `：${message}` : '有误'}`
}

/** busboy's errors for a multipart body cut short or without its boundary carry no status of their own. */
function isMalformedMultipart(err: unknown): boolean {
  const e = err as { message?: unknown; statusCode?: unknown } | null
  return (
    e?.statusCode === undefined &&
    typeof e?.message === 'string' &&
    /unexpected end of multipart data|^Multipart: Boundary not found|^Boundary required|^Malformed part header/i.test(
      e.message,
    )
  )
}

function isPgDataException(err: unknown): boolean {
  const e = err as { code?: unknown; severity?: unknown } | null
  return typeof e?.severity === 'string' && typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)
}

/** What the user is told about an error: its code, status and Chinese message. */
export function answerOf(err: unknown): Answer {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = err.validation.map((v) => {
      const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(整体)'
      return { field, message: fieldMessage(field, v.keyword, v.message) }
    })
    return {
      code: 'VALIDATION',
      status: 400,
      // each schema writes its message naming the field in Chinese (style.md §4)
      message: errors.map((e) => e.message).join('；'),
      errors,
    }
  }
  const e = err as { code?: unknown; message?: unknown; statusCode?: unknown; errors?: unknown } | null
  if (isCode(e?.code)) {
    const code = e.code
    const own = code !== 'INTERNAL' && typeof e.message === 'string' && e.message ? e.message : ERRORS[code].message
    const errors = Array.isArray(e.errors) ? (e.errors as { field: string; message: string }[]) : undefined
    return { code, status: ERRORS[code].status, message: own, ...(errors ? { errors } : {}) }
  }
  // PostgreSQL's data exceptions (class 22: a number out of range, a NUL in text …) come from a value sent to
  // it: bad input that a schema let through, never a fault of the server (issue 15 finding 9)
  if (isPgDataException(err)) return { code: 'VALIDATION', status: 400, message: ERRORS.VALIDATION.message }
  if (isMalformedMultipart(err)) return { code: 'VALIDATION', status: 400, message: '提交的表单数据不完整或格式有误' }
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 500
  const code = status >= 400 && status < 500 ? (BY_STATUS.get(status) ?? 'VALIDATION') : 'INTERNAL'
  return { code, status: status >= 400 && status < 600 ? status : 500, message: ERRORS[code].message }
}
