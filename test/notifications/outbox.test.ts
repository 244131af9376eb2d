import { afterAll, beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { RETRY_DELAYS_MINUTES } from '../../src/domain/notifications/retry.js'
import { publicActor, systemActor } from '../../src/services/actor.js'
import { submitOnlineApplication } from '../../src/services/cases/submitOnlineApplication.js'
import { submitOnlineSupplement } from '../../src/services/cases/submitOnlineSupplement.js'
import { recordCaseStep } from '../../src/services/cases/recordCaseStep.js'
import { ValidationError } from '../../src/services/errors.js'
import { deliverOutbox } from '../../src/services/notifications/deliverOutbox.js'
import { listOutboxForStaff } from '../../src/services/notifications/listOutboxForStaff.js'
import { requeueOutboxMessage } from '../../src/services/notifications/requeueMessage.js'
import { transportsFor } from '../../src/services/notifications/transports.js'
import type { Store } from '../../src/store/database.js'
import { Opener } from '../../src/store/personalData/sealedStore.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency } from '../support/factories.js'
import { startMailServer, startSmsGateway } from '../support/mailServer.js'

const TODAY = '2026-11-24' as CalendarDay
const PERSON = {
  applicantKind: 'naturalPerson',
  name: '王小明',
  idType: 'resident-id',
  idNumber: '11010519491231002X',
  phone: '13800138000',
  email: 'wang@example.cn',
  address: '浙江省衢州市柯城区某路1号',
  description: '请公开2026年本市棚户区改造项目的征收补偿方案',
  delivery: 'electronic',
}
const PERSONAL = [PERSON.name, PERSON.idNumber, PERSON.address, '棚户区改造项目']
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
)

