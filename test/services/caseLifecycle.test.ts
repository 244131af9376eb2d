import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { ApplicationEvent } from '../../src/domain/application/events.js'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine, ENGINES, freshStore } from '../support/engines.js'
import { createAgency } from '../../src/services/agencies.js'
import { makeAgency, makeCase } from '../support/factories.js'
import { recordEvent } from '../../src/services/recordEvent.js'
import { openApplicant } from '../../src/services/personalData/vault.js'
import { systemActor } from '../../src/services/actor.js'
import { enterYearNotice, parseYearNotice } from '../../src/services/calendarAdmin.js'
import { decideReview, recordReview } from '../../src/services/reviews.js'

const d = (s: string) => s as CalendarDay

const newCase = makeCase

async function agency(store: Store): Promise<number> {
  return makeAgency(store)
}

describeEachEngine('a case through its life', (get) => {
  it('a supplement restarts the 20 working days from the day the completed application arrives', async () => {
    const id = await agency(get())
    const c = await newCase(get(), id, '2025-09-22')
    const appId = Number(c.row.id)
    // 2025 notice: 国庆 10/1–8 off, 9/28 (Sunday) and 10/11 (Saturday) worked
    await recordEvent(
      get(),
      appId,
      { kind: 'supplementRequested', on: d('2025-09-24'), completeBy: d('2025-10-20'), request: '请写明地块名称' },
      d('2025-09-24'),
    )
    const done = await recordEvent(get(), appId, { kind: 'supplementReceived', on: d('2025-10-09') }, d('2025-10-09'))
    // from 10/9: 10/10 1, 10/11 (调休) 2, 10/13–17 3–7, 10/20–24 8–12, 10/27–31 13–17, 11/3 18, 11/4 19, 11/5 20
    expect(done.clock.dueBy?.day).toBe('2025-11-05')
    expect(done.row.due_by).toBe('2025-11-05')
    expect(done.row.state).toBe('inProgress')
  })

  it('a rejected command leaves nothing behind', async () => {
    const id = await agency(get())
    const c = await newCase(get(), id, '2025-03-03')
    const appId = Number(c.row.id)
    await recordEvent(
      get(),
      appId,
      {
        kind: 'extended',
        on: d('2025-03-20'),
        days: 10,
        approvedBy: '办公室主任',
        approvedOn: d('2025-03-20'),
        reason: '需检索档案',
      },
      d('2025-03-20'),
    )
    const before = await get()
      .db.selectFrom('application_events')
      .selectAll()
      .where('application_id', '=', appId)
      .execute()
    await expect(
      recordEvent(
        get(),
        appId,
        {
          kind: 'extended',
          on: d('2025-03-21'),
          // 《条例》第三十三条第二款 limits the length (20 in all), not the count (issue 11): a second grant of 5
          // is lawful now, so the rejected command is one of 11 (10 + 11 > 20)
          days: 11,
          approvedBy: '办公室主任',
          approvedOn: d('2025-03-21'),
          reason: '再延',
        },
        d('2025-03-21'),
      ),
    ).rejects.toThrow('再延长最多10个工作日')
    const after = await get()
      .db.selectFrom('application_events')
      .selectAll()
      .where('application_id', '=', appId)
      .execute()
    expect(after).toEqual(before)
  })

  it('an answer concludes the case with its reportable outcome and the derived flags', async () => {
    const id = await agency(get())
    const c = await newCase(get(), id, '2024-09-30')
    const appId = Number(c.row.id)
    const answered = await recordEvent(
      get(),
      appId,
      {
        kind: 'answered',
        on: d('2024-10-16'),
        items: [
          { request: '补偿方案', result: 'disclosed' },
          { request: '被征收人名单', result: 'withheld.thirdPartyRights' },
        ],
        replyText: '部分公开',
      },
      d('2024-10-16'),
    )
    expect(answered.row.outcome).toBe('partiallyDisclosed')
    expect(answered.row.concluded_on).toBe('2024-10-16')
    expect(answered.clock.answeredLate).toBe(false)
    await expect(
      recordEvent(
        get(),
        appId,
        { kind: 'supplementRequested', on: d('2024-10-17'), completeBy: d('2024-10-30'), request: 'x' },
        d('2024-10-17'),
      ),
    ).rejects.toThrow('不能执行「告知补正」')
  })

  it('entering next year’s notice updates the due date of every open case at once', async () => {
    const id = await agency(get())
    // received 2026-12-15: the 20th working day falls in January 2027, a year the package does not know
    const c = await newCase(get(), id, '2026-12-15')
    expect(c.clock.provisional).toBe(true)
    // 《全国年节及纪念日放假办法》第二条 keeps 元旦 before the notice (issue 11, decision 0008; was 1/12 on weekends
    // alone): 12/16–18 1–3, 21–25 4–8, 28–31 9–12, [1/1 元旦 暂定], 1/4–8 13–17, 1/11 18, 1/12 19, 1/13 20
    expect(c.row.due_by).toBe('2027-01-13')
    expect(c.row.due_provisional).toBe(1)
    const notice = parseYearNotice({
      year: 2027,
      holidays: ['2027-01-01~2027-01-03'],
      workdays: [],
      source: '测试通知',
    })
    const { refreshed } = await enterYearNotice({
      store: get(),
      actor: systemActor('test'),
      notice,
      today: d('2026-12-15'),
    })
    expect(refreshed).toBeGreaterThanOrEqual(1)
    const row = await get()
      .db.selectFrom('applications')
      .selectAll()
      .where('id', '=', Number(c.row.id))
      .executeTakeFirstOrThrow()
    // 1/1 is now a holiday: one more working day, 1/13
    expect(row.due_by).toBe('2027-01-13')
    expect(row.due_provisional).toBe(0)
  })

  it('records an administrative review and its decision', async () => {
    const id = await agency(get())
    const c = await newCase(get(), id, '2025-05-06')
    const reviewId = await recordReview(get(), {
      agencyId: id,
      applicationId: Number(c.row.id),
      kind: 'review',
      filedOn: '2025-06-20',
      body: '某市人民政府',
    })
    await decideReview(get(), reviewId, { result: 'upheld', decidedOn: '2025-08-01' })
    const row = await get().db.selectFrom('reviews').selectAll().where('id', '=', reviewId).executeTakeFirstOrThrow()
    expect([row.result, row.decided_on]).toEqual(['upheld', '2025-08-01'])
    await expect(decideReview(get(), reviewId, { result: 'corrected', decidedOn: '2025-08-02' })).rejects.toThrow(
      '已审结',
    )
  })
})

