import { z } from 'zod'
import { formText } from './formSchemas.js'

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
