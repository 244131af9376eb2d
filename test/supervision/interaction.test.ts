import { beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { periodOf } from '../../src/domain/supervision/period.js'
import { DEFAULT_WEIGHTS } from '../../src/domain/supervision/score.js'
import type { Actor } from '../../src/services/actor.js'
import { loadDemo } from '../../src/services/demo/loadDemo.js'
import { interactionPanel } from '../../src/services/interaction/interactionFigures.js'
import type { InteractionFact } from '../../src/services/supervision/agencyInteraction.js'
import { supervisedInteraction } from '../../src/services/supervision/agencyInteraction.js'
import { supervisedSubtree } from '../../src/services/supervision/supervisedSubtree.js'
import { supervisionOverview } from '../../src/services/supervision/supervisionOverview.js'
import { findUserByUsername, principalOf } from '../../src/store/userRepo.js'
import { describeEachEngine } from '../support/engines.js'

// Issue 19: the supervisor's comparison includes each agency's 政民互动, and each of its figures is what that
// agency's own console (the dashboard's interaction panel) shows.

const YEAR_END = '2025-12-31' as CalendarDay // the panel shows the year of its day
const LATER = '2026-01-20' as CalendarDay // the December letters left open are past their deadline by then

/** An office account of the agency, as its own console reads. */
const ownOffice = (agencyId: number): Actor => ({
  username: `office-${agencyId}`,
  ip: '',
  principal: {
    userId: 0,
    username: `office-${agencyId}`,
    roles: ['office'],
    agencyId,
    departmentIds: [],
    supervisedAgencyIds: [],
  },
})

describeEachEngine("the supervisor's 政民互动 figures", (getStore) => {
  let supervisor: Actor
  beforeAll(async () => {
    const store = getStore()
    await loadDemo(store)
    const row = await findUserByUsername(store.db, 'supervisor')
    if (!row) throw new Error('the demo has no supervisor')
    supervisor = { username: 'supervisor', ip: '', principal: principalOf(row, await supervisedSubtree(store.db, row)) }
  }, 300_000)

  const overview = (today: CalendarDay, quarter: number | null) =>
    supervisionOverview({
      store: getStore(),
      actor: supervisor,
      period: periodOf(2025, quarter),
      weights: DEFAULT_WEIGHTS,
      sort: 'tree',
      today,
    })

  it("are, for each agency and the year, what the agency's own console shows", async () => {
    const o = await overview(YEAR_END, null)
    const later = await overview(LATER, null)
    let letters = 0
    for (const [i, l] of o.lines.entries()) {
      const own = await interactionPanel({ store: getStore(), actor: ownOffice(l.agency.id), today: YEAR_END })
      const ownLater = await interactionPanel({ store: getStore(), actor: ownOffice(l.agency.id), today: LATER })
      if (!own || !ownLater) throw new Error('an office reads interaction')
      const f = l.interaction.now
      expect({
        agency: l.agency.name,
        ...f,
        lettersOverdueNow: later.lines[i]?.interaction.now.lettersOverdueNow,
      }).toEqual({
        agency: l.agency.name,
        lettersReceived: own.total.letters.received,
        lettersAnswered: own.total.letters.answered,
        lettersOnTime: own.total.letters.answeredOnTime,
        lettersOverdueNow: ownLater.overdueLetters,
        consultations: own.total.consultations.held,
        comments: own.total.consultations.comments,
        surveys: own.total.surveys.held,
        surveyAnswers: own.total.surveys.answers,
      })
      expect(f.lettersOverdueNow).toBe(own.overdueLetters)
      letters += f.lettersReceived
    }
    // the demo city has letters in every agency, some late, some open; consultations in some
    expect(letters).toBeGreaterThan(50)
    expect(o.interactionTotal?.now.lettersReceived).toBe(letters)
    expect(later.interactionTotal?.now.lettersOverdueNow).toBeGreaterThan(0)
    expect(o.interactionTotal?.now.consultations).toBeGreaterThan(0)
    expect(o.interactionTotal!.now.lettersOnTime).toBeLessThan(o.interactionTotal!.now.lettersAnswered)
  })

  it('opens, for each interaction figure of a quarter, exactly the records it counts', async () => {
    const store = getStore()
    const period = periodOf(2025, 4)
    const o = await overview(LATER, 4)
    const facts: [InteractionFact, keyof (typeof o.lines)[number]['interaction']['now']][] = [
      ['lettersReceived', 'lettersReceived'],
      ['lettersAnswered', 'lettersAnswered'],
      ['lettersOverdue', 'lettersOverdueNow'],
      ['consultations', 'consultations'],
      ['surveys', 'surveys'],
    ]
    for (const l of o.lines)
      for (const [fact, key] of facts) {
        const { rows } = await supervisedInteraction({
          store,
          actor: supervisor,
          agencyId: l.agency.id,
          period,
          fact,
          today: LATER,
        })
        expect({ agency: l.agency.name, fact, n: rows.length }).toEqual({
          agency: l.agency.name,
          fact,
          n: l.interaction.now[key],
        })
      }
    expect(o.interactionTotal?.now.lettersReceived).toBeGreaterThan(0)
  })

  it("refuses the records of an agency outside the supervisor's subtree", async () => {
    const store = getStore()
    const outside = await store.db
      .selectFrom('agencies')
      .select('id')
      .where('name', '=', '衢州市住房和城乡建设局')
      .executeTakeFirstOrThrow()
    await expect(
      supervisedInteraction({
        store,
        actor: supervisor,
        agencyId: Number(outside.id),
        period: periodOf(2025, 4),
        fact: 'lettersReceived',
        today: LATER,
      }),
    ).rejects.toThrow()
  })
})
