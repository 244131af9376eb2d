import { z } from 'zod'
import type { Upload } from '../../services/cases/submitOnlineApplication.js'

/** A file part of the multipart form, as publicApply's multipart `onFile` leaves it. */
const uploadPart = z.object({ fileName: z.string(), data: z.instanceof(Buffer) })

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
