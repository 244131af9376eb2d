import { formBody, formText } from './formSchemas.js'

// The staff review workflow's forms: the route shapes them; the workflow's rules (who may do which step, which
// step comes next) are the services'.

export const submitForm = formBody({})
export const decideForm = formBody({ step: formText, decision: formText, comment: formText })
export const publishForm = formBody({ on: formText })
export const withdrawForm = formBody({ reason: formText })
