import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { systemActor } from '../../src/services/actor.js'
import { setClockSettings } from '../../src/services/admin/setClockSettings.js'
import { submitOnlineApplication } from '../../src/services/cases/submitOnlineApplication.js'
import { findAgencyById } from '../../src/store/agencyRepo.js'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency } from '../support/factories.js'
import type { Agent, World } from '../auth/support.js'
import { get, makeUsers, makeWorld, postForm, signIn, testApp } from '../auth/support.js'

const d = (s: string) => s as CalendarDay
const visitor = { username: 'public', ip: '198.51.100.7', principal: null }

/** An application submitted on the portal on `on` at `at` (Beijing time). */
async function submitOnline(store: Store, agencyId: number, on: string, at: string) {
  const agency = (await findAgencyById(store.db, agencyId))?.code ?? ''
  const input = {
    agency,
    applicantKind: 'naturalPerson',
    name: '王小明',
    idType: 'passport',
    idNumber: 'E12345678',
    phone: '0570-1234567',
    email: 'wang@example.cn',
    description: '请公开棚户区改造项目的补偿标准',
    delivery: 'electronic',
  }
  return submitOnlineApplication({ store, actor: visitor, input, files: [], today: d(on), at })
}

describeEachEngine('答复期限设置: an agency’s clock choices (decisions 0002, 0007)', (getStore) => {
  let store: Store
  const admin = systemActor('test')
  const today = d('2026-11-17')

  beforeAll(() => {
    store = getStore()
  })

  it('a closing time that is not HH:MM is refused with a message naming 下班时间', async () => {
    const agencyId = await makeAgency(store)
    const bad = { store, actor: admin, agencyId, feeNoticePauses: true, nextWorkingDay: true, today }
    for (const closesAt of ['17.30', '25:00', '5:30', ''])
      await expect(setClockSettings({ ...bad, closesAt })).rejects.toMatchObject({
        errors: [{ field: 'closesAt', message: expect.stringContaining('下班时间应为 HH:MM') }],
      })
    expect((await findAgencyById(store.db, agencyId))?.settings.clock).toBeUndefined()
  })

  it('a later closing time is stored, audited, and moves the receipt day of a submission at 17:45', async () => {
    const agencyId = await makeAgency(store)
    // 《条例》第三十一条第（三）项, decision 0007 (default: the office closes at 17:30). Tuesday 2026-11-17 17:45
    // is after hours: received Wednesday 11/18; counting from 11/19: 11/19 1, 11/20 2, 11/23–27 3–7, 11/30 8,
    // 12/1–4 9–12, 12/7–11 13–17, 12/14 18, 12/15 19, 12/16 20 (the State Council's 2026 holiday notice has no
    // holiday in November or December).
    const before = await submitOnline(store, agencyId, '2026-11-17', '17:45')
    expect(before.receivedOn).toBe('2026-11-18')
    expect(before.dueBy).toBe('2026-12-16')

    const set = { store, actor: admin, agencyId, feeNoticePauses: true, nextWorkingDay: true, today }
    const recomputed = await setClockSettings({ ...set, closesAt: '18:00' })
    expect(recomputed).toBeGreaterThanOrEqual(1) // the open case above among them
    expect((await findAgencyById(store.db, agencyId))?.settings.clock?.onlineReceipt).toEqual({
      nextWorkingDay: true,
      closesAt: '18:00',
    })
    const audit = await store.db
      .selectFrom('audit_log')
      .select(['actor', 'detail'])
      .where('action', '=', 'agency.settings')
      .where('target_id', '=', String(agencyId))
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({
      clock: {
        before: { feeNoticePauses: true, nextWorkingDay: true, closesAt: '17:30' },
        after: { feeNoticePauses: true, nextWorkingDay: true, closesAt: '18:00' },
      },
    })

    // now the office is open at 17:45: received Tuesday 11/17 itself; counting from 11/18: 11/18–20 1–3,
    // 11/23–27 4–8, 11/30 9, 12/1–4 10–13, 12/7–11 14–18, 12/14 19, 12/15 20
    const after = await submitOnline(store, agencyId, '2026-11-17', '17:45')
    expect(after.receivedOn).toBe('2026-11-17')
    expect(after.dueBy).toBe('2026-12-15')

    // saving the same choices again changes nothing and is not audited again
    expect(await setClockSettings({ ...set, closesAt: '18:00' })).toBe(0)
  })
})

describeEachEngine('the agencies page has a 答复期限设置 section', (getStore, engine) => {
  let app: FastifyInstance
  let w: World
  let users: Awaited<ReturnType<typeof makeUsers>>

  beforeAll(async () => {
    w = await makeWorld(getStore())
    users = await makeUsers(getStore(), w, `clock${engine}`)
    app = await testApp(getStore())
  })

  it('an agency administrator sees the section; a bad closing time comes back 400 naming 下班时间', async () => {
    const a: Agent = await signIn(app, users.agencyAdmin)
    const page = await get(app, a, '/console/agencies')
    expect(page.body).toContain('答复期限设置')
    expect(page.body).toContain(`action="/console/agencies/${w.agencyA}/clock"`)
    const url = `/console/agencies/${w.agencyA}/clock`
    const bad = await postForm(app, a, url, { feeNoticePauses: 'on', nextWorkingDay: 'on', closesAt: '17点半' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('下班时间应为 HH:MM')
    const ok = await postForm(app, a, url, { nextWorkingDay: 'on', closesAt: '18:00' })
    expect(ok.statusCode).toBe(303)
    expect((await get(app, a, '/console/agencies')).body).toContain('value="18:00"')
    // agency B is not theirs
    const other = await postForm(app, a, `/console/agencies/${w.agencyB}/clock`, { closesAt: '18:00' })
    expect(other.statusCode).toBe(403)
  })
})
