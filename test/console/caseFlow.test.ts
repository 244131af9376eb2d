import type { FastifyInstance } from 'fastify'
import JSZip from 'jszip'
import { beforeAll, expect, it } from 'vitest'
import type { Store } from '../../src/store/database.js'
import { verifyAuditLog } from '../../src/services/auditLog.js'
import { describeEachEngine } from '../support/engines.js'
import type { Agent, TestRole, World } from '../auth/support.js'
import { get, makeUsers, makeWorld, postForm, signIn, testApp } from '../auth/support.js'

function csrfOf(html: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''
}

describeEachEngine('the console: a letter application from registration to reply letter', (getStore, engine) => {
  let app: FastifyInstance
  let store: Store
  let w: World
  let users: Record<TestRole, string>
  let office: Agent
  let caseId: number

  beforeAll(async () => {
    store = getStore()
    w = await makeWorld(store)
    users = await makeUsers(store, w, `flow${engine}`)
    app = await testApp(store)
    office = await signIn(app, users.office)
  })

  const act = async (who: Agent, route: 'act' | 'decide', fields: Record<string, string>) => {
    const page = await get(app, who, `/console/applications/${caseId}`)
    who.csrf = csrfOf(page.body)
    return postForm(app, who, `/console/applications/${caseId}/${route}`, fields)
  }

  it('the office registers a letter application with its signed-for date', async () => {
    const form = await get(app, office, '/console/applications/new')
    office.csrf = csrfOf(form.body)
    const res = await postForm(app, office, '/console/applications/new', {
      agencyId: String(w.agencyA),
      channel: 'letter',
      receivedOn: '2026-11-16',
      applicantKind: 'naturalPerson',
      applicantName: '赵六',
      phone: '13900000000',
      address: '某市某路3号',
      description: '请公开2026年某小区加装电梯补助资金发放名单',
    })
    expect(res.statusCode).toBe(303)
    caseId = Number(/\/console\/applications\/(\d+)/.exec(res.headers.location as string)?.[1])
    const page = await get(app, office, `/console/applications/${caseId}`)
    expect(page.body).toContain('赵六')
    expect(page.body).toContain('2026-12-14') // 20 working days after 16 November 2026
  })

  it('routes it to a department, whose handler then sees it', async () => {
    expect(
      (await act(office, 'decide', { kind: 'assigned', on: '2026-11-17', departmentId: String(w.deptA1) })).statusCode,
    ).toBe(303)
    const handler = await signIn(app, users.handler)
    const list = await get(app, handler, '/console/applications')
    expect(list.body).toContain(`/console/applications/${caseId}"`)
  })

  it('a rule of the law refused by recordEvent is shown in Chinese and nothing is recorded', async () => {
    const before = await store.db
      .selectFrom('application_events')
      .select('id')
      .where('application_id', '=', caseId)
      .execute()
    const res = await act(office, 'act', {
      kind: 'supplementRequested',
      on: '2026-11-30',
      request: '请写明小区名称',
      completeBy: '2026-12-10',
    })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('补正告知须在收到申请之日起7个工作日内发出')
    expect(
      await store.db.selectFrom('application_events').select('id').where('application_id', '=', caseId).execute(),
    ).toHaveLength(before.length)
  })

  it('a supplement request, then its completion, restarts the 20 working days', async () => {
    expect(
      (
        await act(office, 'act', {
          kind: 'supplementRequested',
          on: '2026-11-18',
          request: '请写明小区名称',
          completeBy: '2026-11-30',
        })
      ).statusCode,
    ).toBe(303)
    let page = await get(app, office, `/console/applications/${caseId}`)
    expect(page.body).toContain('待补正后重新计算')
    expect((await act(office, 'act', { kind: 'supplementReceived', on: '2026-11-20' })).statusCode).toBe(303)
    page = await get(app, office, `/console/applications/${caseId}`)
    expect(page.body).toContain('2026-12-18') // 20 working days after 20 November
  })

  it('the answer produces a reply letter, as printable HTML and as DOCX, with the remedies', async () => {
    expect(
      (
        await act(office, 'decide', {
          kind: 'answered',
          on: '2026-11-24',
          result: 'withheld.thirdPartyRights',
          replyText: '涉及个人隐私，第三方不同意公开。',
        })
      ).statusCode,
    ).toBe(303)
    const page = await get(app, office, `/console/applications/${caseId}`)
    const seq = Number(/letters\/(\d+)\.html/.exec(page.body.split('政府信息公开申请答复书')[1] ?? '')?.[1])
    const html = await get(app, office, `/console/applications/${caseId}/letters/${seq}.html`)
    expect(html.body).toContain('政府信息公开申请答复书')
    expect(html.body).toContain('赵六：')
    expect(html.body).toContain('应当先申请行政复议')
    const docx = await app.inject({
      url: `/console/applications/${caseId}/letters/${seq}.docx`,
      headers: { cookie: `gk_session=${office.cookies.get('gk_session')}` },
    })
    expect(docx.headers['content-type']).toContain('wordprocessingml')
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string')
    expect(xml).toContain('政府信息公开申请答复书')
    expect(xml).toContain('60日内向甲市人民政府申请行政复议')
  })

  it('the supplement notice is a letter too', async () => {
    const page = await get(app, office, `/console/applications/${caseId}`)
    expect(page.body).toContain('政府信息公开申请补正告知书')
  })

  it('every step is in the audit trail with who and from where, and the chain verifies', async () => {
    const rows = await store.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'ip'])
      .where('target_type', '=', 'application')
      .where('target_id', '=', String(caseId))
      .orderBy('seq')
      .execute()
    // reads are audited too (issue 15 point 8): the page views and letter downloads of the steps above
    const reads = new Set(['case.read', 'caseLetter.read', 'caseLetter.download'])
    expect([...new Set(rows.map((r) => r.action).filter((a) => reads.has(a)))].sort()).toEqual([...reads].sort())
    expect(rows.map((r) => r.action).filter((a) => !reads.has(a))).toEqual([
      'case.registered',
      'case.assigned',
      'case.supplementRequested',
      'case.supplementReceived',
      'case.answered',
    ])
    expect(rows.every((r) => r.actor === users.office && r.ip !== '')).toBe(true)
    expect((await verifyAuditLog(store.db)).ok).toBe(true)
  })

  it('a 行政复议 against the answer is recorded together with its audit record; a refused one leaves neither', async () => {
    const post = async (fields: Record<string, string>) => {
      office.csrf = csrfOf((await get(app, office, `/console/applications/${caseId}`)).body)
      return postForm(app, office, `/console/applications/${caseId}/reviews`, fields)
    }
    const count = async () => ({
      reviews: (await store.db.selectFrom('reviews').select('id').where('application_id', '=', caseId).execute())
        .length,
      audit: (
        await store.db
          .selectFrom('audit_log')
          .select('seq')
          .where('action', '=', 'case.review')
          .where('target_id', '=', String(caseId))
          .execute()
      ).length,
    })
    const bad = await post({ kind: 'review', filedOn: '2020-01-01', body: '甲市人民政府' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('复议（起诉）日期不能早于申请收到日期')
    expect(await count()).toEqual({ reviews: 0, audit: 0 })
    expect((await post({ kind: 'review', filedOn: '2026-11-24', body: '甲市人民政府' })).statusCode).toBe(303)
    expect(await count()).toEqual({ reviews: 1, audit: 1 })
    expect((await verifyAuditLog(store.db)).ok).toBe(true)
  })

  it('an agency administrator edits a template: the next letter uses it, a letter issued before keeps its text', async () => {
    const admin = await signIn(app, users.agencyAdmin)
    const page = await get(app, admin, `/console/templates?agency=${w.agencyA}`)
    admin.csrf = csrfOf(page.body)
    const bad = await postForm(app, admin, '/console/templates', {
      agencyId: String(w.agencyA),
      kind: 'reply',
      body: '{不存在}',
    })
    expect(bad.body).toContain('模板中有未知的占位符：{不存在}')
    const ok = await postForm(app, admin, '/console/templates', {
      agencyId: String(w.agencyA),
      kind: 'reply',
      body: '经研究，{申请人}申请的「{申请内容}」答复如下：{决定}。',
    })
    expect(ok.body).toContain('模板已保存')
    const letterOf = async (id: number) => {
      const caseHtml = await get(app, office, `/console/applications/${id}`)
      const seq = Number(/letters\/(\d+)\.html/.exec(caseHtml.body.split('政府信息公开申请答复书')[1] ?? '')?.[1])
      return (await get(app, office, `/console/applications/${id}/letters/${seq}.html`)).body
    }
    // issued on 2026-11-24 under the default text (issue 15 point 7, decision 0033)
    const before = await letterOf(caseId)
    expect(before).toContain('涉及个人隐私，第三方不同意公开。')
    expect(before).not.toContain('经研究')
    office.csrf = csrfOf((await get(app, office, `/console/applications/${w.caseA1}`)).body)
    const answered = await postForm(app, office, `/console/applications/${w.caseA1}/decide`, {
      kind: 'answered',
      on: '2026-11-24',
      result: 'withheld.thirdPartyRights',
      replyText: '涉及第三方商业秘密，第三方不同意公开。',
    })
    expect(answered.statusCode).toBe(303)
    const letter = await letterOf(w.caseA1)
    expect(letter).toContain('经研究，')
    expect(letter).toContain('应当先申请行政复议')
  })

  it('the list finds cases by applicant, state and due date, 20 a page', async () => {
    const ids = (html: string) => [...html.matchAll(/href="\/console\/applications\/(\d+)"/g)].map((m) => Number(m[1]))
    expect(ids((await get(app, office, `/console/applications?q=${encodeURIComponent('赵六')}`)).body)).toEqual([
      caseId,
    ])
    // caseId, and caseA1 answered by the template test above
    expect(ids((await get(app, office, '/console/applications?state=answered')).body).sort()).toEqual(
      [caseId, w.caseA1].sort(),
    )
    const open = ids((await get(app, office, '/console/applications?state=inProgress')).body)
    expect(open).toContain(w.caseA2)
    expect(open).not.toContain(w.caseA1)
    expect(open).not.toContain(w.caseB) // another agency's case is outside the office's scope
    for (let i = 0; i < 21; i++) {
      await store.db
        .insertInto('applications')
        .values({
          agency_id: w.agencyA,
          ref: `P-${engine}-${i}`,
          query_code: `PAGE${engine}${i}`.toUpperCase().slice(0, 16),
          channel: 'letter',
          applicant_kind: 'naturalPerson',
          applicant_name: '分页测试',
          applicant: '{}',
          description: 'x',
          topic: null,
          department_id: null,
          received_on: '2026-11-02',
          state: 'archived',
          outcome: null,
          concluded_on: null,
          due_by: null,
          due_provisional: 0,
          created_at: new Date().toISOString(),
        })
        .execute()
    }
    const first = await get(app, office, `/console/applications?q=${encodeURIComponent('分页测试')}`)
    expect(first.body).toContain('共 21 件')
    expect(ids(first.body)).toHaveLength(20)
    const second = await get(app, office, `/console/applications?q=${encodeURIComponent('分页测试')}&page=2`)
    expect(ids(second.body)).toHaveLength(1)
    expect(second.body).toContain('第 2 / 2 页')
  })

  it('the dashboard shows this month’s figures with a chart', async () => {
    const page = await get(app, office, '/console')
    expect(page.body).toContain('本月情况（2026-11）')
    expect(page.body).toContain('<svg')
  })
})
