import { z } from 'zod'

// Contracts of the public 双随机、一公开 column and its JSON API.

export const agencyParams = z.object({ code: z.string().describe('机关的统一社会信用代码') })
export const inspectionsQuery = z.looseObject({ year: z.coerce.number().int().catch(0).default(0) })
export const drawParams = z.object({
  id: z.coerce.number({ message: '编号应为数字' }).int().positive().describe('抽查编号'),
})

const poolCopy = z.object({
  count: z.number().int().describe('抽取数量'),
  fingerprint: z.string().describe('名录的 SM3 指纹'),
  entries: z.array(z.object({ id: z.string(), name: z.string() })),
})

export const drawResponse = z.object({
  id: z.number().int(),
  agency: z.object({ name: z.string(), code: z.string() }),
  item: z.string(),
  sector: z.string(),
  year: z.number().int(),
  announcedOn: z.string(),
  announcedAt: z.string(),
  drawnAt: z.string().nullable(),
  seed: z.string().describe('随机种子（抽取前公布）'),
  inspectors: poolCopy,
  entities: poolCopy,
  result: z.object({ inspectors: z.array(z.string()), entities: z.array(z.string()) }).nullable(),
})
