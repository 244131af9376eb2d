import { z } from 'zod'
import { formBody, formText, INT_MAX } from './formSchemas.js'

// The forms of the 保密审查 step's personal-data review (issue 17 point 2, decision 0047). The finding is named by
// the hidden fields the page wrote; the service finds it again in the document's current text.

const offset = (name: string) =>
  z.coerce
    .number({ message: `${name}应为数字` })
    .int(`${name}应为整数`)
    .min(0, `${name}不能为负数`)
    .max(INT_MAX, `${name}过大`)

export const privacyDecisionForm = formBody({
  source: formText,
  version: formText,
  kind: formText,
  start: offset('个人信息的起始位置'),
  end: offset('个人信息的结束位置'),
  decision: formText,
  reason: formText,
})

export const privacyExemptForm = formBody({ exempt: formText, reason: formText })
