import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import { clockPolicyOf } from '../../src/domain/agency/settings.js'
import { computeClock } from '../../src/domain/application/clock.js'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { systemActor } from '../../src/services/actor.js'
import { recordCaseStep } from '../../src/services/cases/recordCaseStep.js'
import { findAgencyById } from '../../src/store/agencyRepo.js'
import { loadEvents } from '../../src/store/applicationRepo.js'
import { loadWorkCalendar } from '../../src/store/calendarRepo.js'
import type { Store } from '../../src/store/database.js'
import { buildApp } from '../../src/web/app.js'
import { anonymous, get, postForm, uniqueAgency } from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'

describeEachEngine('the status page after an online supplement', (getStore) => {
  let store: Store
  let app: FastifyInstance
  let today = '2026-11-24' as CalendarDay
  let agencyId = 0
  let agencyCode = ''

  beforeAll(async () => {
    store = getStore()
    agencyId = await uniqueAgency(store, '己市住房和城乡建设局')
    agencyCode = (await findAgencyById(store.db, agencyId))?.code ?? ''
    app = await buildApp({ store, today: () => today })
    await app.ready()
  })

  const dueShown = (html: string) => /id="due-by">([^<]*)</.exec(html)?.[1]

  it('shows the new due date, equal to computeClock over the case history, and says what was missing until then', async () => {
    const applied = await app.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: {
        agency: agencyCode,
        applicantKind: 'naturalPerson',
        name: '周八',
        idType: 'passport',
        idNumber: 'E12345678',
        phone: '0570-7654321',
        description: '请公开某小区加装电梯补助的审批文件',
        delivery: 'pickup',
      },
    })
    expect(applied.statusCode).toBe(201)
    const { queryCode, dueBy: firstDue } = applied.json<{ queryCode: string; dueBy: string }>()
    const id = Number(
      (
        await store.db
          .selectFrom('applications')
          .select('id')
          .where('query_code', '=', queryCode)
          .executeTakeFirstOrThrow()
      ).id,
    )
    today = '2026-11-26' as CalendarDay
    await recordCaseStep({
      store,
      actor: systemActor('office'),
      applicationId: id,
      form: { kind: 'supplementRequested', on: today, request: '请写明小区名称', completeBy: '2026-12-10' },
      today,
    })
    const visitor = await anonymous(app)
    const waiting = await get(app, visitor, `/apply/status?code=${queryCode}`)
    expect(waiting.body).toContain('请写明小区名称')
    expect(waiting.body).toContain('2026-12-10')
    expect(dueShown(waiting.body)).toBe('待补正后重新计算')

    // the supplement arrives online a week later (a Thursday: a working day)
    today = '2026-12-03' as CalendarDay
    visitor.csrf = /name="_csrf" value="([^"]+)"/.exec(waiting.body)?.[1] ?? ''
    const sent = await postForm(app, visitor, '/apply/supplement', { code: queryCode, text: '小区名称：某某花园' })
    expect(sent.statusCode).toBe(303)
    const page = await get(app, visitor, `/apply/status?code=${queryCode}&sent=supplement`)

    const agency = await findAgencyById(store.db, agencyId)
    const clock = computeClock(
      await loadEvents(store.db, id),
      await loadWorkCalendar(store.db),
      today,
      clockPolicyOf(agency?.settings ?? {}),
    )
    expect(clock.periodStartsOn).toBe('2026-12-03')
    expect(dueShown(page.body)).toBe(clock.deadline?.day)
    expect(clock.deadline?.day).not.toBe(firstDue)
    // what was missing is no longer asked for (the 补正 letter stays among the letters)
    expect(page.body).not.toContain('id="missing-what"')
    expect(waiting.body).toContain('id="missing-what">请写明小区名称<')
  })

  it('a supplement to a case that needs none is refused in Chinese and changes nothing', async () => {
    const visitor = await anonymous(app)
    const applied = await app.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: {
        agency: agencyCode,
        applicantKind: 'naturalPerson',
        name: '吴九',
        idType: 'passport',
        idNumber: 'E87654321',
        phone: '0570-7654322',
        description: '请公开某道路改造工程的批复文件',
        delivery: 'pickup',
      },
    })
    const { queryCode } = applied.json<{ queryCode: string }>()
    await get(app, visitor, `/apply/status?code=${queryCode}`)
    const res = await postForm(app, visitor, '/apply/supplement', { code: queryCode, text: '补充说明' })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('该申请当前不需要补正')
    const kinds = await store.db
      .selectFrom('application_events')
      .innerJoin('applications', 'applications.id', 'application_events.application_id')
      .select('application_events.kind')
      .where('applications.query_code', '=', queryCode)
      .execute()
    expect(kinds.map((k) => k.kind)).toEqual(['registered'])
  })
})
