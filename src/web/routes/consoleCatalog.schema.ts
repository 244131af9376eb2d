import { z } from 'zod'
import { cleanFileName } from '../../domain/catalog/fileName.js'
import { DRAFT_FIELDS } from '../../services/catalog/authoring.js'
import type { DraftFile, DraftForm } from '../../services/catalog/authoring.js'
import { formBody, formText } from './formSchemas.js'

// The staff catalog's forms: the route shapes them; the rules (the fields' values, who may do which step, which
// step comes next) are the services'.

export const submitForm = formBody({})
export const decideForm = formBody({ step: formText, decision: formText, comment: formText })
export const publishForm = formBody({ on: formText })
export const withdrawForm = formBody({ reason: formText })

/** A file part of the multipart form, as the catalog plugin's `onFile` leaves it. */
// the name is cleaned of control and bidirectional-override characters (domain/catalog/fileName.ts)
const uploadPart = z.object({ fileName: z.string().transform(cleanFileName), data: z.instanceof(Buffer) })
const part = z.union([z.string(), uploadPart])
const KNOWN = new Set<string>(DRAFT_FIELDS)

/** The drafting form (multipart, with attachments): its known text fields and its non-empty files. */
export const draftFormBody = z.record(z.string(), z.union([part, z.array(part)])).transform((body) => {
  const form: DraftForm & Record<string, string> = {}
  const files: DraftFile[] = []
  let csrf = ''
  for (const [field, value] of Object.entries(body)) {
    for (const v of [value].flat()) {
      if (typeof v !== 'string') {
        if (v.fileName && v.data.length) files.push({ fileName: v.fileName, data: v.data })
      } else if (field === '_csrf') csrf = v
      else if (KNOWN.has(field)) form[field] ??= v
    }
  }
  return { _csrf: csrf, form, files }
})

export const newDraftQuery = z.object({
  interprets: z.coerce.number({ message: '所解读的文件编号应为数字' }).int().positive().optional(),
})

export const fileParams = z.object({
  id: z.coerce.number({ message: '编号应为数字' }).int('编号应为整数').positive('编号应为正整数'),
  fileId: z.coerce.number({ message: '附件编号应为数字' }).int('附件编号应为整数').positive('附件编号应为正整数'),
})

/** A page number of one section of the catalog queue: a whole number from 1; a page past the end shows empty. */
const queuePage = (name: string) =>
  z.coerce
    .number({ message: `「${name}」的页码应为数字` })
    .int(`「${name}」的页码应为整数`)
    .min(1, `「${name}」的页码应从 1 开始`)
    .max(100_000, `「${name}」的页码过大`)
    .optional()

/** The catalog queue's query string: the page each of its sections shows (`page` is 全部信息's). */
export const catalogQueueQuery = z
  .object({
    page: queuePage('全部信息'),
    awaitingPage: queuePage('待我审核'),
    returnedPage: queuePage('退回修改'),
    toPublishPage: queuePage('待发布'),
  })
  .transform((q) => ({
    all: q.page,
    awaitingMe: q.awaitingPage,
    returned: q.returnedPage,
    toPublish: q.toPublishPage,
  }))
