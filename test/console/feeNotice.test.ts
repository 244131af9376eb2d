import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'
import type { Agent, World } from '../auth/support.js'
import { get, makeUsers, makeWorld, postForm, signIn, testApp, TODAY } from '../auth/support.js'

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''

/**
 * 信息处理费 (国办函〔2020〕109号 第四条、第五条): the console computes the amount of a fee notice; nobody types it.
 * 按件: the same applicant's applications to the agency in one calendar month, progressively; 按量: by pages.
 */
describeEachEngine('fee notices: the amount by the 109号 tiers', (getStore, engine) => {
  let store: Store
  let app: FastifyInstance
  let w: World
  let office: Agent
  const cases: number[] = []

  // one applicant, eleven applications in November 2026 (the 11th is the first one charged: 100 元)
  beforeAll(async () => {
    store = getStore()
    w = await makeWorld(store)
    const users = await makeUsers(store, w, `fee${engine}`)
    app = await testApp(store)
    office = await signIn(app, users.office)
    for (let i = 1; i <= 11; i++) {
      const f = await registerApplication(
        store,
        {
          agencyId: w.agencyA,
          channel: 'online',
          receivedOn: `2026-11-${String(i + 1).padStart(2, '0')}`,
          applicantKind: 'naturalPerson',
          applicantName: '孙七',
          applicant: { idType: 'resident-id', idNumber: '11010519491231002X' },
          description: `请公开第${i}项政府信息`,
        },
        TODAY,
      )
      cases.push(Number(f.row.id))
    }
  })

  const notice = async (id: number, fields: Record<string, string>) => {
    office.csrf = csrfOf((await get(app, office, `/console/applications/${id}`)).body)
    return postForm(app, office, `/console/applications/${id}/act`, { kind: 'feeNoticed', on: TODAY, ...fields })
  }

  it('the first ten of a month are free: a 按件 notice for the 10th is refused, naming why', async () => {
    const res = await notice(cases[9] as number, { method: 'byCount' })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('应收 0 元：不应发出收费通知')
    expect(res.body).toContain('此前已计 9 件')
    const events = await store.db
      .selectFrom('application_events')
      .select('kind')
      .where('application_id', '=', cases[9] as number)
      .execute()
    expect(events.map((e) => e.kind)).toEqual(['registered'])
  })

  it('the 11th of the month is charged 100 元, and the notice letter says how it was counted', async () => {
    const id = cases[10] as number
    expect((await notice(id, { method: 'byCount', amountYuan: '1' })).statusCode).toBe(303)
    const page = await get(app, office, `/console/applications/${id}`)
    expect(page.body).toContain('金额：100 元')
    const seq = /\/letters\/(\d+)\.html/.exec(page.body)?.[1]
    const letter = await get(app, office, `/console/applications/${id}/letters/${seq}.html`)
    expect(letter.body).toContain('政府信息公开信息处理费收费通知书')
    expect(letter.body).toContain('应缴纳信息处理费100.00元')
    expect(letter.body).toContain('申请人本自然月此前已计 10 件')
  })

  it('按量: 150 pages cost 70 × 10 + 50 × 20 = 1,700 元; without pages the form names the field', async () => {
    const id = cases[0] as number
    const missing = await notice(id, { method: 'byPages', pages: '' })
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('按量计收时请填写页数')
    expect((await notice(id, { method: 'byPages', pages: '150' })).statusCode).toBe(303)
    const page = await get(app, office, `/console/applications/${id}`)
    expect(page.body).toContain('金额：1700 元')
    const seq = /\/letters\/(\d+)\.html/.exec(page.body)?.[1]
    const letter = await get(app, office, `/console/applications/${id}/letters/${seq}.html`)
    expect(letter.body).toContain('应缴纳信息处理费1700.00元')
    expect(letter.body).toContain('按量计收：共 150 页')
  })

  it('another person of the same name (another ID number) starts from zero', async () => {
    const other = await registerApplication(
      store,
      {
        agencyId: w.agencyA,
        channel: 'online',
        receivedOn: '2026-11-20' as CalendarDay,
        applicantKind: 'naturalPerson',
        applicantName: '孙七',
        applicant: { idType: 'resident-id', idNumber: '110105194912310021' },
        description: '同名的另一人',
      },
      TODAY,
    )
    const res = await notice(Number(other.row.id), { method: 'byCount' })
    expect(res.body).toContain('此前已计 0 件')
  })
})
