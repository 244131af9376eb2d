import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { Actor, ReviewStep } from '../../src/domain/catalog/workflow.js'
import { stepsFor } from '../../src/domain/catalog/workflow.js'
import type { Store } from '../../src/store/database.js'
import { createAgency } from '../../src/services/agencies.js'
import { ensureCatalog } from '../../src/services/catalog/columns.js'
import type { DocumentInput } from '../../src/services/catalog/documents.js'
import { createDocument } from '../../src/services/catalog/documents.js'
import { approveStep, submitDocument } from '../../src/services/catalog/workflow.js'
import { publishDocument } from '../../src/services/catalog/publishDocument.js'

export const drafter: Actor = { name: '王科员', role: 'handler' }
export const office: Actor = { name: '公开办李明', role: 'office' }
export const reviewers: Record<ReviewStep, Actor> = {
  department: { name: '处长张伟', role: 'reviewerDept' },
  leader: { name: '副局长陈军', role: 'reviewerLeader' },
  secrecy: { name: '保密办刘芳', role: 'reviewerSecrecy' },
  head: { name: '局长周强', role: 'reviewerHead' },
}

// well-formed 统一社会信用代码 (GB 32100-2015 check characters)
const CODES = ['113308000026188164', '113501000037123459', '11350100003712346X'.slice(0, 17)]

let agencies = 0
/** A fresh agency with its standard columns. */
export async function makeAgency(store: Store, settings: Record<string, unknown> = {}) {
  const { creditCodeCheckChar } = await import('../../src/domain/agency/creditCode.js')
  agencies++
  // distinct for every agency of the process: a random part could give two agencies of one store the same code
  const first17 = `1135010000${String(3712000 + agencies * 7).padStart(7, '0')}`
  const code = agencies === 1 ? (CODES[0] as string) : `${first17}${creditCodeCheckChar(first17)}`
  const id = await createAgency(store, { name: `测试机关${agencies}-${code.slice(10, 16)}`, code, settings })
  const columns = await ensureCatalog(store, id)
  return { id, code, columns }
}

export async function makeDraft(
  store: Store,
  agency: { id: number; columns: Map<string, number> },
  input: Partial<DocumentInput> = {},
  today = '2026-03-02' as CalendarDay,
) {
  return createDocument(
    store,
    {
      agencyId: agency.id,
      columnId: agency.columns.get('statutory') as number,
      title: '关于进一步规范住宅物业服务收费的通知',
      bodyHtml: '<p>为规范本市住宅物业服务收费行为，保障业主合法权益，改善住房消费环境，现就有关事项通知如下。</p>',
      docNo: '榕房〔2020〕93号',
      formedOn: '2026-02-26',
      publisher: '测试机关',
      source: '物业处',
      topic: '住房保障',
      ...input,
    },
    drafter,
    today,
  )
}

/** Takes a draft through every step of its chain and publishes it. */
export async function reviewAndPublish(
  store: Store,
  id: number,
  today: CalendarDay,
  options: { major?: boolean; on?: CalendarDay } = {},
) {
  await submitDocument(store, id, drafter, today)
  for (const step of stepsFor(options.major ?? false))
    await approveStep(store, id, step, '同意', reviewers[step], today)
  await publishDocument(store, id, office, today, options.on ? { on: options.on } : {})
}
