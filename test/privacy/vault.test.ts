import { randomBytes } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { systemActor } from '../../src/services/actor.js'
import { sealAtStart, sealExisting } from '../../src/services/personalData/sealExisting.js'
import {
  ANONYMISED_NAME,
  forgetApplicant,
  readApplicantRecord,
  withApplicantNames,
} from '../../src/services/personalData/vault.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import { findApplicationFile, insertApplicationFile } from '../../src/store/applicationFileRepo.js'
import { listCaseRows } from '../../src/store/caseQueryRepo.js'
import type { Store } from '../../src/store/database.js'
import { earlierApplicationsOfApplicant } from '../../src/store/duplicateRepo.js'
import { enqueueMessage } from '../../src/store/outboxRepo.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency } from '../support/factories.js'

// The vault (issue 17 point 1, decision 0045): the one way applicants are read, staff search through the keyed hash
// index, crypto-shredding for retention, and the sealing of rows written before encryption at rest.

process.env.GONGKAI_MASTER_KEY = randomBytes(32).toString('hex')

const TODAY = '2026-11-24' as CalendarDay
const WINDOW = { today: TODAY, soonUntil: '2026-11-30' as CalendarDay }
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

describeEachEngine('the personal-data vault', (getStore) => {
  let store: Store
  let agencyId: number
  const scope = () => ({ allAgencies: false, agencyIds: [agencyId], departmentIds: null })
  const search = async (q: string) =>
    (await listCaseRows(store.db, scope(), { state: '', channel: '', due: '', q, page: 1 }, WINDOW)).rows.map(
      (r) => r.id,
    )

  const register = async (name: string, applicant: Record<string, unknown>, description = '请公开某项目的批复文件') =>
    Number(
      (
        await registerApplication(
          store,
          {
            agencyId,
            channel: 'letter',
            receivedOn: TODAY,
            applicantKind: 'naturalPerson',
            applicantName: name,
            applicant,
            description,
          },
          TODAY,
        )
      ).row.id,
    )

  beforeAll(async () => {
    store = getStore()
    agencyId = await makeAgency(store)
  })

  it('staff find a case by the whole name or phone number, however typed, through the hash index', async () => {
    const id = await register('诸葛  明亮', { phone: '+86 139 8765 4321', idNumber: '11010519491231002X' })
    expect(await search('诸葛明亮')).toEqual([id])
    expect(await search('诸葛 明亮')).toEqual([id])
    expect(await search('13987654321')).toEqual([id])
    expect(await search('139-8765-4321')).toEqual([id])
    // not a part of a name: the index holds whole names only (docs/personal-data.md)
    expect(await search('诸葛')).toEqual([])
    const [line] = await withApplicantNames(
      store.db,
      (await listCaseRows(store.db, scope(), { state: '', channel: '', due: '', q: '13987654321', page: 1 }, WINDOW))
        .rows,
    )
    expect(line?.applicantName).toBe('诸葛  明亮')
  })

  it('links the same applicant (name with ID number) and not a namesake', async () => {
    const first = await register('欧阳修文', { idNumber: '11010519491231002X' }, '请公开甲')
    const second = await register('欧阳修文', { idNumber: '11010519491231002x' }, '请公开乙')
    const namesake = await register('欧阳修文', { idNumber: '110105194912310011' }, '请公开丙')
    expect((await earlierApplicationsOfApplicant(store.db, second)).map((e) => e.id)).toEqual([first])
    expect(await earlierApplicationsOfApplicant(store.db, namesake)).toEqual([])
  })

  it('readApplicantRecord gives the name, kind, details and files; null for no such case', async () => {
    const id = await register('上官婉清', { phone: '13800001111', email: 'wanqing@example.cn' })
    await insertApplicationFile(store.db, {
      applicationId: id,
      purpose: 'idProof',
      fileName: 'id.png',
      mime: 'image/png',
      data: PNG,
    })
    const r = await readApplicantRecord(store.db, id)
    expect(r).toMatchObject({ name: '上官婉清', kind: 'naturalPerson', details: { phone: '13800001111' } })
    expect(r?.files).toEqual([
      { id: expect.any(Number), purpose: 'idProof', fileName: 'id.png', mime: 'image/png', size: PNG.length },
    ])
    expect(await readApplicantRecord(store.db, 987654)).toBeNull()
  })

  it('forgetApplicant shreds the keys, ciphertexts and index entries, keeps what a report counts, and runs twice', async () => {
    const id = await register('东方既白', { phone: '13800002222', idNumber: '11010519491231002X' })
    const other = await register('东方未明', { phone: '13800003333' })
    await insertApplicationFile(store.db, {
      applicationId: id,
      purpose: 'idProof',
      fileName: '东方既白身份证.png',
      mime: 'image/png',
      data: PNG,
    })
    await enqueueMessage(store.db, {
      agencyId,
      applicationId: id,
      dedupe: `t:${id}`,
      topic: 'received',
      channel: 'sms',
      recipient: '13800002222',
      subject: '',
      body: '已收到',
    })
    const before = await store.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    const keyId = Number(before.data_key_id)
    const fileId = (await readApplicantRecord(store.db, id))?.files[0]?.id ?? 0
    for (let i = 0; i < 2; i++) await store.db.transaction().execute((trx) => forgetApplicant(trx, id, '2036-01-01'))

    const after = await store.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(after.applicant_name).toBe(ANONYMISED_NAME)
    expect([after.applicant_kind, after.state, after.received_on, after.due_by, after.outcome]).toEqual([
      before.applicant_kind,
      before.state,
      before.received_on,
      before.due_by,
      before.outcome,
    ])
    expect(await store.db.selectFrom('data_keys').select('id').where('id', '=', keyId).execute()).toEqual([])
    expect(
      await store.db.selectFrom('applicant_index').select('id').where('application_id', '=', id).execute(),
    ).toEqual([])
    expect(await findApplicationFile(store.db, id, fileId)).toBeUndefined()
    const record = await readApplicantRecord(store.db, id)
    expect(record?.name).toBe(ANONYMISED_NAME)
    expect(JSON.stringify(record)).not.toMatch(/13800002222|11010519491231002X|东方既白/)
    const message = await store.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('application_id', '=', id)
      .executeTakeFirstOrThrow()
    expect([message.recipient, message.state]).toEqual([ANONYMISED_NAME, 'failed'])
    expect(await search('13800002222')).toEqual([])
    // the other case is untouched
    expect((await readApplicantRecord(store.db, other))?.details).toMatchObject({ phone: '13800003333' })
    expect(await search('13800003333')).toEqual([other])
  })

  it('seals rows written before encryption at rest: applicant, files, recipients; they read the same after', async () => {
    const id = await register('慕容复兴', {})
    // a row as an older release wrote it: everything in clear, no data key
    await store.db
      .updateTable('applications')
      .set({
        applicant_name: '慕容复兴',
        applicant: JSON.stringify({ phone: '13800004444', idNumber: '11010519491231002X' }),
        data_key_id: null,
      })
      .where('id', '=', id)
      .execute()
    await store.db.deleteFrom('applicant_index').where('application_id', '=', id).execute()
    await store.db
      .insertInto('application_files')
      .values({
        application_id: id,
        purpose: 'idProof',
        file_name: 'a.png',
        mime: 'image/png',
        size: PNG.length,
        content_base64: PNG.toString('base64'),
        created_at: new Date().toISOString(),
      })
      .execute()
    expect((await readApplicantRecord(store.db, id))?.details).toMatchObject({ phone: '13800004444' })
    expect(await search('13800004444')).toEqual([])

    const r = await sealExisting({ store, actor: systemActor() })
    expect(r.cases).toBe(1)
    const row = await store.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.applicant.startsWith('gk1:')).toBe(true)
    expect(row.applicant_name.startsWith('gk1:')).toBe(true)
    const files = await store.db
      .selectFrom('application_files')
      .select(['id', 'content_base64'])
      .where('application_id', '=', id)
      .execute()
    expect(files.every((f) => f.content_base64.startsWith('gk1:'))).toBe(true)
    expect((await findApplicationFile(store.db, id, Number(files[0]?.id)))?.data.equals(PNG)).toBe(true)
    expect(await readApplicantRecord(store.db, id)).toMatchObject({
      name: '慕容复兴',
      details: { phone: '13800004444' },
    })
    expect(await search('13800004444')).toEqual([id])
    // nothing left to seal: a second run does nothing (anonymised cases included)
    expect((await sealExisting({ store, actor: systemActor() })).cases).toBe(0)
  })

  it('a server start seals what an upgrade left in clear the first time only; later starts do not scan again', async () => {
    const inClear = async (name: string) => {
      const id = await register(name, {})
      await store.db
        .updateTable('applications')
        .set({ applicant_name: name, applicant: '{}', data_key_id: null })
        .where('id', '=', id)
        .execute()
      return id
    }
    const sealed = async (id: number) =>
      (
        await store.db
          .selectFrom('applications')
          .select('applicant_name')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).applicant_name.startsWith('gk1:')
    const before = await inClear('欧阳升级')
    expect(await sealAtStart(store)).toMatch(/^已加密升级前的申请人个人信息：1 件/)
    expect(await sealed(before)).toBe(true)
    // a row in clear after the upgrade's run can only come from outside the application: the next start leaves
    // it to `gongkai keys seal-existing` rather than scanning every case again
    const later = await inClear('上官后来')
    expect(await sealAtStart(store)).toBe('')
    expect(await sealed(later)).toBe(false)
    expect((await sealExisting({ store, actor: systemActor() })).cases).toBe(1)
  })
})
