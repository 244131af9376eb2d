import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { systemActor } from '../../src/services/actor.js'
import { saveLetterTemplate } from '../../src/services/admin/saveLetterTemplate.js'
import { publicCaseStatus } from '../../src/services/cases/publicCaseStatus.js'
import { recordEvent } from '../../src/services/recordEvent.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import type { Store } from '../../src/store/database.js'
import type { Agent } from '../auth/support.js'
import { get, makeUsers, makeWorld, signIn, testApp } from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'

// Issue 15 point 7: a letter delivered in 2020 must read, years later, as it was issued, whatever the template
// says since (decision 0033).

const d = (s: string) => s as CalendarDay
const NEW_TEXT = '经再次研究，{申请人}申请的「{申请内容}」答复如下：{决定}。'

describeEachEngine('letters as issued: a template edit changes only later letters', (getStore, engine) => {
  let store: Store
  let app: FastifyInstance
  let office: Agent
  let agencyId: number
  let old: { id: number; code: string }

  const answer = async (receivedOn: string, on: string, name: string) => {
    const f = await registerApplication(
      store,
      {
        agencyId,
        channel: 'letter',
        receivedOn,
        applicantKind: 'naturalPerson',
        applicantName: name,
        description: '请公开2020年旧城改造项目补偿标准',
      },
      d(receivedOn),
    )
    const id = Number(f.row.id)
    await recordEvent(
      store,
      id,
      {
        kind: 'answered',
        on: d(on),
        items: [{ request: '补偿标准', result: 'disclosed' }],
        replyText: '随文提供补偿标准。',
      },
      d(on),
    )
    return { id, code: f.row.query_code }
  }

  beforeAll(async () => {
    store = getStore()
    const w = await makeWorld(store)
    agencyId = w.agencyA
    const users = await makeUsers(store, w, `issued${engine}`)
    app = await testApp(store)
    office = await signIn(app, users.office)
    old = await answer('2020-06-01', '2020-06-15', '陈国华')
  })

  it('the applicant’s status page shows the 2020 reply as issued after the template is edited', async () => {
    const before = await publicCaseStatus({ store, queryCode: old.code, today: d('2026-11-24') })
    expect(before?.replyLetter?.paragraphs.join('')).toContain('随文提供补偿标准。')
    await saveLetterTemplate({ store, actor: systemActor('test'), agencyId, kind: 'reply', body: NEW_TEXT })
    const after = await publicCaseStatus({ store, queryCode: old.code, today: d('2026-11-24') })
    expect(after?.replyLetter).toEqual(before?.replyLetter)
    expect(after?.replyLetter?.paragraphs.join('')).not.toContain('经再次研究')
    const page = await app.inject({ url: `/apply/status?code=${old.code}` })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('随文提供补偿标准。')
    expect(page.body).not.toContain('经再次研究')
  })

  it('a letter issued after the edit uses the new text', async () => {
    const later = await answer('2026-11-02', '2026-11-16', '周建平')
    const s = await publicCaseStatus({ store, queryCode: later.code, today: d('2026-11-24') })
    expect(s?.replyLetter?.paragraphs.join('')).toContain('经再次研究，周建平申请的')
  })

  it('the console serves the stored DOCX byte for byte, with its SM3 digest, and shows the digests on the letter', async () => {
    const page = await get(app, office, `/console/applications/${old.id}`)
    const seq = Number(/letters\/(\d+)\.html/.exec(page.body.split('政府信息公开申请答复书')[1] ?? '')?.[1])
    const cookie = `gk_session=${office.cookies.get('gk_session')}`
    const url = `/console/applications/${old.id}/letters/${seq}.docx`
    const first = await app.inject({ url, headers: { cookie } })
    const second = await app.inject({ url, headers: { cookie } })
    expect(first.statusCode).toBe(200)
    expect(Buffer.compare(first.rawPayload, second.rawPayload)).toBe(0)
    const digest = createHash('sm3').update(first.rawPayload).digest('hex')
    expect(first.headers['x-content-sm3']).toBe(digest)
    const html = await get(app, office, `/console/applications/${old.id}/letters/${seq}.html`)
    expect(html.body).toContain('随文提供补偿标准。')
    expect(html.body).not.toContain('经再次研究')
    expect(html.body).toContain(`DOCX SM3：<code>${digest}</code>`)
  })
})
