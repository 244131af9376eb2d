import { z } from 'zod'
import { searchParams } from '../../services/catalog/searchDocuments.js'
import { formText, INT_MAX } from './formSchemas.js'

// The public portal's contracts. A query string arrives as text (an array when a name repeats): the pages read
// its text fields and ignore the rest, as a browser's form may send anything.

const textFields = (q: object): Record<string, string> =>
  Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string'))

/** The query string's text fields; a repeated or odd one is dropped. */
export const textQuery = z.record(z.string(), z.unknown()).transform(textFields)

/** A page of a list; an unreadable page number is the first page. */
export const pageQuery = z.looseObject({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) })

/** A document id in a page's path: one that is no id is a page not found (0 matches no document). */
export const documentParams = z.object({ id: z.coerce.number().int().positive().max(INT_MAX).catch(0) })

/** A stored id is a 32-bit integer on PostgreSQL: a larger one names nothing (issue 15 finding 9). */
const storedId = (label: string) =>
  z.coerce
    .number({ message: `${label}应为数字` })
    .int(`${label}应为整数`)
    .positive(`${label}应为正整数`)
    .max(INT_MAX, `${label}超出范围`)

export const attachmentParams = z.object({ id: storedId('编号'), fileId: storedId('附件编号') })

export const columnParams = z.object({ code: z.string(), slug: z.string() })
export const agencyParams = z.object({ code: z.string() })
export const feedParams = z.object({ code: z.string(), file: z.string() })

export const a11yQuery = z.looseObject({ mode: formText, back: formText })

/** GET /api/documents: the search's parameters, empty fields left out. */
export const documentsQuery = z.preprocess(
  (q) =>
    q && typeof q === 'object' ? Object.fromEntries(Object.entries(textFields(q)).filter(([, v]) => v !== '')) : q,
  searchParams,
)

const listedDocument = z.object({
  indexNo: z.string().nullable(),
  title: z.string(),
  publishedOn: z.string().nullable(),
  url: z.string(),
  docNo: z.string().nullable(),
  publisher: z.string(),
  validity: z.string(),
  snippet: z.string().optional(),
})

/** The body is exactly { total, items } (other systems rely on it). */
export const documentsResponse = z.object({ total: z.number().int(), items: z.array(listedDocument) })

/** A file of an agency's published annual report: an unreadable year names no report (page not found). */
export const reportFileParams = z.object({ code: z.string(), year: z.coerce.number().int().catch(0), ext: z.string() })
