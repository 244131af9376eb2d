import { createHmac } from 'node:crypto'
import type { Kysely } from 'kysely'
import { identityKey, normaliseName, normalisePhone } from '../../domain/personalData/searchKeys.js'
import { nowIso } from '../database.js'
import type { Database } from '../schema.js'
import { dataKeyIdOf, isSealed, newDataKey, openBytes, sealBytes, unwrapDataKey, wrapDataKey } from './envelope.js'
import type { MasterKey } from './masterKey.js'
import { MasterKeyProblem, masterKey } from './masterKey.js'

// The store's side of sealed personal data (decision 0045): data keys, sealing and opening of values, and the keyed
// hash index. Services read applicants through services/personalData/vault.ts, which uses this.

export interface DataKey {
  id: number
  key: Buffer
}

/** A new data key, stored wrapped by the master key. */
export async function createDataKey(db: Kysely<Database>, master: MasterKey = masterKey()): Promise<DataKey> {
  const key = newDataKey()
  const row = await db
    .insertInto('data_keys')
    .values({ master_key_id: master.id, wrapped_key: wrapDataKey(master, key), created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: Number(row.id), key }
}

function unwrapRow(master: MasterKey, r: { id: number; master_key_id: string; wrapped_key: string }): Buffer {
  if (r.master_key_id !== master.id)
    throw new MasterKeyProblem(`数据密钥 ${r.id} 由另一主密钥（${r.master_key_id}）包装，当前主密钥为 ${master.id}`)
  return unwrapDataKey(master, r.wrapped_key)
}

/** The case's data key, created (and recorded on the case) when it has none yet. */
export async function applicationDataKey(
  db: Kysely<Database>,
  applicationId: number,
  master: MasterKey = masterKey(),
): Promise<DataKey> {
  const row = await db
    .selectFrom('applications')
    .leftJoin('data_keys', 'data_keys.id', 'applications.data_key_id')
    .select(['applications.data_key_id', 'data_keys.master_key_id', 'data_keys.wrapped_key'])
    .where('applications.id', '=', applicationId)
    .executeTakeFirst()
  if (row?.data_key_id != null && row.master_key_id != null && row.wrapped_key != null) {
    const id = Number(row.data_key_id)
    return { id, key: unwrapRow(master, { id, master_key_id: row.master_key_id, wrapped_key: row.wrapped_key }) }
  }
  const k = await createDataKey(db, master)
  await db.updateTable('applications').set({ data_key_id: k.id }).where('id', '=', applicationId).execute()
  return k
}

export function sealText(k: DataKey, text: string): string {
  return sealBytes(k.id, k.key, Buffer.from(text, 'utf8'))
}

export function sealBuffer(k: DataKey, data: Buffer): string {
  return sealBytes(k.id, k.key, data)
}

/**
 * Opens sealed values, unwrapping each data key once. A value written before sealing existed reads as it is
 * (text) or as base64 (bytes), so an installation upgraded but not yet sealed keeps working.
 */
export class Opener {
  private readonly keys = new Map<number, Buffer>()
  constructor(
    private readonly db: Kysely<Database>,
    private readonly master: MasterKey = masterKey(),
  ) {}

  /** Loads the data keys of many values in one query (a page of a list). */
  async prefetch(values: readonly (string | null | undefined)[]): Promise<void> {
    const ids = [...new Set(values.map(dataKeyIdOf).filter((v): v is number => v !== null))].filter(
      (id) => !this.keys.has(id),
    )
    if (!ids.length) return
    const rows = await this.db
      .selectFrom('data_keys')
      .select(['id', 'master_key_id', 'wrapped_key'])
      .where('id', 'in', ids)
      .execute()
    for (const r of rows) this.keys.set(Number(r.id), unwrapRow(this.master, { ...r, id: Number(r.id) }))
  }

  private async keyOf(sealed: string): Promise<DataKey | null> {
    const id = dataKeyIdOf(sealed)
    if (id === null) return null
    if (!this.keys.has(id)) await this.prefetch([sealed])
    const key = this.keys.get(id)
    return key ? { id, key } : null
  }

  /** The bytes of a sealed value; null when its data key is gone (the record was anonymised). */
  async bytes(value: string): Promise<Buffer | null> {
    if (!isSealed(value)) return Buffer.from(value, 'base64')
    const k = await this.keyOf(value)
    return k ? openBytes(k.id, k.key, value) : null
  }

  /** The text of a sealed value; `gone` when its data key is gone. */
  async text(value: string, gone = ''): Promise<string> {
    if (!isSealed(value)) return value
    const k = await this.keyOf(value)
    return k ? openBytes(k.id, k.key, value).toString('utf8') : gone
  }
}

// The keyed hash index

export type IndexField = 'name' | 'phone' | 'identity'

export function indexHash(master: MasterKey, field: IndexField, normal: string): string {
  return createHmac('sm3', master.indexKey).update(`${field}\u0000${normal}`, 'utf8').digest('hex')
}

/** What a case is found by: its applicant's name, phone and identity (name + ID number or credit code). */
export interface IndexedApplicant {
  name: string
  phone: string
  idNumber: string
}

function indexRows(master: MasterKey, a: IndexedApplicant): { field: IndexField; hash: string }[] {
  const out: { field: IndexField; hash: string }[] = []
  const name = normaliseName(a.name)
  if (name) out.push({ field: 'name', hash: indexHash(master, 'name', name) })
  const phone = normalisePhone(a.phone)
  if (phone) out.push({ field: 'phone', hash: indexHash(master, 'phone', phone) })
  if (name) out.push({ field: 'identity', hash: indexHash(master, 'identity', identityKey(a.name, a.idNumber)) })
  return out
}

/** Replaces a case's index entries (at sealing, at key rotation; `fresh`: a new case, which has none yet). */
export async function replaceApplicantIndex(
  db: Kysely<Database>,
  app: { id: number; agencyId: number },
  a: IndexedApplicant | null,
  master: MasterKey = masterKey(),
  fresh = false,
): Promise<void> {
  if (!fresh) await db.deleteFrom('applicant_index').where('application_id', '=', app.id).execute()
  if (!a) return
  const rows = indexRows(master, a)
  if (rows.length)
    await db
      .insertInto('applicant_index')
      .values(rows.map((r) => ({ application_id: app.id, agency_id: app.agencyId, field: r.field, hash: r.hash })))
      .execute()
}

/** The hashes a staff search term may match: the term as a name and as a phone number. */
export function searchHashes(term: string, master: MasterKey = masterKey()): string[] {
  const out: string[] = []
  const name = normaliseName(term)
  if (name) out.push(indexHash(master, 'name', name))
  const phone = normalisePhone(term)
  if (phone) out.push(indexHash(master, 'phone', phone))
  return out
}

/** The identity hash of a case (same applicant, decision 0045), or null when it has none. */
export async function identityHashOf(db: Kysely<Database>, applicationId: number): Promise<string | null> {
  const r = await db
    .selectFrom('applicant_index')
    .select('hash')
    .where('application_id', '=', applicationId)
    .where('field', '=', 'identity')
    .executeTakeFirst()
  return r?.hash ?? null
}

// Rotation (decision 0045): data keys are re-wrapped, the data they seal is not touched.

/** Data keys not yet wrapped by `next`, a batch after `afterId`. */
export async function dataKeysToRewrap(db: Kysely<Database>, nextId: string, afterId: number, limit: number) {
  const rows = await db
    .selectFrom('data_keys')
    .select(['id', 'master_key_id', 'wrapped_key'])
    .where('master_key_id', '!=', nextId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ ...r, id: Number(r.id) }))
}

export async function countDataKeys(db: Kysely<Database>, notUnder?: string): Promise<number> {
  let q = db.selectFrom('data_keys').select((eb) => eb.fn.countAll().as('n'))
  if (notUnder) q = q.where('master_key_id', '!=', notUnder)
  return Number((await q.executeTakeFirstOrThrow()).n)
}

/** Re-wraps one data key from `current` to `next` (the key bytes, and so the data they seal, stay the same). */
export async function rewrapDataKey(
  db: Kysely<Database>,
  row: { id: number; master_key_id: string; wrapped_key: string },
  current: MasterKey,
  next: MasterKey,
): Promise<void> {
  const key = unwrapRow(current, row)
  await db
    .updateTable('data_keys')
    .set({ master_key_id: next.id, wrapped_key: wrapDataKey(next, key) })
    .where('id', '=', row.id)
    .where('master_key_id', '=', row.master_key_id)
    .execute()
}
