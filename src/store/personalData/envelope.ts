import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

// Sealed values (decision 0045). Node's OpenSSL here offers SM4 without an authenticated mode (no sm4-gcm), so a
// value is SM4-CBC encrypted and then authenticated with HMAC-SM3 over everything that precedes the tag
// (encrypt-then-MAC): a changed byte, a swapped key id or a value moved to another record fails to open.
//
// A sealed text is `gk1:<data key id>:<iv b64>:<ciphertext b64>:<tag b64>`; its data key is a row of `data_keys`,
// wrapped by the master key. The prefix tells a sealed value from a row written before sealing existed.

const PREFIX = 'gk1'

/** A data key: 16 bytes of SM4 key and 32 bytes of HMAC-SM3 key. */
const DATA_KEY_BYTES = 48

class SealBroken extends Error {
  readonly code = 'SEAL_BROKEN'
}

function sm4(key: Buffer, plain: Buffer): { iv: Buffer; ct: Buffer } {
  const iv = randomBytes(16)
  const c = createCipheriv('sm4-cbc', key, iv)
  return { iv, ct: Buffer.concat([c.update(plain), c.final()]) }
}

function unsm4(key: Buffer, iv: Buffer, ct: Buffer): Buffer {
  const d = createDecipheriv('sm4-cbc', key, iv)
  return Buffer.concat([d.update(ct), d.final()])
}

const tag = (macKey: Buffer, text: string) => createHmac('sm3', macKey).update(text, 'utf8').digest()

function seal(encKey: Buffer, macKey: Buffer, label: string, plain: Buffer): string {
  const { iv, ct } = sm4(encKey, plain)
  const body = `${label}:${iv.toString('base64')}:${ct.toString('base64')}`
  return `${body}:${tag(macKey, body).toString('base64')}`
}

function unseal(encKey: Buffer, macKey: Buffer, label: string, sealed: string): Buffer {
  const parts = sealed.split(':')
  const t = parts.pop() ?? ''
  const body = parts.join(':')
  if (!body.startsWith(`${label}:`) || parts.length !== label.split(':').length + 2)
    throw new SealBroken('sealed value of another key')
  const want = tag(macKey, body)
  const got = Buffer.from(t, 'base64')
  if (got.length !== want.length || !timingSafeEqual(got, want)) throw new SealBroken('sealed value altered')
  const [iv, ct] = parts.slice(-2).map((p) => Buffer.from(p, 'base64'))
  if (!iv || !ct) throw new SealBroken('sealed value cut')
  return unsm4(encKey, iv, ct)
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES)
}

/** A data key wrapped by a master key's wrapping keys (SM4-CBC + HMAC-SM3, labelled with the master key id). */
export function wrapDataKey(master: { id: string; wrapKey: Buffer; wrapMac: Buffer }, dataKey: Buffer): string {
  return seal(master.wrapKey, master.wrapMac, `wk:${master.id}`, dataKey)
}

export function unwrapDataKey(master: { id: string; wrapKey: Buffer; wrapMac: Buffer }, wrapped: string): Buffer {
  return unseal(master.wrapKey, master.wrapMac, `wk:${master.id}`, wrapped)
}

export function isSealed(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.startsWith(`${PREFIX}:`)
}

/** The data key id a sealed value names, or null for a value not sealed. */
export function dataKeyIdOf(value: string | null | undefined): number | null {
  if (!isSealed(value)) return null
  const id = Number(value.split(':', 2)[1])
  return Number.isSafeInteger(id) ? id : null
}

export function sealBytes(keyId: number, dataKey: Buffer, plain: Buffer): string {
  return seal(dataKey.subarray(0, 16), dataKey.subarray(16), `${PREFIX}:${keyId}`, plain)
}

export function openBytes(keyId: number, dataKey: Buffer, sealed: string): Buffer {
  return unseal(dataKey.subarray(0, 16), dataKey.subarray(16), `${PREFIX}:${keyId}`, sealed)
}
