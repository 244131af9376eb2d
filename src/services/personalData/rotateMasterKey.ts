import { indexedApplicant, parseApplicantDetails } from '../../store/applicationRepo.js'
import type { Store } from '../../store/database.js'
import type { MasterKey } from '../../store/personalData/masterKey.js'
import {
  Opener,
  countDataKeys,
  dataKeysToRewrap,
  replaceApplicantIndex,
  rewrapDataKey,
} from '../../store/personalData/sealedStore.js'
import type { Actor } from '../actor.js'
import { auditActor } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { ANONYMISED_NAME } from './vault.js'

// `gongkai keys rotate` (issue 17 point 1, decision 0045): every data key is re-wrapped under the next master key,
// without re-encrypting the data it seals; the keyed hash index, whose key derives from the master key, is computed
// again. Stop the server first: it reads with the key in force. One transaction per batch; a run cut short is
// resumed by running it again (keys already under the next master key are skipped).

const BATCH = 200

export interface RotateMasterKeyProps {
  store: Store
  actor: Actor
  current: MasterKey
  next: MasterKey
  /** called with the work done so far (data keys re-wrapped + cases re-indexed) */
  onProgress?: (done: number) => void
}

/** How much work a rotation has (data keys to re-wrap + cases to re-index), for a progress bar. */
export async function rotationWorkload(store: Store, next: MasterKey): Promise<number> {
  const cases = await store.db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('data_key_id', 'is not', null)
    .executeTakeFirstOrThrow()
  return (await countDataKeys(store.db, next.id)) + Number(cases.n)
}

export async function rotateMasterKey(p: RotateMasterKeyProps): Promise<{ dataKeys: number; cases: number }> {
  const db = p.store.db
  let done = 0
  let dataKeys = 0
  for (let after = 0; ;) {
    const rows = await dataKeysToRewrap(db, p.next.id, after, BATCH)
    await db.transaction().execute(async (trx) => {
      for (const r of rows) await rewrapDataKey(trx, r, p.current, p.next)
    })
    dataKeys += rows.length
    done += rows.length
    p.onProgress?.(done)
    const last = rows.at(-1)
    if (!last || rows.length < BATCH) break
    after = last.id
  }
  let cases = 0
  for (let after = 0; ;) {
    const rows = await db
      .selectFrom('applications')
      .select(['id', 'agency_id', 'applicant', 'applicant_name'])
      .where('data_key_id', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute()
    await db.transaction().execute(async (trx) => {
      const opener = new Opener(trx, p.next)
      await opener.prefetch(rows.flatMap((r) => [r.applicant, r.applicant_name]))
      for (const r of rows) {
        const name = await opener.text(r.applicant_name, ANONYMISED_NAME)
        const details = parseApplicantDetails(await opener.text(r.applicant, '{}'))
        await replaceApplicantIndex(
          trx,
          { id: Number(r.id), agencyId: Number(r.agency_id) },
          indexedApplicant(name, details),
          p.next,
        )
      }
    })
    cases += rows.length
    done += rows.length
    p.onProgress?.(done)
    const last = rows.at(-1)
    if (!last || rows.length < BATCH) break
    after = Number(last.id)
  }
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'personalData.keyRotated',
      targetType: 'masterKey',
      targetId: p.next.id,
      detail: { from: p.current.id, to: p.next.id, dataKeys, cases },
    }),
  )
  return { dataKeys, cases }
}
