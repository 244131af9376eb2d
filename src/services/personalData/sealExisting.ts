import type { Kysely } from 'kysely'
import { indexedApplicant, parseApplicantDetails } from '../../store/applicationRepo.js'
import type { Store } from '../../store/database.js'
import { isSealed } from '../../store/personalData/envelope.js'
import { masterKey } from '../../store/personalData/masterKey.js'
import {
  Opener,
  applicationDataKey,
  replaceApplicantIndex,
  sealBuffer,
  sealText,
} from '../../store/personalData/sealedStore.js'
import { claimJobRun, finishJobRun } from '../../store/jobRunRepo.js'
import type { Database } from '../../store/schema.js'
import type { Actor } from '../actor.js'
import { auditActor, systemActor } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { ANONYMISED_NAME } from './vault.js'

// Rows written before encryption at rest (issue 17 point 1, decision 0045) hold the applicant in clear. A migration
// cannot reach the master key, so `gongkai keys seal-existing` and every server start seal them here: each case
// with its own data key, its files, its messages' recipients and its hash-index entries, one transaction per case.

const BATCH = 200

/** Cases with anything of the applicant not yet sealed (ids ascending). */
async function unsealedCases(db: Kysely<Database>, afterId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('applications')
    .select('id')
    .where('id', '>', afterId)
    .where('applicant_name', '!=', ANONYMISED_NAME)
    .where((eb) =>
      eb.or([
        eb('data_key_id', 'is', null),
        eb('applicant', 'not like', 'gk1:%'),
        eb('applicant_name', 'not like', 'gk1:%'),
        eb.exists(
          eb
            .selectFrom('application_files')
            .select('application_files.id')
            .whereRef('application_files.application_id', '=', 'applications.id')
            .where('application_files.content_base64', '!=', '')
            .where('application_files.content_base64', 'not like', 'gk1:%'),
        ),
        eb.exists(
          eb
            .selectFrom('outbox_messages')
            .select('outbox_messages.id')
            .whereRef('outbox_messages.application_id', '=', 'applications.id')
            .where('outbox_messages.recipient', '!=', ANONYMISED_NAME)
            .where('outbox_messages.recipient', 'not like', 'gk1:%'),
        ),
      ]),
    )
    .orderBy('id')
    .limit(BATCH)
    .execute()
  return rows.map((r) => Number(r.id))
}

/** How many cases still hold something in clear (for a progress bar, and the operator's check). */
export async function countUnsealedCases(db: Kysely<Database>): Promise<number> {
  let n = 0
  for (let after = 0; ;) {
    const ids = await unsealedCases(db, after)
    n += ids.length
    const last = ids.at(-1)
    if (last === undefined || ids.length < BATCH) return n
    after = last
  }
}

const anonymised = (v: string) => v === ANONYMISED_NAME

async function sealCase(trx: Kysely<Database>, id: number): Promise<void> {
  const master = masterKey()
  const row = await trx
    .selectFrom('applications')
    .select(['agency_id', 'applicant', 'applicant_name', 'data_key_id'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return
  // an anonymised case has nothing left to seal (its key is gone on purpose)
  if (row.data_key_id === null && anonymised(row.applicant_name)) return
  const key = await applicationDataKey(trx, id, master)
  const opener = new Opener(trx, master)
  const name = await opener.text(row.applicant_name, ANONYMISED_NAME)
  const detailsText = await opener.text(row.applicant, '{}')
  await trx
    .updateTable('applications')
    .set({
      applicant_name: isSealed(row.applicant_name) ? row.applicant_name : sealText(key, name),
      applicant: isSealed(row.applicant) ? row.applicant : sealText(key, detailsText),
    })
    .where('id', '=', id)
    .execute()
  const details = parseApplicantDetails(detailsText)
  await replaceApplicantIndex(trx, { id, agencyId: Number(row.agency_id) }, indexedApplicant(name, details), master)
  const files = await trx
    .selectFrom('application_files')
    .select(['id', 'content_base64'])
    .where('application_id', '=', id)
    .where('content_base64', '!=', '')
    .where('content_base64', 'not like', 'gk1:%')
    .execute()
  for (const f of files)
    await trx
      .updateTable('application_files')
      .set({ content_base64: sealBuffer(key, Buffer.from(f.content_base64, 'base64')) })
      .where('id', '=', f.id)
      .execute()
  const messages = await trx
    .selectFrom('outbox_messages')
    .select(['id', 'recipient'])
    .where('application_id', '=', id)
    .where('recipient', 'not like', 'gk1:%')
    .execute()
  for (const m of messages)
    if (!anonymised(m.recipient))
      await trx
        .updateTable('outbox_messages')
        .set({ recipient: sealText(key, m.recipient) })
        .where('id', '=', m.id)
        .execute()
}

export interface SealExistingProps {
  store: Store
  actor: Actor
  onProgress?: (done: number) => void
}

/** Seals every case still held in clear; the count of cases sealed (0 when there was none: no audit entry). */
export async function sealExisting(p: SealExistingProps): Promise<{ cases: number; masterKeyId: string }> {
  const master = masterKey()
  let done = 0
  let after = 0
  for (;;) {
    const ids = await unsealedCases(p.store.db, after)
    for (const id of ids) {
      await p.store.db.transaction().execute((trx) => sealCase(trx, id))
      done++
      p.onProgress?.(done)
    }
    const last = ids.at(-1)
    if (last === undefined || ids.length < BATCH) break
    after = last
  }
  if (done > 0)
    await p.store.db.transaction().execute((trx) =>
      appendAudit(trx, {
        ...auditActor(p.actor),
        action: 'personalData.sealed',
        targetType: 'masterKey',
        targetId: master.id,
        detail: { cases: done, masterKeyId: master.id },
      }),
    )
  return { cases: done, masterKeyId: master.id }
}

// The start-up seal is an upgrade's work, done once: a finished run in `job_runs` means every row since is written
// sealed by the code that writes it, so later starts need not scan every case again. An interrupted run is taken
// over by the next start (under the start-up lock there is no other claimant). `gongkai keys seal-existing`
// still scans on demand.
const UPGRADE_SEAL = { job: 'personalData.sealExisting', slot: 'upgrade' }

/**
 * The server's start (`npm start`, `gongkai serve`): makes sure the master key exists (generated in the data
 * directory on a first start) and, the first time only, seals whatever an upgrade left in clear. The line to
 * print, or '' when none.
 */
export async function sealAtStart(store: Store, now = Date.now()): Promise<string> {
  masterKey()
  if (!(await claimJobRun(store.db, UPGRADE_SEAL.job, UPGRADE_SEAL.slot, 'serve', 0, now))) return ''
  const r = await sealExisting({ store, actor: systemActor('serve') })
  await finishJobRun(store.db, UPGRADE_SEAL.job, UPGRADE_SEAL.slot, `sealed ${r.cases}`)
  return r.cases > 0 ? `已加密升级前的申请人个人信息：${r.cases} 件（主密钥 ${r.masterKeyId}）\n` : ''
}
