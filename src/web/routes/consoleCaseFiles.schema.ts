import { z } from 'zod'
import { formBody, formText, idParams } from './formSchemas.js'

/** A file of a case: the case's id and the file's. */
export const fileParams = idParams.extend({
  fileId: z.coerce.number({ message: '附件编号应为数字' }).int('附件编号应为整数').positive('附件编号应为正整数'),
})

/** A review of a case: the case's id and the review's. */
export const reviewParams = idParams.extend({
  reviewId: z.coerce.number({ message: '复议编号应为数字' }).int('复议编号应为整数').positive('复议编号应为正整数'),
})

/** The edit form of a review (the service checks every field). */
export const reviewDecisionBody = formBody({ body: formText, filedOn: formText, result: formText, decidedOn: formText })