/** One scripted history, replayed on a fresh database; returns what a user would see, without ids and instants. */
async function scenario(store: Store) {
  const id = await createAgency(store, { name: '福州市住房保障和房产管理局', code: '113501000037123459' })
  const out: unknown[] = []
  const c = await newCase(store, id, '2026-01-30')
  const appId = Number(c.row.id)
  const steps: ApplicationEvent[] = [
    { kind: 'consultationStarted', on: d('2026-02-05'), party: 'thirdParty', with: '第三方' },
    { kind: 'consultationEnded', on: d('2026-02-27'), reply: '不同意' },
    {
      kind: 'extended',
      on: d('2026-03-20'),
      days: 20,
      approvedBy: '主任',
      approvedOn: d('2026-03-19'),
      reason: '复杂',
    },
    {
      kind: 'answered',
      on: d('2026-04-10'),
      items: [{ request: 'a', result: 'unableToProvide.notHeld' }],
      replyText: '不掌握',
    },
  ]
  for (const s of steps) {
    const f = await recordEvent(store, appId, s, s.on)
    // the applicant is sealed with a random IV (decision 0045): compared as opened, not as ciphertext
    const { id: _id, created_at: _c, query_code: _q, applicant: _a, applicant_name: _n, ...row } = f.row
    out.push({ row, applicant: await openApplicant(store.db, f.row), clock: f.clock, state: f.state })
  }
  return out
}

it.runIf(ENGINES.length === 2)('the same service calls give identical results on SQLite and PostgreSQL', async () => {
  const results = []
  for (const engine of ENGINES) {
    const store = await freshStore(engine)
    try {
      results.push(await scenario(store))
    } finally {
      await store.drop()
    }
  }
  expect(results[1]).toEqual(results[0])
})

it('an agency setting that does not validate falls back to the documented clock policy', async () => {
  const { clockPolicyOf, parseAgencySettings } = await import('../../src/domain/agency/settings.js')
  const policyOf = (json: string) => clockPolicyOf(parseAgencySettings(json))
  expect(policyOf('{"clock":{"feeNoticePauses":false}}').feeNoticePauses).toBe(false)
  expect(policyOf('{"clock":{"answerKinds":{"alreadyPublic":"not-an-outcome"}}}')).toEqual({ feeNoticePauses: true })
  expect(policyOf('not json')).toEqual({ feeNoticePauses: true })
})
