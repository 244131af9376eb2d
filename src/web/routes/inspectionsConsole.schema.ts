import { z } from 'zod'
import { formBody, formText } from './formSchemas.js'

export const agencyQuery = z.looseObject({ agency: formText })

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
