import { z } from 'zod'
import { formBody, formText } from './formSchemas.js'

// Route contracts of 政民互动: forms are read as text (the services hold the rules and name each field).

export const letterBody = formBody({
  agency: formText,
  kind: formText,
  subject: formText,
  body: formText,
  name: formText,
  phone: formText,
  email: formText,
  wantsPublic: formText,
  aboutDisclosure: formText,
})

export const agencyQuery = z.object({ agency: z.string().optional().default('') })
export const codeQuery = z.object({ code: z.string().optional().default('') })
export const rateBody = formBody({ code: formText, rating: formText })
export const commentBody = formBody({ name: formText, body: formText })
export const sentQuery = z.object({ sent: z.string().optional() })

/** A survey's answer sheet: the code and q0 … qN, each one value or several (checkboxes). */
export const surveyBody = z.record(z.string(), z.union([z.string(), z.array(z.string())])).transform((body) => {
  const values: Record<string, string[]> = {}
  let csrf = ''
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') csrf = [v].flat()[0] ?? ''
    else values[k] = [v].flat()
  }
  // the token stays a plain field where the CSRF check looks for it
  return { _csrf: csrf, values }
})

const positive = (label: string) =>
  z.coerce
    .number({ message: `${label}应为数字` })
    .int(`${label}应为整数`)
    .positive(`${label}应为正整数`)

export const idParams = z.object({ id: positive('编号') })
export const chartQuery = z.object({ q: z.coerce.number({ message: '题号应为数字' }).int().min(0).max(49) })

export const routeBody = formBody({ departmentId: formText })
export const answerBody = formBody({ answer: formText, answeredOn: formText })
export const superviseBody = formBody({ note: formText })
export const deadlinesBody = formBody({ consult: formText, suggest: formText, complain: formText, report: formText })
export const agencyChoice = z.object({
  agency: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : v),
    z.coerce.number().int().positive().optional(),
  ),
})

export const consultationBody = formBody({
  agency: formText,
  title: formText,
  explanation: formText,
  draftText: formText,
  opensOn: formText,
  closesOn: formText,
})
export const moderateBody = formBody({ status: formText, adopted: formText, reason: formText })
export const closeBody = formBody({ explanation: formText, finalDocumentId: formText })

export const surveyCreateBody = formBody({
  agency: formText,
  title: formText,
  intro: formText,
  questions: formText,
  opensOn: formText,
  closesOn: formText,
})
export const codesBody = formBody({ count: formText })

export const responseBody = formBody({
  agency: formText,
  kind: formText,
  heldOn: formText,
  subject: formText,
  concern: formText,
  speakers: formText,
  link: formText,
})
export const channelBody = formBody({
  agency: formText,
  channel: formText,
  period: formText,
  received: formText,
  concluded: formText,
  resolved: formText,
  onTime: formText,
  source: formText,
})
export const accountBody = formBody({ agency: formText, platform: formText, name: formText, url: formText })
export const postsBody = formBody({ period: formText, posts: formText, source: formText })

/** The channel import: a file part and the agency (multipart, attachFieldsToBody 'keyValues'). */
export const importBody = z.looseObject({
  agency: z.string().optional().default(''),
  file: z.object({ fileName: z.string(), data: z.instanceof(Buffer) }).optional(),
})

/** An agency field of a console form: '' for the actor's own agency. */
export function agencyField(v: string): number | null {
  const n = Number(v)
  return Number.isSafeInteger(n) && n > 0 ? n : null
}

export const allQuery = z.object({ all: z.string().optional() })
export const publishBody = formBody({})
export const agencySavedQuery = agencyChoice.extend({ saved: z.string().optional() })
