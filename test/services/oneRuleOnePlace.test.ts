import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { Store } from '../../src/store/database.js'
import { recordEvent } from '../../src/services/recordEvent.js'
import { recordReview } from '../../src/services/reviews.js'
import { generateReport } from '../../src/services/report/generateReport.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency, makeCase } from '../support/factories.js'

// Issue 10: two rules were written twice and disagreed. Each is now one domain fact that the report, the
// pages and the services read.

const d = (s: string) => s as CalendarDay

async function newCase(store: Store, agencyId: number, receivedOn: string): Promise<number> {
  return Number((await makeCase(store, agencyId, receivedOn)).row.id)
}

describeEachEngine('lateness is the clock’s, in the report too', (get) => {
  it('a withdrawal after the deadline is not a late answer: the report counts none, and its draft says so', async () => {
    const agencyId = await makeAgency(get())
    const id = await newCase(get(), agencyId, '2025-03-03')
    // due 2025-03-31 (20 working days, no holiday in March); withdrawn five weeks later
    await recordEvent(get(), id, { kind: 'withdrawn', on: d('2025-05-06'), reason: '申请人书面撤回' }, d('2025-05-06'))
    const report = await generateReport(get(), { agency: agencyId, year: 2025 })
    expect(report.timeliness).toMatchObject({ concluded: 1, late: 0 })
    expect(report.narrative?.overview).not.toContain('超过法定期限')
  })

  it('an answer after the deadline is late, in the report and its draft', async () => {
    const agencyId = await makeAgency(get())
    const id = await newCase(get(), agencyId, '2025-03-03')
    await recordEvent(
      get(),
      id,
      {
        kind: 'answered',
        on: d('2025-04-01'),
        items: [{ request: '征收补偿方案', result: 'disclosed' }],
        replyText: '予以公开',
      },
      d('2025-04-01'),
    )
    const report = await generateReport(get(), { agency: agencyId, year: 2025 })
    expect(report.timeliness).toMatchObject({ concluded: 1, late: 1 })
    expect(report.narrative?.overview).toContain('其中1件超过法定期限答复')
  })
})

describeEachEngine('a review needs something to contest', (get) => {
  it('is refused on a case that is neither answered nor past its deadline, and table 四 counts nothing', async () => {
    const agencyId = await makeAgency(get())
    const id = await newCase(get(), agencyId, '2025-03-03')
    await expect(
      recordReview(get(), { agencyId, applicationId: id, kind: 'review', filedOn: '2025-03-10', body: '某市人民政府' }),
    ).rejects.toThrow('尚未答复，也未超过答复期限')
    const report = await generateReport(get(), { agency: agencyId, year: 2025 })
    expect(report.reviewsAndLawsuits?.review.pending).toBe(0)
  })

  it('is refused on a withdrawn case', async () => {
    const agencyId = await makeAgency(get())
    const id = await newCase(get(), agencyId, '2025-03-03')
    await recordEvent(get(), id, { kind: 'withdrawn', on: d('2025-03-05'), reason: '申请人书面撤回' }, d('2025-03-05'))
    await expect(
      recordReview(get(), { agencyId, applicationId: id, kind: 'review', filedOn: '2025-04-10', body: '某市人民政府' }),
    ).rejects.toThrow('已撤回')
  })

  it('is registered on an answered case, and on one left unanswered past its deadline (不作为)', async () => {
    const agencyId = await makeAgency(get())
    const answered = await newCase(get(), agencyId, '2025-03-03')
    await recordEvent(
      get(),
      answered,
      {
        kind: 'answered',
        on: d('2025-03-20'),
        items: [{ request: '方案', result: 'disclosed' }],
        replyText: '予以公开',
      },
      d('2025-03-20'),
    )
    await recordReview(get(), {
      agencyId,
      applicationId: answered,
      kind: 'review',
      filedOn: '2025-04-10',
      body: '某市人民政府',
    })
    const ignored = await newCase(get(), agencyId, '2025-03-03')
    // due 2025-03-31: on 04-10 it is overdue
    await recordReview(get(), {
      agencyId,
      applicationId: ignored,
      kind: 'lawsuitDirect',
      filedOn: '2025-04-10',
      body: '某区人民法院',
    })
    const report = await generateReport(get(), { agency: agencyId, year: 2025 })
    expect(report.reviewsAndLawsuits?.review.pending).toBe(1)
    expect(report.reviewsAndLawsuits?.lawsuitDirect.pending).toBe(1)
  })
})
