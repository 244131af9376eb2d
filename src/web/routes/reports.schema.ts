import { z } from 'zod'
import { isReportFormat } from '../../domain/report/formats/index.js'
import { formBody, formText } from './formSchemas.js'

// The staff report pages' contracts. A report URL that names no agency or year the user may see is a page not
// found (as one of an agency they may not see): unreadable numbers become 0, which names none.

const idOrNone = z.coerce.number().int().catch(0)

export const reportParams = z.object({ agency: idOrNone, year: idOrNone })
export const exportParams = reportParams.extend({ ext: z.string() })
export const versionParams = reportParams.extend({ version: idOrNone })
export const chartParams = z.object({ agency: idOrNone })

/** `?format=` picks a format other than the year's; an unknown one is ignored. */
export const formatQuery = z.looseObject({
  format: z
    .string()
    .optional()
    .catch(undefined)
    .transform((f) => (f !== undefined && isReportFormat(f) ? f : undefined)),
})

export const chartQuery = z.looseObject({ year: z.coerce.number().int().optional().catch(0) })

export const narrativeForm = formBody({ overview: formText, problems: formText, other: formText })
export const figureForm = formBody({ key: formText, value: formText, source: formText, note: formText })
export const publishForm = formBody({ note: formText, override: formText })
