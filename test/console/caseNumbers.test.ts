import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { caseRef } from '../../src/domain/application/caseRef.js'
import { setCaseRefPrefix } from '../../src/services/admin/setCaseRefPrefix.js'
import { systemActor } from '../../src/services/actor.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency } from '../support/factories.js'
import type { Agent, World } from '../auth/support.js'
import { get, makeUsers, makeWorld, postForm, signIn, testApp } from '../auth/support.js'

/** A letter received on `on` (registered that day) for the agency, optionally with a ledger's own number. */
async function letter(store: Store, agencyId: number, on: string, ref?: string) {
  const f = await registerApplication(
    store,
    {
      agencyId,
      channel: 'letter',
      receivedOn: on,
      applicantKind: 'naturalPerson',
      applicantName: '陈明',
      description: '请公开某小区物业维修资金使用情况',
      ...(ref ? { ref } : {}),
    },
    on as CalendarDay,
  )
  return f.row.ref
}

it('a case number reads as a 发文字号: prefix〔year〕n号, the serial without padding', () => {
  expect(caseRef('榕房依申', 2026, 1)).toBe('榕房依申〔2026〕1号')
  expect(caseRef('榕房依申', 2026, 120)).toBe('榕房依申〔2026〕120号')
  expect(caseRef(undefined, 2026, 1)).toBe('2026-00001')
})

describeEachEngine('case numbers per agency and year (issue 13 point 6, decision 0020)', (getStore, engine) => {
  let store: Store
  const admin = systemActor('test')

  beforeAll(() => {
    store = getStore()
  })

  it('each agency counts its own cases from 1, with the prefix it set', async () => {
    const fuzhou = await makeAgency(store, `福州市住房保障和房产管理局${engine}`)
    const other = await makeAgency(store)
    await setCaseRefPrefix({ store, actor: admin, agencyId: fuzhou, prefix: '榕房依申' })
    expect(await letter(store, other, '2026-03-02')).toBe('2026-00001')
    expect(await letter(store, fuzhou, '2026-03-02')).toBe('榕房依申〔2026〕1号')
    expect(await letter(store, fuzhou, '2026-03-03')).toBe('榕房依申〔2026〕2号')
    expect(await letter(store, other, '2026-03-03')).toBe('2026-00002')
  })

  it('the count starts again at 1 in a new year of receipt', async () => {
    const a = await makeAgency(store)
    await setCaseRefPrefix({ store, actor: admin, agencyId: a, prefix: '某依申' })
    expect(await letter(store, a, '2026-12-30')).toBe('某依申〔2026〕1号')
    expect(await letter(store, a, '2027-01-04')).toBe('某依申〔2027〕1号')
    // a letter received on 31 December and registered later keeps the year it was received in
    expect(await letter(store, a, '2026-12-31')).toBe('某依申〔2026〕2号')
  })

  it('a number an imported ledger already holds is skipped, never given twice', async () => {
    const a = await makeAgency(store)
    await setCaseRefPrefix({ store, actor: admin, agencyId: a, prefix: '榕房依申' })
    await letter(store, a, '2026-02-02', '榕房依申〔2026〕2号')
    await letter(store, a, '2026-02-03', '榕房依申〔2026〕3号')
    expect(await letter(store, a, '2026-03-02')).toBe('榕房依申〔2026〕1号')
    expect(await letter(store, a, '2026-03-03')).toBe('榕房依申〔2026〕4号')
  })

  it('a prefix with digits or brackets is refused with a message naming the field', async () => {
    const a = await makeAgency(store)
    await expect(setCaseRefPrefix({ store, actor: admin, agencyId: a, prefix: '榕〔2026〕' })).rejects.toMatchObject({
      errors: [{ field: 'caseRefPrefix', message: expect.stringContaining('编号前缀不能含数字、括号或空格') }],
    })
  })
})

describeEachEngine(
  'the agencies page sets the prefix; a supervisor’s list shows and filters by 机关',
  (getStore, engine) => {
    let app: FastifyInstance
    let w: World
    let users: Awaited<ReturnType<typeof makeUsers>>

    beforeAll(async () => {
      w = await makeWorld(getStore())
      users = await makeUsers(getStore(), w, `caseno${engine}`)
      app = await testApp(getStore())
    })

    it('an agency administrator sets the prefix on the agencies page, and the next case carries it', async () => {
      const a: Agent = await signIn(app, users.agencyAdmin)
      const page = await get(app, a, '/console/agencies')
      expect(page.body).toContain('案件编号')
      const bad = await postForm(app, a, `/console/agencies/${w.agencyA}/case-ref`, { caseRefPrefix: '甲12' })
      expect(bad.statusCode).toBe(400)
      expect(bad.body).toContain('编号前缀不能含数字、括号或空格')
      const ok = await postForm(app, a, `/console/agencies/${w.agencyA}/case-ref`, { caseRefPrefix: '甲住建依申' })
      expect(ok.statusCode).toBe(303)
      expect((await get(app, a, '/console/agencies')).body).toContain('甲住建依申〔2026〕1号')
      expect(await letter(getStore(), w.agencyA, '2026-11-20')).toMatch(/^甲住建依申〔2026〕\d+号$/)
      // agency B is not theirs
      const other = await postForm(app, a, `/console/agencies/${w.agencyB}/case-ref`, { caseRefPrefix: '乙' })
      expect(other.statusCode).toBe(403)
    })

    it('a supervisor sees a 机关 column and can filter by agency', async () => {
      const sup = await signIn(app, users.supervisor)
      const list = await get(app, sup, '/console/applications')
      expect(list.body).toContain('<th scope="col">机关</th>')
      expect(list.body).toContain('<label for="agency">机关</label>')
      const filtered = await get(app, sup, `/console/applications?agency=${w.agencyB}`)
      const ids = [...filtered.body.matchAll(/href="\/console\/applications\/(\d+)"/g)].map((m) => Number(m[1]))
      expect(ids).toEqual([w.caseB])
      // an office of one agency has no such column
      const office = await signIn(app, users.office)
      expect((await get(app, office, '/console/applications')).body).not.toContain('<th scope="col">机关</th>')
    })
  },
)
