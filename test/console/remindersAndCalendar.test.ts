import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { runReminders } from '../../src/jobs/reminders.js'
import { calendarWarning } from '../../src/web/routes/consoleSupport.js'
import type { Store } from '../../src/store/database.js'
import { loadWorkCalendar } from '../../src/store/calendarRepo.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import { describeEachEngine } from '../support/engines.js'
import type { Agent, TestRole, World } from '../auth/support.js'
import { get, makeUsers, makeWorld, postForm, signIn, testApp } from '../auth/support.js'

describeEachEngine('reminders and the calendar page', (getStore, engine) => {
  let store: Store
  let w: World
  let users: Record<TestRole, string>
  const hooks: unknown[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      hooks.push(JSON.parse(body))
      res.end('ok')
    })
  })
  let url = ''

  beforeAll(async () => {
    store = getStore()
    w = await makeWorld(store)
    users = await makeUsers(store, w, `rem${engine}`)
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it('marks overdue and due-soon cases once a day, in the console and by webhook', async () => {
    // the world's cases were received 2026-11-02: due 2026-11-30; on 2026-11-26 they are due soon
    const first = await runReminders(store, '2026-11-26' as CalendarDay, { webhookUrl: url })
    expect(first.dueSoon).toBeGreaterThanOrEqual(3)
    expect(
      first.created.filter((n) => [w.caseA1, w.caseA2, w.caseB].includes(n.applicationId)).map((n) => n.kind),
    ).toEqual(['dueSoon', 'dueSoon', 'dueSoon'])
    expect(first.webhook).toEqual({ sent: first.created.length, failed: 0 })
    expect(hooks[0]).toMatchObject({ type: 'gongkai.application.dueSoon', deadline: '2026-11-30' })
    const again = await runReminders(store, '2026-11-26' as CalendarDay, { webhookUrl: url })
    expect(again.created).toEqual([])
    const late = await runReminders(store, '2026-12-02' as CalendarDay)
    expect(late.created.find((n) => n.applicationId === w.caseA1)).toMatchObject({
      kind: 'overdue',
      message: expect.stringContaining('已超过答复期限（2026-11-30）2 个工作日'),
    })
  })

  it('the handler sees their department’s reminders on the dashboard, not the others’', async () => {
    const app = await testApp(store, '2026-12-02' as CalendarDay)
    const handler = await signIn(app, users.handler)
    const page = await get(app, handler, '/console')
    const refOf = async (id: number) =>
      (await store.db.selectFrom('applications').select('ref').where('id', '=', id).executeTakeFirstOrThrow()).ref
    expect(page.body).toContain(`申请 ${await refOf(w.caseA1)} 已超过答复期限`)
    expect(page.body).not.toContain(`申请 ${await refOf(w.caseA2)} 已超过答复期限`)
    await app.close()
  })

  it('a webhook that does not answer is counted, and the console notice stands', async () => {
    await registerApplication(
      store,
      {
        agencyId: w.agencyA,
        channel: 'letter',
        receivedOn: '2026-10-09',
        applicantKind: 'naturalPerson',
        applicantName: '甲',
        description: '某信息',
      },
      '2026-11-24' as CalendarDay,
    )
    const r = await runReminders(store, '2026-11-24' as CalendarDay, {
      webhookUrl: 'http://127.0.0.1:9/none',
      timeoutMs: 500,
    })
    expect(r.created.length).toBeGreaterThan(0)
    expect(r.webhook.failed).toBe(r.created.length)
  })

  it('from November on, the console warns while next year’s holidays are missing, until the notice is entered', async () => {
    const cal = await loadWorkCalendar(store.db)
    expect(cal.knownYears.has(2030)).toBe(false)
    expect(calendarWarning('2029-10-31' as CalendarDay, cal)).toBeNull()
    expect(calendarWarning('2029-11-01' as CalendarDay, cal)).toContain('尚未录入2030年节假日安排')
    const app = await testApp(store, '2029-12-01' as CalendarDay)
    const admin: Agent = await signIn(app, users.sysAdmin)
    let page = await get(app, admin, '/console/calendar')
    expect(page.body).toContain('尚未录入2030年节假日安排')
    admin.csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    const bad = await postForm(app, admin, '/console/calendar/year', {
      year: '2030',
      holidays: '2030-02-30',
      workdays: '',
      source: '测试',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('「2030-02-30」不是有效日期或日期范围')
    const ok = await postForm(app, admin, '/console/calendar/year', {
      year: '2030',
      holidays: '2030-01-01\n2030-02-02~2030-02-09\n2030-10-01~2030-10-07',
      workdays: '2030-02-10',
      source: '国办发明电〔2029〕测试号',
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.body).toContain('已录入2030年安排（放假 16 天，调休上班 1 天）')
    page = await get(app, admin, '/console')
    expect(page.body).not.toContain('尚未录入2030年节假日安排')
    const day = await postForm(app, admin, '/console/calendar/day', {
      day: '2030-03-08',
      kind: 'holiday',
      note: '地方节日',
    })
    expect(day.body).toContain('已保存 2030-03-08')
    expect(
      await store.db.selectFrom('audit_log').select('action').where('target_type', '=', 'calendar').execute(),
    ).toHaveLength(2)
    await app.close()
  })

  it('a case whose dates run into a year nobody entered shows them as 暂定; one within known years does not', async () => {
    const app = await testApp(store, '2031-12-22' as CalendarDay)
    const reg = (on: string) =>
      registerApplication(
        store,
        {
          agencyId: w.agencyA,
          channel: 'letter',
          receivedOn: on,
          applicantKind: 'naturalPerson',
          applicantName: '乙',
          description: '某信息',
        },
        '2031-12-22' as CalendarDay,
      )
    const unknown = await reg('2031-12-19')
    const known = await reg('2026-03-02')
    const office = await signIn(app, users.office)
    expect((await get(app, office, `/console/applications/${Number(unknown.row.id)}`)).body).toContain('（暂定）')
    expect((await get(app, office, `/console/applications/${Number(known.row.id)}`)).body).not.toContain('（暂定）')
    await app.close()
  })
})
