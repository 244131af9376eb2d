import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { recordEvent } from '../../src/services/recordEvent.js'
import type { Store } from '../../src/store/database.js'
import type { Agent, World } from '../auth/support.js'
import { get, makeUsers, makeWorld, postForm, signIn, testApp, TODAY } from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'

// Issue 15 point 8: reads of a case and of personal data, exports, CSRF and 403 refusals and looking at the audit
// log itself each leave a record with who and from where.

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''

describeEachEngine('reads, exports and refusals are audited', (getStore, engine) => {
  let store: Store
  let app: FastifyInstance
  let w: World
  let users: Awaited<ReturnType<typeof makeUsers>>
  let office: Agent

  const records = async (action: string, actor: string) =>
    store.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'ip', 'target_type', 'target_id', 'detail'])
      .where('action', '=', action)
      .where('actor', '=', actor)
      .execute()

  beforeAll(async () => {
    store = getStore()
    w = await makeWorld(store)
    users = await makeUsers(store, w, `reads${engine}`)
    app = await testApp(store)
    office = await signIn(app, users.office)
    await recordEvent(
      store,
      w.caseA1,
      {
        kind: 'answered',
        on: TODAY,
        items: [{ request: '补偿方案', result: 'disclosed' }],
        replyText: '随文提供。',
      } as never,
      TODAY as CalendarDay,
    )
  })

  it('opening a case page (the applicant’s particulars) is a case.read record', async () => {
    expect((await get(app, office, `/console/applications/${w.caseA1}`)).statusCode).toBe(200)
    expect(await records('case.read', users.office)).toEqual([
      expect.objectContaining({ target_type: 'application', target_id: String(w.caseA1), ip: '127.0.0.1' }),
    ])
  })

  it('reading a letter and downloading its DOCX are each recorded', async () => {
    const page = await get(app, office, `/console/applications/${w.caseA1}`)
    const seq = /letters\/(\d+)\.html/.exec(page.body)?.[1]
    expect((await get(app, office, `/console/applications/${w.caseA1}/letters/${seq}.html`)).statusCode).toBe(200)
    expect((await get(app, office, `/console/applications/${w.caseA1}/letters/${seq}.docx`)).statusCode).toBe(200)
    expect(await records('caseLetter.read', users.office)).toHaveLength(1)
    expect(await records('caseLetter.download', users.office)).toHaveLength(1)
  })

  it('exporting the case list and a report are recorded', async () => {
    expect((await get(app, office, '/console/applications/export.xlsx')).statusCode).toBe(200)
    expect(await records('case.export', users.office)).toHaveLength(1)
    expect((await get(app, office, `/console/reports/${w.agencyA}/2025/report.xlsx`)).statusCode).toBe(200)
    expect(await records('report.export', users.office)).toEqual([
      expect.objectContaining({ target_type: 'report', target_id: `${w.agencyA}:2025` }),
    ])
  })

  it('a 403 and a failed CSRF check are recorded with the path', async () => {
    const handler = await signIn(app, users.handler)
    expect((await get(app, handler, `/console/applications/${w.caseB}`)).statusCode).toBe(403)
    expect(await records('security.forbidden', users.handler)).toEqual([
      expect.objectContaining({ target_type: 'request', target_id: 'GET /console/applications/:id' }),
    ])
    office.csrf = 'forged'
    const refused = await postForm(app, office, `/console/applications/${w.caseA2}/act`, { kind: 'assigned' })
    expect(refused.statusCode).toBe(403)
    expect(await records('security.csrfRefused', users.office)).toHaveLength(1)
    office.csrf = csrfOf((await get(app, office, '/console')).body)
  })

  it('the audit administrator’s look at the log, and its export, are recorded; the export holds the records', async () => {
    const auditor = await signIn(app, users.auditAdmin)
    expect((await get(app, auditor, '/console/audit')).statusCode).toBe(200)
    expect(await records('audit.view', users.auditAdmin)).toHaveLength(1)
    const csv = await get(app, auditor, `/console/audit/export.csv?actor=${users.office}`)
    expect(csv.statusCode).toBe(200)
    expect(csv.body).toContain('查看申请（含申请人个人信息）（case.read）')
    expect(csv.body).toContain('下载答复文书（DOCX）（caseLetter.download）')
    const xlsx = await get(app, auditor, '/console/audit/export.xlsx')
    expect(xlsx.headers['content-type']).toContain('spreadsheetml')
    expect(await records('audit.export', users.auditAdmin)).toHaveLength(2)
  })
})
