import { z } from 'zod'
import { cleanFileName } from '../../domain/catalog/fileName.js'
import type { Upload } from '../../services/cases/submitOnlineApplication.js'

/** A file part of the multipart form, as publicApply's multipart `onFile` leaves it. */
// the name is cleaned of control and bidirectional-override characters (domain/catalog/fileName.ts)
const uploadPart = z.object({ fileName: z.string().transform(cleanFileName), data: z.instanceof(Buffer) })

const part = z.union([z.string(), uploadPart])

/**
 * The web form (multipart with uploads, or urlencoded): text fields and files apart. The CSRF token stays
 * where the CSRF check looks for it; the rules of the application are the service's.
 */
export const applyFormBody = z.record(z.string(), z.union([part, z.array(part)])).transform((body) => {
  const fields: Record<string, string> = {}
  const files: Upload[] = []
  for (const [field, value] of Object.entries(body)) {
    for (const v of [value].flat()) {
      if (typeof v === 'string') fields[field] ??= v
      else if (v.fileName && v.data.length) files.push({ field, fileName: v.fileName, data: v.data })
    }
  }
  const { _csrf = '', ...rest } = fields
  return { _csrf, fields: rest, files }
})

export const JSON_ONLY = '请求体应为 JSON 对象（Content-Type: application/json）'

/** The JSON API's body: an object (its fields are checked by the service, every problem named). */
export const applyJsonBody = z.record(z.string(), z.unknown(), { error: JSON_ONLY })

export const codeQuery = z.object({ code: z.string().optional().default('') })

export const queryCodeParams = z.object({ queryCode: z.string() })

export const statusQuery = z.object({
  code: z.string().optional().default(''),
  sent: z.enum(['supplement', 'code']).optional().catch(undefined),
})

/** The second factor's forms: the query code and (to verify) the answer. */
export const verifyForm = z.looseObject({
  _csrf: z.string().optional().default(''),
  code: z.string().max(20).optional().default(''),
  answer: z.string().max(40).optional().default(''),
})

export const fileIdParams = z.object({ fileId: z.coerce.number().int().positive() })

/** /apply?agency=<统一社会信用代码>: the form with that agency chosen (from an agency's 依申请公开 link). */
export const agencyQuery = z.object({ agency: z.string().max(18).optional().catch(undefined) })

export const agencyCodeParams = z.object({ code: z.string().max(40) })

export const agencyIdParams = z.object({ id: z.coerce.number().int().positive() })

export const savedQuery = z.object({ saved: z.string().optional() })

/** The 公开指南 settings form: its text fields as typed (the service checks them against the settings schema). */
export const officeForm = z.object({
  _csrf: z.string().optional().default(''),
  name: z.string().optional().default(''),
  address: z.string().optional().default(''),
  hours: z.string().optional().default(''),
  phone: z.string().optional().default(''),
  fax: z.string().optional().default(''),
  postalAddress: z.string().optional().default(''),
  postalCode: z.string().optional().default(''),
  email: z.string().optional().default(''),
  waysToApply: z.string().optional().default(''),
  fees: z.string().optional().default(''),
})