describeEachEngine('the outbox of messages to applicants', (getStore) => {
  let store: Store
  let agencyCode: string
  let refuse = false
  let mail: Awaited<ReturnType<typeof startMailServer>>
  let sms: Awaited<ReturnType<typeof startSmsGateway>>

  beforeAll(async () => {
    store = getStore()
    const id = await makeAgency(store, `戊市住房和城乡建设局${Math.floor(Math.random() * 1e6)}`)
    agencyCode = (await store.db.selectFrom('agencies').select('code').where('id', '=', id).executeTakeFirstOrThrow())
      .code
    mail = await startMailServer({ refuse: () => refuse })
    sms = await startSmsGateway('t0ken')
  })
  afterAll(async () => {
    await mail.close()
    await sms.close()
  })

  const apply = (
    input: Record<string, string> = {},
    files = [] as { field: string; fileName: string; data: Buffer }[],
  ) =>
    submitOnlineApplication({
      store,
      actor: publicActor('198.51.100.7'),
      input: { ...PERSON, agency: agencyCode, ...input },
      files,
      today: TODAY,
    })
  const rows = (applicationId: number) =>
    store.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('id')
      .execute()

  it('an online application queues one e-mail and one SMS, pending, with nothing personal in them', async () => {
    const r = await apply()
    const queued = await rows(r.id)
    // the recipients are sealed with the case's data key (decision 0045): stored as ciphertext, opened to send
    for (const m of queued) for (const p of PERSONAL) expect(m.recipient).not.toContain(p)
    const opener = new Opener(store.db)
    const opened = await Promise.all(queued.map(async (m) => ({ ...m, recipient: await opener.text(m.recipient) })))
    expect(opened.map((m) => [m.topic, m.channel, m.recipient, m.state])).toEqual([
      ['received', 'email', 'wang@example.cn', 'pending'],
      ['received', 'sms', '13800138000', 'pending'],
    ])
    for (const m of queued) {
      expect(m.body).toContain(r.queryCode)
      for (const p of PERSONAL) expect(`${m.subject}${m.body}`).not.toContain(p)
    }
  })

  it('sends over real SMTP and the HTTP SMS gateway, and marks them sent', async () => {
    const r = await apply()
    const transports = transportsFor({
      smtpUrl: mail.url,
      mailFrom: 'gongkai <noreply@gongkai.test>',
      smsUrl: sms.url,
      smsToken: 't0ken',
    })
    try {
      const before = mail.received.length
      const report = await deliverOutbox({ store, transports, now: new Date() })
      expect(report.failed).toBe(0)
      expect(report.sent).toBeGreaterThanOrEqual(2)
      const got = mail.received.slice(before).find((m) => m.subject.includes(r.queryCode))
      expect(got?.to).toEqual(['wang@example.cn'])
      expect(got?.subject).toContain('申请已收到')
      expect(sms.received.some((s) => s.to === '13800138000' && s.text.includes(r.queryCode))).toBe(true)
      expect((await rows(r.id)).map((m) => m.state)).toEqual(['sent', 'sent'])
    } finally {
      transports.close()
    }
  })

  it('a refused e-mail is retried after 1, 5, 30, 120 and 720 minutes, then failed and shown to staff, then re-queued', async () => {
    const r = await apply({ phone: '0570-1234567' })
    const [m] = await rows(r.id)
    if (!m) throw new Error('no message queued')
    const transports = transportsFor({ smtpUrl: mail.url, mailFrom: 'noreply@gongkai.test' })
    refuse = true
    try {
      let at = new Date()
      const reports = []
      for (const minutes of [0, ...RETRY_DELAYS_MINUTES]) {
        at = new Date(at.getTime() + minutes * 60_000)
        // a moment before the backoff ends, nothing is due
        if (minutes)
          expect((await deliverOutbox({ store, transports, now: new Date(at.getTime() - 1000) })).retrying).toBe(0)
        reports.push(await deliverOutbox({ store, transports, now: at }))
        const row = (await rows(r.id))[0]
        const next = RETRY_DELAYS_MINUTES[reports.length - 1]
        expect(row?.attempts).toBe(reports.length)
        if (next !== undefined) {
          expect(row?.state).toBe('retrying')
          expect(row?.next_attempt_at).toBe(new Date(at.getTime() + next * 60_000).toISOString())
        } else expect(row?.state).toBe('failed')
        expect(row?.last_error).toContain('550')
      }
      expect(reports.map((x) => [x.retrying, x.failed])).toEqual([
        [1, 0],
        [1, 0],
        [1, 0],
        [1, 0],
        [1, 0],
        [0, 1],
      ])
      const staff = await listOutboxForStaff({ store, actor: systemActor('staff') })
      expect(staff.failed.map((f) => f.id)).toContain(Number(m.id))
      refuse = false
      await requeueOutboxMessage({ store, actor: systemActor('staff'), id: Number(m.id) })
      expect(
        (await deliverOutbox({ store, transports, now: new Date(Date.now() + 1000) })).sent,
      ).toBeGreaterThanOrEqual(1)
      expect((await rows(r.id))[0]?.state).toBe('sent')
    } finally {
      refuse = false
      transports.close()
    }
  })

  it('each step that tells the applicant queues its message once: 补正, then the supplement received', async () => {
    const r = await apply({ phone: '0570-1234567' })
    const step = { store, actor: systemActor('office'), applicationId: r.id, today: TODAY }
    await recordCaseStep({
      ...step,
      form: { kind: 'supplementRequested', on: TODAY, request: '请写明项目名称', completeBy: '2026-12-09' },
    })
    await submitOnlineSupplement({
      store,
      actor: publicActor('198.51.100.7'),
      input: { code: r.queryCode, text: '项目名称：某某棚改' },
      files: [],
      today: TODAY,
    })
    const topics = (await rows(r.id)).map((m) => m.topic)
    expect(topics).toEqual(['received', 'supplementRequested', 'supplementReceived'])
    const sup = (await rows(r.id))[1]
    expect(sup?.body).toContain('2026-12-09')
    expect(sup?.body).not.toContain('请写明项目名称')
  })

  it('a failed submission writes nothing: no case, no file, no message, no audit entry', async () => {
    const count = async () => ({
      cases: Number(
        (
          await store.db
            .selectFrom('applications')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      files: Number(
        (
          await store.db
            .selectFrom('application_files')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      messages: Number(
        (
          await store.db
            .selectFrom('outbox_messages')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      audit: Number(
        (
          await store.db
            .selectFrom('audit_log')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    })
    const before = await count()
    const fake = { field: 'idProof', fileName: '身份证.png', data: Buffer.from('not an image at all') }
    await expect(apply({}, [fake])).rejects.toBeInstanceOf(ValidationError)
    await expect(apply({ secondFactor: 'phone', phone: '0570-1234567' })).rejects.toBeInstanceOf(ValidationError)
    expect(await count()).toEqual(before)

    const r = await apply({ phone: '0570-1234567' })
    const step = { store, actor: systemActor('office'), applicationId: r.id, today: TODAY }
    await recordCaseStep({
      ...step,
      form: { kind: 'supplementRequested', on: TODAY, request: '请写明项目名称', completeBy: '2026-12-09' },
    })
    const mid = await count()
    const supplement = (files: { field: string; fileName: string; data: Buffer }[]) =>
      submitOnlineSupplement({
        store,
        actor: publicActor('198.51.100.7'),
        input: { code: r.queryCode, text: '补正内容' },
        files,
        today: TODAY,
      })
    await expect(
      supplement([{ field: 'supplementFile', fileName: 'a.png', data: Buffer.from('plain text, not an image') }]),
    ).rejects.toBeInstanceOf(ValidationError)
    await expect(
      supplement([
        { field: 'supplementFile', fileName: 'big.png', data: Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]) },
      ]),
    ).rejects.toBeInstanceOf(ValidationError)
    expect(await count()).toEqual(mid)
    const events = await store.db
      .selectFrom('application_events')
      .select('kind')
      .where('application_id', '=', r.id)
      .execute()
    expect(events.map((e) => e.kind)).toEqual(['registered', 'supplementRequested'])
  })
})
