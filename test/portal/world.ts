import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { Store } from '../../src/store/database.js'
import { addAttachment } from '../../src/services/catalog/attachments.js'
import { localDiskStorage } from '../../src/services/catalog/attachmentStorage.js'
import { approveStep, returnDocument, submitDocument, withdrawDocument } from '../../src/services/catalog/workflow.js'
import { publishDocument } from '../../src/services/catalog/publishDocument.js'
import { drafter, makeAgency, makeDraft, office, reviewAndPublish, reviewers } from '../catalog/factories.js'

export const today = '2026-03-02' as CalendarDay

export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

/** Attachments go to a temporary directory (the route plugin reads GONGKAI_ATTACHMENTS when the app is built). */
export function attachmentDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-att-'))
  process.env.GONGKAI_ATTACHMENTS = dir
  return dir
}

/** Every state an item can be in that must not be public, each with its own marker word, 文号 and attachment. */
export const HIDDEN_STATES = [
  'draft',
  'inReview',
  'returned',
  'approved',
  'scheduled',
  'withdrawn',
  'onRequest',
] as const
type HiddenState = (typeof HIDDEN_STATES)[number]

export interface World {
  agency: Awaited<ReturnType<typeof makeAgency>>
  published: { id: number; marker: string; fileId: number }
  hidden: Record<HiddenState, { id: number; marker: string; docNo: string; fileId: number }>
}

export async function buildWorld(store: Store): Promise<World> {
  const storage = localDiskStorage()
  const agency = await makeAgency(store)
  const make = async (marker: string, docNo: string, extra: { disclosure?: 'active' | 'onRequest' } = {}) => {
    const id = await makeDraft(store, agency, {
      title: `住房保障信息 ${marker}`,
      bodyHtml: `<p>物业服务 ${marker} 征收补偿</p>`,
      docNo,
      disclosure: extra.disclosure ?? 'active',
    })
    const fileId = await addAttachment(store, storage, id, { name: `${marker}.pdf`, bytes: PDF }, drafter, today)
    return { id, fileId }
  }
  const pub = await make('visiblemarker', '榕房〔2020〕93号')
  await reviewAndPublish(store, pub.id, today)
  const hidden = {} as World['hidden']
  let n = 100
  for (const state of HIDDEN_STATES) {
    const marker = `leak${state.toLowerCase()}`
    const docNo = `榕房〔2020〕${n++}号`
    const doc = await make(marker, docNo, state === 'onRequest' ? { disclosure: 'onRequest' } : {})
    hidden[state] = { ...doc, marker, docNo }
    if (state === 'draft') continue
    await submitDocument(store, doc.id, drafter, today)
    if (state === 'inReview') continue
    if (state === 'returned') {
      await returnDocument(store, doc.id, 'department', '请补充依据', reviewers.department, today)
      continue
    }
    for (const step of ['department', 'leader', 'secrecy'] as const)
      await approveStep(store, doc.id, step, '同意', reviewers[step], today)
    if (state === 'approved') continue
    await publishDocument(
      store,
      doc.id,
      office,
      today,
      state === 'scheduled' ? { on: '2026-03-20' as CalendarDay } : {},
    )
    if (state === 'withdrawn') await withdrawDocument(store, doc.id, '发布有误', office, today)
  }
  return { agency, published: { ...pub, marker: 'visiblemarker' }, hidden }
}
