import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { recordEvent } from '../../src/services/recordEvent.js'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'
import type { Agent, TestRole, World } from '../auth/support.js'
import { get, makeUsers, makeWorld, postForm, signIn, testApp } from '../auth/support.js'

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''

describeEachEngine('the console: reviews of a case and the 台账', (getStore, engine) => {
  let app: FastifyInstance
  let store: Store
  let w: World
  let users: Record<TestRole, string>
  let office: Agent

  beforeAll(async () => {
    store = getStore()
    w = await makeWorld(store)
    users = await makeUsers(store, w, `casefile${engine}`)
    app = await testApp(store)
    office = await signIn(app, users.office)
    const on = '2026-11-20' as CalendarDay
    const items = [{ request: '方案', result: 'disclosed' as const }]
    await recordEvent(store, w.caseA1, { kind: 'answered', on, items, replyText: '予以公开' }, on)
  })

  const post = async (url: string, fields: Record<string, string>) => {
    office.csrf = csrfOf((await get(app, office, `/console/applications/${w.caseA1}`)).body)
    return postForm(app, office, url, fields)
  }

  it('registers a review from the case, refuses the same one again, and shows it on the case', async () => {
    const form = { kind: 'review', filedOn: '2026-11-23', body: '甲市人民政府' }
    expect((await post(`/console/applications/${w.caseA1}/reviews`, form)).statusCode).toBe(303)
    const again = await post(`/console/applications/${w.caseA1}/reviews`, form)
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain('不能重复登记')
    const page = await get(app, office, `/console/applications/${w.caseA1}`)
    expect(page.body).toContain('甲市人民政府')
    expect(page.body).toContain('尚未审结')
  })

  it('a result without its decision day is shown again with the field named in Chinese', async () => {
    const id = Number(
      (
        await store.db
          .selectFrom('reviews')
          .select('id')
          .where('application_id', '=', w.caseA1)
          .executeTakeFirstOrThrow()
      ).id,
    )
    const url = `/console/applications/${w.caseA1}/reviews/${id}`
    const bad = await post(url, { body: '甲市人民政府', filedOn: '2026-11-23', result: 'upheld', decidedOn: '' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('请填写审结日期')
    const ok = await post(url, {
      body: '甲市人民政府',
      filedOn: '2026-11-23',
      result: 'upheld',
      decidedOn: '2026-11-24',
    })
    expect(ok.statusCode).toBe(303)
    // a review of this case edited through another case's address is not found
    const other = await post(`/console/applications/${w.caseA2}/reviews/${id}`, {
      body: '甲市人民政府',
      filedOn: '2026-11-23',
      result: 'other',
      decidedOn: '2026-11-24',
    })
    expect(other.statusCode).toBe(404)
  })

  it('the list of the year answers a bad year with a Chinese page naming the field', async () => {
    const res = await get(app, office, '/console/reviews?year=abc')
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.body).toContain('年度应为数字')
    const ok = await get(app, office, `/console/reviews?agency=${w.agencyA}&year=2026`)
    expect(ok.statusCode).toBe(200)
    expect(ok.body).toContain('甲市人民政府')
  })

  it('the office corrects a result from the list of the year, and returns to that list', async () => {
    const list = await get(app, office, `/console/reviews?agency=${w.agencyA}&year=2026`)
    office.csrf = csrfOf(list.body)
    const action = /action="(\/console\/reviews\/\d+\?[^"]+)"/.exec(list.body)?.[1]?.replaceAll('&amp;', '&') ?? ''
    const bad = await postForm(app, office, action, {
      body: '',
      filedOn: '2026-11-23',
      result: 'pending',
      decidedOn: '',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('请填写复议机关或受理法院')
    const res = await postForm(app, office, action, {
      body: '甲市人民政府',
      filedOn: '2026-11-23',
      result: 'corrected',
      decidedOn: '2026-11-24',
    })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe(`/console/reviews?agency=${w.agencyA}&year=2026`)
    const after = await get(app, office, String(res.headers.location))
    expect(after.body).toMatch(/<tr data-kind="review"><th scope="row">行政复议<\/th><td>0<\/td><td>1<\/td>/)
  })

  it('the 台账 downloads as an Excel attachment', async () => {
    const res = await get(app, office, '/console/applications/export.xlsx?state=answered')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment;/)
  })
})
