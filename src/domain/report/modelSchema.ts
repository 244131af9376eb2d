import { z } from 'zod'
import { APPLICATION_COLUMNS } from './model.js'
import type { AnnualReport } from './model.js'

// The report model (spec/report-model.md) as a schema: what a report file or a stored version must hold to be
// read back as an AnnualReport. Fields this version does not know pass through unchanged.

const cell = z.number().nullable()
const row7 = z.array(cell).length(7, '表三每行应有7个单元格')

const reviewCounts = z.object({ upheld: cell, corrected: cell, other: cell, pending: cell, total: cell })

const applications = z.looseObject({
  columns: z.array(z.enum(APPLICATION_COLUMNS)).default([...APPLICATION_COLUMNS]),
  newReceived: row7,
  carriedOver: row7,
  results: z.looseObject({
    disclosed: row7,
    partiallyDisclosed: row7,
    withheld: z.object({
      stateSecret: row7,
      prohibitedByLaw: row7,
      securityStability: row7,
      thirdPartyRights: row7,
      internalAffairs: row7,
      processInformation: row7,
      enforcementFiles: row7,
      administrativeQuery: row7,
    }),
    unableToProvide: z.object({ notHeld: row7, needsCreation: row7, unclearAfterSupplement: row7 }),
    notProcessed: z.object({
      petitionOrComplaint: row7,
      duplicate: row7,
      publication: row7,
      excessiveRepeated: row7,
      confirmOrReissue: row7,
    }),
    other: z.object({ noSupplement: row7.optional(), unpaidFee: row7.optional(), other: row7 }),
    total: row7,
  }),
  carriedForward: row7,
})

const finding = z.looseObject({
  rule: z.string(),
  column: z.string().optional(),
  row: z.string().optional(),
  expected: z.number().nullable().optional(),
  actual: z.number().nullable().optional(),
  message: z.string(),
})

export const annualReportSchema = z.looseObject({
  format: z.enum(['2021', '2019', 'legacy'], { message: 'format 应为 2021、2019 或 legacy' }),
  year: z.number().int(),
  agency: z.looseObject({ name: z.string(), code: z.string().optional() }),
  proactive: z.record(z.string(), z.record(z.string(), z.record(z.string(), cell))).optional(),
  applications: applications.optional(),
  reviewsAndLawsuits: z
    .object({ review: reviewCounts, lawsuitDirect: reviewCounts, lawsuitAfterReview: reviewCounts })
    .optional(),
  legacy: z.record(z.string(), cell).optional(),
  fees: z.object({ noticesSent: cell, amountNoticedYuan: cell, amountCollectedYuan: cell }).optional(),
  narrative: z
    .object({ overview: z.string().optional(), problems: z.string().optional(), other: z.string().optional() })
    .optional(),
  timeliness: z.object({ concluded: z.number(), late: z.number(), extended: z.number() }).optional(),
  findings: z.array(finding).default([]),
  dataNotes: z
    .array(z.object({ rule: z.string(), count: z.number().int(), message: z.string() }), {
      message: 'dataNotes 应为数据质量提示列表',
    })
    .optional(),
}) satisfies z.ZodType<AnnualReport>
