import { z } from 'zod'
import { formBody, formList, formText } from './formSchemas.js'

// The admin forms' contracts: each reads its fields into what the use case takes. The rules (with the
// Chinese message naming the field) are the services'; a form breaking one is shown again with its errors.

/** Entries of a textarea: one per line (or separated by commas / semicolons). */
const entries = formText.transform((text) =>
  text
    .split(/[\r\n,，;；]+/)
    .map((l) => l.trim())
    .filter(Boolean),
)

/** An optional id picked in a select: a positive number, or null. */
const pickedId = formText.transform((v) => (/^\d+$/.test(v) && Number(v) > 0 ? Number(v) : null))

const pickedIds = formList.transform((ids) => ids.map(Number))

/** A number typed in a form: NaN when it is not one (the service says what is expected). */
const typedNumber = formText.transform(Number)

export const calendarYearForm = formBody({ year: typedNumber, holidays: entries, workdays: entries, source: formText })

export const calendarDayForm = formBody({ day: formText, kind: formText, note: formText })

export const userForm = formBody({
  username: formText,
  displayName: formText,
  password: formText,
  roles: formList,
  agencyId: pickedId,
  departmentIds: pickedIds,
  supervisedAgencyIds: pickedIds,
})

export const userStatusForm = formBody({ action: formText })

export const agencyForm = formBody({
  name: formText,
  code: formText,
  reviewBody: formText.transform((v) => v.trim() || undefined),
  court: formText.transform((v) => v.trim() || undefined),
})

export const departmentForm = formBody({ agencyId: typedNumber, name: formText })

export const templatesQuery = z.object({ agency: pickedId })

export const templateForm = formBody({ agencyId: typedNumber, kind: formText, body: formText })
