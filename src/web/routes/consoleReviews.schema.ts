import { z } from 'zod'
import { formBody, formText } from './formSchemas.js'

/** An optional whole number of a query string: '' or missing reads as null. */
const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : v),
    z.coerce
      .number({ message: `${label}应为数字` })
      .int(`${label}应为整数`)
      .min(min, `${label}应不小于${min}`)
      .max(max, `${label}应不大于${max}`)
      .optional()
      .transform((n) => n ?? null),
  )

/** The reviews list: one agency and one report year (表四). */
export const reviewListQuery = z.object({
  agency: optionalInt('机关', 1, Number.MAX_SAFE_INTEGER),
  year: optionalInt('年度', 2008, 2100),
})

/** A review's result, edited from the list (the service checks every field). */
export const reviewIdParams = z.object({
  reviewId: z.coerce.number({ message: '复议编号应为数字' }).int('复议编号应为整数').positive('复议编号应为正整数'),
})

export const reviewListDecisionBody = formBody({
  body: formText,
  filedOn: formText,
  result: formText,
  decidedOn: formText,
})
