import { z } from 'zod'
import { formBody, formText, idParams } from './formSchemas.js'

/** The application list's filters; anything unknown reads as "no filter". */
export const listQuery = z.object({
  state: formText,
  channel: formText,
  due: z.enum(['soon', 'overdue', '']).catch(''),
  q: formText.transform((s) => s.trim().slice(0, 100)),
  agency: formText.transform((v) => (/^\d+$/.test(v) && Number(v) > 0 ? Number(v) : null)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

/** The console's registration form (the service checks every field). */
export const registrationBody = formBody({
  agencyId: formText,
  channel: formText,
  receivedOn: formText,
  applicantKind: formText,
  applicantName: formText,
  phone: formText,
  address: formText,
  description: formText,
})

/** A case step's form: its `kind`, its day `on` and the step's own fields, each read as text. */
export const stepBody = z.record(z.string(), formText)

export const reviewBody = formBody({ kind: formText, filedOn: formText, body: formText })

export const letterParams = idParams.extend({
  seq: z.coerce.number().int().min(0),
  ext: z.enum(['html', 'docx']),
})

export { idParams }
