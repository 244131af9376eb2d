import { z } from 'zod'
import { formBody, formText } from './formSchemas.js'

export const agencyQuery = z.looseObject({
  agency: formText,
  created: z.coerce.number().int().optional().catch(undefined),
  revised: z.coerce.number().int().optional().catch(undefined),
  unchanged: z.coerce.number().int().optional().catch(undefined),
})

const uploadPart = z.object({ fileName: z.string(), data: z.instanceof(Buffer) })

/** The import form (multipart): its agency and the sheet; a missing file reads as an empty one. */
export const importBody = z.looseObject({
  _csrf: z.unknown(),
  agency: formText,
  file: uploadPart.optional(),
})

export const itemBody = formBody({
  agency: formText,
  code: formText,
  name: formText,
  sector: formText,
  basis: formText,
  subject: formText,
  content: formText,
  method: formText,
})
export const poolBody = formBody({ agency: formText, kind: formText, sector: formText, name: formText, text: formText })
export const announceBody = formBody({
  agency: formText,
  itemId: formText,
  inspectorPoolId: formText,
  entityPoolId: formText,
  inspectors: formText,
  entities: formText,
})
export const resultBody = formBody({ entityId: formText, outcome: formText, note: formText })
export const emptyBody = formBody({})
