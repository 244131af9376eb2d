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
  supervisedRootId: pickedId,
})

export const userStatusForm = formBody({ action: formText, back: formText })

/** An account's roles and scope, as its edit page posts them. */
export const userAccessForm = formBody({ roles: formList, departmentIds: pickedIds, supervisedRootId: pickedId })

/** The temporary password an administrator gives. */
export const passwordResetForm = formBody({ password: formText })

/** A page of a list; an unreadable page number is the first page. */
export const listPageQuery = z.looseObject({ page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) })

const optionalText = formText.transform((v) => v.trim() || undefined)

export const agencyForm = formBody({
  name: formText,
  code: formText,
  kind: optionalText,
  parentId: pickedId,
  reviewBody: optionalText,
  court: optionalText,
})

export const agencyParams = z.object({ id: z.coerce.number().int().positive() })

export const specialLawRowForm = formBody({ row: formText })

export const reviewBodyForm = formBody({ kind: formText, parentId: pickedId, reviewBody: formText, court: formText })

/** An agency's case-number prefix (empty: none). */
export const caseRefForm = formBody({ caseRefPrefix: formText })

/** An agency's clock choices (decisions 0002, 0007): two checkboxes (checked: 'on') and the closing time. */
export const clockSettingsForm = formBody({
  feeNoticePauses: formText.transform((v) => v === 'on'),
  nextWorkingDay: formText.transform((v) => v === 'on'),
  closesAt: formText,
})

export const departmentForm = formBody({ agencyId: typedNumber, name: formText })

export const templatesQuery = z.object({ agency: pickedId })

export const templateForm = formBody({ agencyId: typedNumber, kind: formText, body: formText })

/** The audit log's filter (days are Beijing days, read by the service) and page. */
/** The audit log's export: its file type. */
export const auditExportParams = z.object({ ext: z.enum(['csv', 'xlsx']) })

export const auditQuery = z.looseObject({
  actor: formText,
  action: formText,
  from: formText,
  to: formText,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
})
