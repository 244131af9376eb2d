import { z } from 'zod'

// An HTML form posts urlencoded fields: one value is a string, a repeated one an array, an empty one
// may be missing. These read a form field into what the handler expects; the real rules (with the
// Chinese message naming the field) are the service's, so a form with a mistake is shown again with
// its errors rather than refused outright.

/** One text field: the first value when repeated, '' when missing. */
export const formText = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')))

/** A field that may repeat (checkboxes, multi-selects): always a list. */
export const formList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : v ? [v] : []))

/** A form: the fields it reads, each optional text; the CSRF token and unknown fields pass through. */
export function formBody<T extends Record<string, z.ZodType>>(fields: T) {
  return z.looseObject({ _csrf: formText, ...fields })
}

/** The largest id a table holds (a 32-bit integer on PostgreSQL). */
export const INT_MAX = 2_147_483_647

/** A numeric id in a route's path. */
export const idParams = z.object({
  id: z.coerce
    .number({ message: '编号应为数字' })
    .int('编号应为整数')
    .positive('编号应为正整数')
    .max(INT_MAX, '编号超出范围'),
})
