import { z } from 'zod'
import { formBody, formText } from './formSchemas.js'

export const loginQuery = z.object({ next: formText, expired: formText })

export const loginForm = formBody({ username: formText, password: formText, next: formText })

export const passwordForm = formBody({ current: formText, next: formText })

export const totpQuery = z.object({ next: formText })

export const totpForm = formBody({ code: formText, next: formText })
