import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'
import type { Agent, World } from '../auth/support.js'
import { get, makeUsers, makeWorld, postForm, signIn, testApp } from '../auth/support.js'

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''
const TODAY = '2025-07-10' as CalendarDay

/**
 * 国办函〔2020〕109号: the applicant pays within 20 working days from the day after receiving the fee notice. The
 * case page asks how the notice went out and when it was received, and refuses 逾期未缴费 before the last day.
 */
describeEachEngine('the fee notice on the case page: receipt date and the last day to pay', (getStore, engine) => {
  let store: Store
  let app: FastifyInstance
  let w: World
  let office: Agent
  let id: number

  beforeAll(async () => {
    store = getStore()
    w = await makeWorld(store)
    const users = await makeUsers(store, w, `receipt${engine}`)
    app = await testApp(store, TODAY)
    office = await signIn(app, users.office)
    const f = await registerApplication(
      store,
      {
        agencyId: w.agencyA,
        channel: 'letter',
        receivedOn: '2025-06-03',
        applicantKind: 'naturalPerson',
        applicantName: '孙七',
        description: '请公开某项目的全部审批材料',
      },
      TODAY,
    )
    id = Number(f.row.id)
  })

  const act = async (fields: Record<string, string>) => {
    office.csrf = csrfOf((await get(app, office, `/console/applications/${id}`)).body)
    return postForm(app, office, `/console/applications/${id}/act`, fields)
  }

  it('the form asks for the channel and the applicant’s receipt date', async () => {
    const page = await get(app, office, `/console/applications/${id}`)
    expect(page.body).toContain('发送方式')
    expect(page.body).toContain('申请人收到日期')
  })

  it('a notice sent 6/10 and received 6/13: 逾期未缴费 on 7/10 is refused, the last day being 7/11', async () => {
    const sent = await act({
      kind: 'feeNoticed',
      on: '2025-06-10',
      method: 'byPages',
      pages: '150',
      via: 'post',
      receivedOn: '2025-06-13',
    })
    expect(sent.statusCode).toBe(303)
    // 6/16 1, 17 2, 18 3, 19 4, 20 5, 23 6, 24 7, 25 8, 26 9, 27 10, 30 11, 7/1 12, 2 13, 3 14, 4 15, 7 16,
    // 8 17, 9 18, 10 19, 11 20 (counted from sending, 7/8 would have been the last day)
    const lapsed = await act({ kind: 'feeLapsed', on: '2025-07-10' })
    expect(lapsed.statusCode).toBe(400)
    expect(lapsed.body).toContain('缴费期限（2025-07-11）尚未届满')
  })
})
