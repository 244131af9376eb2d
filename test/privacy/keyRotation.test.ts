import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { systemActor } from '../../src/services/actor.js'
import { rotateMasterKey } from '../../src/services/personalData/rotateMasterKey.js'
import { readApplicantRecord } from '../../src/services/personalData/vault.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import { findApplicationFile, insertApplicationFile } from '../../src/store/applicationFileRepo.js'
import type { Store } from '../../src/store/database.js'
import { earlierApplicationsOfApplicant } from '../../src/store/duplicateRepo.js'
import { writeNewKeyFile } from '../../src/store/keyFile.js'
import { masterKey, prepareRotation } from '../../src/store/personalData/masterKey.js'
import { searchHashes } from '../../src/store/personalData/sealedStore.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency } from '../support/factories.js'

// Issue 17 point 1, acceptance: after `gongkai keys rotate` the data reads with the new master key, and the old
// master key alone no longer opens it; the data itself is not re-encrypted (its ciphertext is unchanged).

const TODAY = '2026-11-24' as CalendarDay
const PDF = Buffer.from('%PDF-1.4\n% 身份证明复印件\n%%EOF\n')

describeEachEngine('master key rotation', (getStore) => {
  let store: Store
  let ids: number[]
  let keyFile: string

  const useKeyFile = (path: string) => {
    delete process.env.GONGKAI_MASTER_KEY
    process.env.GONGKAI_MASTER_KEY_FILE = path
  }

  beforeAll(async () => {
    store = getStore()
    keyFile = join(mkdtempSync(join(tmpdir(), 'gongkai-keys-')), 'master.key')
    writeNewKeyFile(keyFile)
    useKeyFile(keyFile)
    const agencyId = await makeAgency(store)
    ids = []
    for (const description of ['请公开本市2025年老旧小区改造计划', '请公开本市2025年老旧小区改造资金安排'])
      ids.push(
        Number(
          (
            await registerApplication(
              store,
              {
                agencyId,
                channel: 'letter',
                receivedOn: TODAY,
                applicantKind: 'naturalPerson',
                applicantName: '司马光明',
                applicant: { idNumber: '11010519491231002X', phone: '13912345678', address: '某路1号' },
                description,
              },
              TODAY,
            )
          ).row.id,
        ),
      )
    await insertApplicationFile(store.db, {
      applicationId: ids[0] ?? 0,
      purpose: 'idProof',
      fileName: 'id.pdf',
      mime: 'application/pdf',
      data: PDF,
    })
  })

  const sealedColumns = () =>
    store.db
      .selectFrom('applications')
      .select(['id', 'applicant', 'applicant_name'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute()

  it('re-wraps every data key: the data reads with the new key, unchanged, and no longer with the old key alone', async () => {
    const before = await readApplicantRecord(store.db, ids[0] ?? 0)
    expect(before?.details).toMatchObject({ idNumber: '11010519491231002X', phone: '13912345678' })
    const ciphertextBefore = await sealedColumns()
    const fileBefore = await store.db.selectFrom('application_files').select('content_base64').execute()

    const rotation = prepareRotation(undefined)
    const old = rotation.current
    const r = await rotateMasterKey({ store, actor: systemActor(), current: old, next: rotation.next })
    expect(r).toEqual({ dataKeys: 2, cases: 2 })
    const message = rotation.finish()
    expect(message).toContain('新主密钥已就位')
    expect(masterKey().id).toBe(rotation.next.id)

    // every data key now names the new master key; the sealed data is byte for byte what it was
    const keys = await store.db.selectFrom('data_keys').select('master_key_id').execute()
    expect(new Set(keys.map((k) => k.master_key_id))).toEqual(new Set([rotation.next.id]))
    expect(await sealedColumns()).toEqual(ciphertextBefore)
    expect(await store.db.selectFrom('application_files').select('content_base64').execute()).toEqual(fileBefore)

    // reads with the new key: details, the ID proof, the search by phone, the same-applicant link
    expect(await readApplicantRecord(store.db, ids[0] ?? 0)).toEqual(before)
    const file = await findApplicationFile(store.db, ids[0] ?? 0, before?.files[0]?.id ?? 0)
    expect(file?.data.equals(PDF)).toBe(true)
    const found = await store.db
      .selectFrom('applicant_index')
      .select('application_id')
      .where('hash', 'in', searchHashes('139 1234 5678'))
      .execute()
    expect(found.map((f) => Number(f.application_id)).sort()).toEqual([...ids].sort())
    expect((await earlierApplicationsOfApplicant(store.db, ids[1] ?? 0)).map((e) => e.id)).toEqual([ids[0]])

    // the old key, kept aside by the rotation, no longer opens anything
    const dir = join(keyFile, '..')
    const retired = readdirSync(dir).find((f) => f.startsWith('master.key.retired-'))
    expect(retired).toBe(`master.key.retired-${old.id}`)
    useKeyFile(join(dir, retired ?? ''))
    expect(masterKey().id).toBe(old.id)
    await expect(readApplicantRecord(store.db, ids[0] ?? 0)).rejects.toThrow(/另一主密钥/)
    await expect(findApplicationFile(store.db, ids[0] ?? 0, before?.files[0]?.id ?? 0)).rejects.toThrow(/另一主密钥/)
    // and its index key finds nothing
    const stale = await store.db
      .selectFrom('applicant_index')
      .select('application_id')
      .where('hash', 'in', searchHashes('13912345678'))
      .execute()
    expect(stale).toEqual([])
    useKeyFile(keyFile)
  })

  it('a second rotation in a row works from the new key (nothing left under the old one)', async () => {
    const rotation = prepareRotation(undefined)
    const r = await rotateMasterKey({ store, actor: systemActor(), current: rotation.current, next: rotation.next })
    rotation.finish()
    expect(r.dataKeys).toBe(2)
    expect((await readApplicantRecord(store.db, ids[1] ?? 0))?.name).toBe('司马光明')
  })
})
