import { fc } from '@fast-check/vitest'
import { expect, it } from 'vitest'
import type { ApplicantKind } from '../../src/domain/application/applicant.js'
import { APPLICANT_KIND_CODES } from '../../src/domain/application/applicant.js'
import type { ApplicationClock } from '../../src/domain/application/clock.js'
import { computeClock } from '../../src/domain/application/clock.js'
import type { ApplicationEvent, EventKind } from '../../src/domain/application/events.js'
import type { ItemResult } from '../../src/domain/application/outcomes.js'
import { ANSWER_KINDS, OUTCOME_CODES } from '../../src/domain/application/outcomes.js'
import { appendChecked } from '../../src/domain/application/rules.js'
import { allowedEvents, stateOf } from '../../src/domain/application/states.js'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { addDays, compareDays } from '../../src/domain/calendar/calendarDay.js'
import { aggregateApplications } from '../../src/store/reportRepo.js'
import type { Store } from '../../src/store/database.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import { recordEvent } from '../../src/services/recordEvent.js'
import { packageCal as cal } from '../domain/support/calendar.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency } from '../support/factories.js'

// Issue 10: the annual report's SQL decides nothing about a case by a rule of its own. For any case
// histories the law allows, what the report's aggregate counts (received, carried over and forward, each
// outcome, late answers, extensions) is what the domain's clock says of each case. Both engines.

const RESULTS: ItemResult[] = [...OUTCOME_CODES, ...ANSWER_KINDS.map((k) => k.code)]

/** One step a history may take: which allowed event (by index) and how many days after the last one. */
const step = fc.record({ pick: fc.nat(), after: fc.integer({ min: 0, max: 30 }), detail: fc.nat() })
const caseArb = fc.record({
  receivedAfter: fc.integer({ min: 0, max: 560 }),
  kind: fc.constantFrom(...APPLICANT_KIND_CODES),
  steps: fc.array(step, { maxLength: 7 }),
})

function eventOf(kind: EventKind, on: CalendarDay, detail: number): ApplicationEvent | null {
  switch (kind) {
    case 'supplementRequested':
      return { kind, on, completeBy: addDays(on, 15), request: '请写明所需信息的名称' }
    case 'consultationStarted':
      return { kind, on, party: detail % 2 ? 'thirdParty' : 'otherAgency', with: '某公司' }
    case 'consultationEnded':
      return { kind, on, reply: '同意公开' }
    case 'feeNoticed':
      return { kind, on, amountYuan: 100, method: 'byCount' }
    case 'extended':
      return { kind, on, days: 1 + (detail % 20), approvedBy: '王主任', approvedOn: on, reason: '需要调取档案' }
    case 'answered':
      return {
        kind,
        on,
        items: [{ request: '所需信息', result: RESULTS[detail % RESULTS.length] as ItemResult }],
        replyText: '答复如下',
      }
    case 'delivered':
      return { kind, on, method: 'paper' }
    case 'withdrawn':
      return { kind, on, reason: '申请人撤回' }
    // issue 11: 第三十五条 reasons and a later date; a letter's receipt recorded later (decision 0006)
    case 'reasonsRequested':
      return { kind, on, request: '请说明申请用途' }
    case 'bulkDeferred':
      return { kind, on, dueOn: addDays(on, 20 + (detail % 60)), reason: '申请数量较大' }
    case 'letterReceived':
      return { kind, on, receivedOn: on }
    case 'supplementReceived':
    case 'supplementLapsed':
    case 'feePaid':
    case 'feeLapsed':
    case 'archived':
      return { kind, on }
    default:
      // assignment needs a department of the agency; it changes nothing the report counts
      return null
  }
}

/** A history the law allows: each generated step is kept only if the domain accepts it after the others. */
type GeneratedCase = typeof caseArb extends fc.Arbitrary<infer T> ? T : never

function lawfulHistory(c: GeneratedCase): ApplicationEvent[] {
  const received = addDays('2024-06-03' as CalendarDay, c.receivedAfter)
  let events: ApplicationEvent[] = [
    { kind: 'registered', on: received, channel: 'inPerson', receiptBasis: 'submitted', applicantKind: c.kind },
  ]
  for (const s of c.steps) {
    const allowed = allowedEvents(stateOf(events))
    if (allowed.length === 0) break
    const last = events[events.length - 1] as ApplicationEvent
    const e = eventOf(allowed[s.pick % allowed.length] as EventKind, addDays(last.on, s.after), s.detail)
    if (!e) continue
    try {
      events = appendChecked(events, e, cal)
    } catch {
      // a step the law refuses (e.g. a second extension): the history goes on without it
    }
  }
  return events
}

