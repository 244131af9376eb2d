import { createHmac } from 'node:crypto'
import { join } from 'node:path'
import { dataDir } from './dataDir.js'
import { readOrCreateKeyFile } from './keyFile.js'

// The audit chain's key lives outside the database (issue 15 point 8, decision 0034): one who holds the database
// alone can recompute SM3 hashes but not the keyed MAC of a record or the signature of an anchor.

/** Where the key comes from: GONGKAI_AUDIT_KEY (text of at least 32 characters), else a key file. */
export function auditKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.GONGKAI_AUDIT_KEY_FILE?.trim() || join(dataDir(env), 'audit.key')
}

const cache = new Map<string, Buffer>()

class WeakAuditKey extends Error {
  readonly code = 'WEAK_AUDIT_KEY'
  constructor() {
    super('GONGKAI_AUDIT_KEY 太短：至少 32 个字符（建议 64 位十六进制随机数）')
  }
}

/** Reads the key file, creating it with a new random key on first use. */
function fileKey(path: string): Buffer {
  return Buffer.from(readOrCreateKeyFile(path).trim(), 'hex')
}

/** The key in force for this process's settings. */
export function auditKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const text = env.GONGKAI_AUDIT_KEY
  if (text !== undefined && text.trim() !== '') {
    if (text.trim().length < 32) throw new WeakAuditKey()
    return Buffer.from(text.trim(), 'utf8')
  }
  const path = auditKeyFile(env)
  let key = cache.get(path)
  if (!key) {
    key = fileKey(path)
    if (key.length < 16) throw new WeakAuditKey()
    cache.set(path, key)
  }
  return key
}

/** HMAC-SM3 of a text under the key. */
export function keyedSm3(key: Buffer, text: string): string {
  return createHmac('sm3', key).update(text, 'utf8').digest('hex')
}

/** A short public name of a key (not the key): which key signed an anchor. */
export function keyId(key: Buffer): string {
  return keyedSm3(key, 'gongkai-audit-key-id').slice(0, 16)
}
