import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { buildApp } from '../../src/web/app.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency } from '../support/factories.js'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import { cookieHeader, PASSWORD, signIn } from '../auth/support.js'

describeEachEngine('the platform answers', (get, engine) => {
  it('GET /healthz answers 200 with the database engine', async () => {
    const app = await buildApp({ store: get(), today: () => '2026-11-24' as CalendarDay })
    const res = await app.inject('/healthz')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ ok: true, engine })
  })

  it('GET /api/applications/:id shows the computed dates and marks a guessed year provisional', async () => {
    const agencyId = await makeAgency(get(), '衢州市住房和城乡建设局')
    const c = await registerApplication(
      get(),
      {
        agencyId,
        channel: 'online',
        receivedOn: '2026-12-21',
        applicantKind: 'commercial',
        applicantName: '某公司',
        description: '请公开某项目规划许可',
      },
      '2026-12-21' as CalendarDay,
    )
    const app = await buildApp({ store: get(), today: () => '2026-12-22' as CalendarDay })
    await createUser({
      store: get(),
      actor: systemActor('test'),
      username: 'core-admin',
      displayName: '管理员',
      password: PASSWORD,
      mustChangePassword: false,
      roles: ['sysAdmin'],
      agencyId: null,
    })
    const staff = await signIn(app, 'core-admin')
    const anonymous = await app.inject(`/api/applications/${c.row.id}`)
    expect(anonymous.statusCode).toBe(401)
    const body = (
      await app.inject({ url: `/api/applications/${c.row.id}`, headers: { cookie: cookieHeader(staff) } })
    ).json()
    expect(body).toMatchObject({
      receivedOn: '2026-12-21',
      state: 'registered',
      provisional: true,
      stateLabel: '已登记',
    })
    // 2026-12-21 + 7 working days: 22,23,24,25,28,29,30 → 12/30 (all in 2026, which is known)
    expect(body.supplementBy).toBe('2026-12-30')
    const home = await app.inject('/')
    expect(home.body).toContain('衢州市住房和城乡建设局')
  })

  it('an unknown case is a 404 with a Chinese message', async () => {
    const app = await buildApp({ store: get(), today: () => '2026-11-24' as CalendarDay })
    const staff = await signIn(app, 'core-admin')
    const res = await app.inject({ url: '/api/applications/999999', headers: { cookie: cookieHeader(staff) } })
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toBe('未找到申请')
  })
})
