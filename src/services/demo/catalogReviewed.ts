import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { addDays, calendarDay } from '../../domain/calendar/calendarDay.js'
import { textToBody } from '../../domain/catalog/body.js'
import type { Actor } from '../../domain/catalog/workflow.js'
import { stepsFor } from '../../domain/catalog/workflow.js'
import type { Store } from '../../store/database.js'
import { createDocument } from '../catalog/documents.js'
import { publishDocument } from '../catalog/publishDocument.js'
import { approveStep, submitDocument } from '../catalog/workflow.js'
import { acceptProposedMasks } from '../catalog/privacyReview.js'
import type { DemoAgency } from './catalogDemo.js'
import { interpretation, NUMBERED_POLICIES } from './catalogMigrated.js'
import { between, personName, pick } from './random.js'

/**
 * Since the platform went live: policies drafted, reviewed step by step and published with their
 * interpretations. Returns how many items went out.
 */
export async function publishReviewedPolicies(
  store: Store,
  agency: { id: number; name: string },
  a: DemoAgency,
  columns: { policy: number; interpretation: number },
  rand: () => number,
): Promise<number> {
  const office: Actor = { name: `${a.city === '福州市' ? '陈敏' : '李政'}（政务公开办）`, role: 'office' }
  const reviewers = {
    department: { name: `${personName(rand)}（处室负责人）`, role: 'reviewerDept' },
    leader: { name: `${personName(rand)}（分管副局长）`, role: 'reviewerLeader' },
    secrecy: { name: `${personName(rand)}（保密审查领导小组）`, role: 'reviewerSecrecy' },
    head: { name: `${personName(rand)}（局长）`, role: 'reviewerHead' },
  } as const
  const drafter: Actor = { name: personName(rand), role: 'handler' }
  let reviewed = 0
  const recent = NUMBERED_POLICIES.slice(10)
  let day: CalendarDay = calendarDay('2025-02-10')
  for (const p of recent) {
    day = addDays(day, between(rand, 20, 40))
    const docNo = `${a.docPrefix}〔${day.slice(0, 4)}〕${between(rand, 1, 120)}号`
    const major = p.i % 3 === 0
    const policyId = await createDocument(
      store,
      {
        agencyId: agency.id,
        columnId: columns.policy,
        title: p.title,
        bodyHtml: textToBody(p.body(a.city)),
        docNo,
        formedOn: day,
        topic: p.topic,
        genre: '规范性文件',
        publisher: agency.name,
        source: p.source,
        art20: 'art20_1',
        major,
        requiresInterpretation: true,
      },
      drafter,
      day,
    )
    const readingId = await createDocument(
      store,
      {
        agencyId: agency.id,
        columnId: columns.interpretation,
        title: `《${p.title}》政策解读`,
        bodyHtml: textToBody(interpretation(rand, p.title, a.city, docNo)),
        formedOn: day,
        topic: p.topic,
        genre: '政策解读',
        publisher: agency.name,
        source: p.source,
        interpretsId: policyId,
      },
      drafter,
      day,
    )
    const publishOn = addDays(day, between(rand, 5, 25))
    for (const id of [readingId, policyId]) {
      await submitDocument(store, id, drafter, day)
      for (const step of stepsFor(id === policyId && major)) {
        // issue 17: the 保密审查 step decides every personal-data finding before it may approve
        if (step === 'secrecy') await acceptProposedMasks(store, id, reviewers.secrecy, day)
        await approveStep(
          store,
          id,
          step,
          pick(rand, ['同意', '同意发布', '经审核，内容属实，同意', '不涉及国家秘密、工作秘密，同意公开']),
          reviewers[step],
          day,
        )
      }
    }
    await publishDocument(store, policyId, office, publishOn, {
      on: publishOn,
      channels: rand() < 0.6 ? [{ channel: 'wechat' }] : [],
    })
    reviewed += 2
  }
  return reviewed
}