interface Expected {
  newReceived: number
  carriedOver: number
  carriedForward: number
  outcomes: number[]
  late: number
  extended: number
}

/** The report's counts for one applicant kind and year, from each case's clock (DESIGN.md's definitions). */
function fromDomain(cases: { kind: ApplicantKind; clock: ApplicationClock }[], year: number, kind: ApplicantKind) {
  const y0 = `${year}-01-01`
  const y1 = `${year}-12-31`
  const e: Expected = {
    newReceived: 0,
    carriedOver: 0,
    carriedForward: 0,
    outcomes: OUTCOME_CODES.map(() => 0),
    late: 0,
    extended: 0,
  }
  for (const { kind: k, clock } of cases) {
    const concluded = clock.concludedOn
    if (k !== kind || clock.receivedOn > y1 || (concluded !== null && concluded < y0)) continue
    if (clock.receivedOn >= y0) e.newReceived++
    else e.carriedOver++
    if (concluded === null || concluded > y1) {
      e.carriedForward++
      continue
    }
    if (clock.outcome) {
      const i = OUTCOME_CODES.indexOf(clock.outcome)
      e.outcomes[i] = (e.outcomes[i] ?? 0) + 1
    }
    if (clock.answeredLate) e.late++
    if (clock.extension) e.extended++
  }
  return e
}

async function persist(store: Store, agencyId: number, events: ApplicationEvent[]): Promise<void> {
  const [first, ...rest] = events
  if (first?.kind !== 'registered') throw new Error('a history starts with its registration')
  const c = await registerApplication(
    store,
    {
      agencyId,
      channel: first.channel,
      receivedOn: first.on,
      applicantKind: first.applicantKind,
      applicantName: '申请人',
      description: '所需信息',
    },
    first.on,
  )
  for (const e of rest) await recordEvent(store, Number(c.row.id), e, e.on)
}

describeEachEngine('the report’s SQL and the domain agree on every case fact the report counts', (get) => {
  it('for any lawful case histories, in each year they touch', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { minLength: 1, maxLength: 6 }), async (generated) => {
        const agencyId = await makeAgency(get())
        const histories = generated.map(lawfulHistory)
        for (const h of histories) await persist(get(), agencyId, h)
        const cases = histories.map((h) => {
          const last = h[h.length - 1] as ApplicationEvent
          const first = h[0] as Extract<ApplicationEvent, { kind: 'registered' }>
          return { kind: first.applicantKind, clock: computeClock(h, cal, last.on) }
        })
        for (const year of [2024, 2025, 2026]) {
          const counted = (await aggregateApplications(get().db, year, [agencyId], { legacy: false })).get(agencyId)
          for (const kind of APPLICANT_KIND_CODES) {
            const sql = counted?.[kind]
            const domain = fromDomain(cases, year, kind)
            const seen: Expected = {
              newReceived: sql?.newReceived ?? 0,
              carriedOver: sql?.carriedOver ?? 0,
              carriedForward: sql?.carriedForward ?? 0,
              outcomes: sql?.outcomes ?? OUTCOME_CODES.map(() => 0),
              late: sql?.late ?? 0,
              extended: sql?.extended ?? 0,
            }
            expect(seen, `${year} ${kind}`).toEqual(domain)
          }
        }
      }),
      { numRuns: 25 },
    )
  }, 120_000)

  it('the generator reaches what the report counts: late answers, extensions, withdrawals and carry-overs', () => {
    // a property that never meets a late answer would pass without checking lateness at all
    // issue 11 added three steps to the generator (第三十五条, a receipt recorded later): more samples keep a late
    // answer among them (25 no longer reached one with this seed)
    const samples = fc.sample(fc.array(caseArb, { minLength: 1, maxLength: 6 }), { numRuns: 60, seed: 20261204 })
    const clocks = samples.flat().map((c) => {
      const h = lawfulHistory(c)
      return { h, clock: computeClock(h, cal, (h[h.length - 1] as ApplicationEvent).on) }
    })
    expect(clocks.some(({ clock }) => clock.answeredLate)).toBe(true)
    expect(clocks.some(({ clock }) => clock.extension)).toBe(true)
    expect(clocks.some(({ h }) => h.some((e) => e.kind === 'withdrawn'))).toBe(true)
    expect(
      clocks.some(
        ({ clock }) =>
          clock.concludedOn &&
          compareDays(clock.concludedOn, '2025-01-01' as CalendarDay) >= 0 &&
          clock.receivedOn < '2025-01-01',
      ),
    ).toBe(true)
  })
})
