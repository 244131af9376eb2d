import { z } from 'zod'
import { FIGURE_KEYS, isFigureKey, isMoneyFigure } from '../../domain/report/figureKeys.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import type { FigureEntry } from '../../store/reportEntryRepo.js'
import { insertFigure, listFigures } from '../../store/reportEntryRepo.js'
import { appendAudit } from '../../store/auditRepo.js'
import { ValidationError } from '../errors.js'
import { zodErrors } from '../registerApplication.js'
import { resolveAgency } from './generateReport.js'

const figureInput = z
  .object({
    agency: z.union([z.string().min(1), z.number().int().positive()]),
    year: z
      .number({ message: '年度应为数字' })
      .int('年度应为整数')
      .min(2008, '年度不早于2008年')
      .max(2100, '年度不晚于2100年'),
    key: z.string().refine(isFigureKey, '统计项目不存在（应为报告表二或统计表中需录入的项目）'),
    value: z.number({ message: '数值应为数字' }).min(0, '数值不能为负数').nullable(),
    source: z.string().trim().min(1, '请填写数据来源（如：行政审批系统导出、财务科提供）').max(200, '数据来源过长'),
    note: z.string().trim().max(500, '说明过长').default(''),
    enteredBy: z.string().trim().min(1, '请填写录入人'),
    /** the address the entry came from, for the audit trail ('' from the command line) */
    ip: z.string().default(''),
  })
  // a count is a whole number; only an amount of money has a fraction (issue 15 finding 11)
  .refine((f) => f.value === null || isMoneyFigure(f.key) || Number.isInteger(f.value), {
    path: ['value'],
    message: '数值应为整数（只有金额可以有小数）',
  })

export type FigureInput = z.input<typeof figureInput>

/**
 * Enters (or corrects) figures no record holds: each entry is kept with who entered it, when and from what
 * source; a correction is a new entry, so the history stays. One transaction for the whole batch.
 */
export async function enterFigures(store: Store, inputs: readonly FigureInput[]): Promise<number> {
  const parsed = inputs.map((i) => figureInput.safeParse(i))
  const errors = parsed.flatMap((p, i) =>
    p.success ? [] : zodErrors(p.error).map((e) => ({ ...e, field: `第${i + 1}项 ${e.field}` })),
  )
  if (errors.length) throw new ValidationError(errors)
  return store.db.transaction().execute(async (trx) => {
    const at = nowIso()
    for (const p of parsed) {
      if (!p.success) continue
      const f = p.data
      const agency = await resolveAgency(trx, f.agency)
      await insertFigure(trx, {
        agencyId: agency.id,
        year: f.year,
        key: f.key,
        value: f.value,
        source: f.source,
        note: f.note,
        enteredBy: f.enteredBy,
        enteredAt: at,
      })
      await appendAudit(trx, {
        actor: f.enteredBy,
        ip: f.ip,
        action: 'report.figure',
        targetType: 'report',
        targetId: `${agency.id}/${f.year}/${f.key}`,
        detail: { value: f.value, source: f.source, note: f.note },
      })
    }
    return parsed.length
  })
}

export interface FigureWithHistory {
  key: string
  label: string
  current: FigureEntry
  history: FigureEntry[]
}

/** The figures of an agency's year: the one in force per key, and every earlier entry (newest first). */
export async function figureHistory(store: Store, agency: string | number, year: number): Promise<FigureWithHistory[]> {
  const a = await resolveAgency(store.db, agency)
  const entries = await listFigures(store.db, year, a.id)
  const byKey = new Map<string, FigureEntry[]>()
  for (const e of entries) byKey.set(e.key, [e, ...(byKey.get(e.key) ?? [])])
  return [...byKey.entries()].flatMap(([key, [current, ...history]]) =>
    current ? [{ key, label: FIGURE_KEYS.get(key)?.label ?? key, current, history }] : [],
  )
}
