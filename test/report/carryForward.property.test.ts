import fc from 'fast-check'
import { expect, it } from 'vitest'
import type { ItemResult } from '../../src/domain/application/outcomes.js'
import { ANSWER_KINDS, OUTCOME_CODES } from '../../src/domain/application/outcomes.js'
import { APPLICANT_KIND_CODES } from '../../src/domain/application/applicant.js'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { addDays } from '../../src/domain/calendar/calendarDay.js'
import { addWorkingDays } from '../../src/domain/calendar/workingDays.js'
import type { WorkCalendar } from '../../src/domain/calendar/workCalendar.js'
import type { ApplicationEvent } from '../../src/domain/application/events.js'
import type { Store } from '../../src/store/database.js'
import { loadWorkCalendar } from '../../src/store/calendarRepo.js'
import { recordEvent } from '../../src/services/recordEvent.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import { generateReport } from '../../src/services/report/generateReport.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency } from '../support/factories.js'

const YEARS = [2019, 2020, 2021, 2022]
const RESULTS: ItemResult[] = [
  ...OUTCOME_CODES.filter((o) => !o.startsWith('other.')),
  ...ANSWER_KINDS.map((k) => k.code),
]

/** One case history: received (often late in December), maybe a 补正 and an extension, answered (often in January) or left open. */
const caseSpec = fc.record({
  year: fc.constantFrom(2019, 2020, 2021),
  lateDecember: fc.boolean(),
  dayOfYear: fc.integer({ min: 0, max: 350 }),
  decemberDay: fc.integer({ min: 10, max: 31 }),
  kind: fc.constantFrom(...APPLICANT_KIND_CODES),
  channel: fc.constantFrom('online' as const, 'letter' as const, 'inPerson' as const, 'fax' as const),
  supplement: fc.constantFrom('none', 'none', 'completed', 'lapsed'),
  supplementAfter: fc.integer({ min: 1, max: 7 }),
  completedAfter: fc.integer({ min: 1, max: 25 }),
  extend: fc.boolean(),
  extendDays: fc.integer({ min: 1, max: 20 }),
  answer: fc.constantFrom('answer', 'answer', 'answer', 'open', 'withdraw'),
  answerAfter: fc.integer({ min: 1, max: 45 }),
  results: fc.array(fc.constantFrom(...RESULTS), { minLength: 1, maxLength: 3 }),
})

type CaseSpec = typeof caseSpec extends fc.Arbitrary<infer T> ? T : never

async function createCase(store: Store, agencyId: number, s: CaseSpec, cal: WorkCalendar): Promise<void> {
  const receivedOn = (
    s.lateDecember
      ? `${s.year}-12-${String(s.decemberDay).padStart(2, '0')}`
      : addDays(`${s.year}-01-01` as CalendarDay, s.dayOfYear)
  ) as CalendarDay
  const file = await registerApplication(
    store,
    {
      agencyId,
      channel: s.channel,
      receivedOn,
      applicantKind: s.kind,
      applicantName: '申请人',
      description: '请公开某项信息',
    },
    receivedOn,
  )
  const id = Number(file.row.id)
  const step = (e: ApplicationEvent) => recordEvent(store, id, e, e.on)
  let last = receivedOn
  if (s.supplement !== 'none') {
    const asked = addWorkingDays(receivedOn, s.supplementAfter, cal).day
    const completeBy = addDays(asked, 15)
    await step({ kind: 'supplementRequested', on: asked, completeBy, request: '请明确所需信息' })
    if (s.supplement === 'lapsed') {
      await step({ kind: 'supplementLapsed', on: addDays(completeBy, 1) })
      return
    }
    last = addDays(asked, s.completedAfter)
    await step({ kind: 'supplementReceived', on: last })
  }
  if (s.extend) {
    last = addWorkingDays(last, 10, cal).day
    await step({
      kind: 'extended',
      on: last,
      days: s.extendDays,
      approvedBy: '主任',
      approvedOn: last,
      reason: '需要检索档案',
    })
  }
  const on = addWorkingDays(last, s.answerAfter, cal).day
  if (s.answer === 'answer')
    await step({
      kind: 'answered',
      on,
      items: s.results.map((r) => ({ request: '某项', result: r })),
      replyText: '答复',
    })
  else if (s.answer === 'withdraw') await step({ kind: 'withdrawn', on, reason: '申请人撤回' })
}

describeEachEngine('reports over random multi-year case histories', (get) => {
  it('every year balances (applications.balance), and 结转下年度 of year N equals 上年结转 of year N+1 in every column', async () => {
    const cal = await loadWorkCalendar(get().db)
    await fc.assert(
      fc.asyncProperty(fc.array(caseSpec, { minLength: 1, maxLength: 14 }), async (specs) => {
        const agencyId = await makeAgency(get())
        for (const s of specs) await createCase(get(), agencyId, s, cal)
        const reports = []
        for (const year of YEARS) reports.push(await generateReport(get(), { agency: agencyId, year }))
        for (const r of reports) expect(r.findings).toEqual([])
        for (let i = 0; i + 1 < reports.length; i++) {
          expect(reports[i + 1]?.applications?.carriedOver).toEqual(reports[i]?.applications?.carriedForward)
        }
        const received = reports.reduce((s, r) => s + (r.applications?.newReceived[6] ?? 0), 0)
        expect(received).toBe(specs.length)
      }),
      { numRuns: 12 },
    )
  }, 240_000)
})
