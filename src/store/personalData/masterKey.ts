import { createHmac, hkdfSync } from 'node:crypto'
import { readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { dataDir } from '../dataDir.js'
import { readOrCreateKeyFile } from '../keyFile.js'

// The master key of applicants' personal data (issue 17 point 1, decision 0045) lives outside the database: one who
// holds the database (or a backup of it) alone reads only ciphertext. Every data key in `data_keys` is wrapped by it;
// the keyed hash index of names and phones uses a key derived from it.

/** A master key as the process uses it: never the raw material, only what is derived from it. */
export interface MasterKey {
  /** a short public name of the key, kept with every data key it wraps */
  id: string
  /** SM4 key (16 bytes) and HMAC-SM3 key (32 bytes) that wrap data keys */
  wrapKey: Buffer
  wrapMac: Buffer
  /** HMAC-SM3 key of the search index over names and phone numbers */
  indexKey: Buffer
}

export class MasterKeyProblem extends Error {
  readonly code = 'MASTER_KEY_PROBLEM'
}

const derive = (material: Buffer, info: string, length: number) =>
  Buffer.from(hkdfSync('sm3', material, 'gongkai-personal-data', info, length))

/** The keys derived from a master key's material (at least 16 bytes of randomness). */
export function masterKeyFrom(material: Buffer): MasterKey {
  if (material.length < 16) throw new MasterKeyProblem('主密钥太短：至少 16 字节（建议 32 字节随机数，64 位十六进制）')
  return {
    id: createHmac('sm3', material).update('gongkai-master-key-id').digest('hex').slice(0, 16),
    wrapKey: derive(material, 'wrap-sm4', 16),
    wrapMac: derive(material, 'wrap-mac', 32),
    indexKey: derive(material, 'applicant-index', 32),
  }
}

/** The key file in the data directory, used when neither GONGKAI_MASTER_KEY nor GONGKAI_MASTER_KEY_FILE is set. */
function defaultMasterKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'master.key')
}

/** Where the master key is read from: `env` (GONGKAI_MASTER_KEY), or a file path. */
export function masterKeySource(
  env: NodeJS.ProcessEnv = process.env,
): { kind: 'env' } | { kind: 'file'; path: string } {
  if (env.GONGKAI_MASTER_KEY?.trim()) return { kind: 'env' }
  const file = env.GONGKAI_MASTER_KEY_FILE?.trim()
  return { kind: 'file', path: file || defaultMasterKeyFile(env) }
}

function parseMaterial(text: string): Buffer {
  const t = text.trim()
  return /^[0-9a-fA-F]{32,}$/.test(t) && t.length % 2 === 0 ? Buffer.from(t, 'hex') : Buffer.from(t, 'utf8')
}

/**
 * Reads a key file, creating it on first use (32 random bytes, hex, mode 0600) when `create`. Created under a
 * temporary name and linked into place, so two processes starting together agree on one key.
 */
export function readKeyFile(path: string, create: boolean): Buffer {
  if (create) return parseMaterial(readOrCreateKeyFile(path))
  try {
    return parseMaterial(readFileSync(path, 'utf8'))
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT')
      throw new MasterKeyProblem(`主密钥文件不存在：${path}`)
    throw err
  }
}

const cache = new Map<string, MasterKey>()

/**
 * The master key in force: GONGKAI_MASTER_KEY (hex or text), else the file GONGKAI_MASTER_KEY_FILE, else
 * `master.key` in the data directory, generated on first use (the demo and a first `npm start`). Read each call
 * (cached by source), so a rotation that swaps the file is seen by the next command.
 */
export function masterKey(env: NodeJS.ProcessEnv = process.env): MasterKey {
  const source = masterKeySource(env)
  if (source.kind === 'env') {
    const text = env.GONGKAI_MASTER_KEY?.trim() ?? ''
    const hit = cache.get(`env:${text}`)
    if (hit) return hit
    const k = masterKeyFrom(parseMaterial(text))
    cache.set(`env:${text}`, k)
    return k
  }
  const configured = Boolean(env.GONGKAI_MASTER_KEY_FILE?.trim())
  const material = readKeyFile(source.path, !configured)
  const key = `file:${material.toString('hex')}`
  const hit = cache.get(key)
  if (hit) return hit
  const k = masterKeyFrom(material)
  cache.set(key, k)
  return k
}

/**
 * The keys of a rotation: the key in force and the next one, with what makes the next one the key in force once
 * every data key is re-wrapped. The next key is `newKeyFile` when given (created if absent), else `<key file>.next`
 * beside the key file, which then takes the key file's place; the old key is kept as `<key file>.retired-<id>` for
 * the operator to destroy once no backup needs it. A rotation cut short is resumed by running it again (the next key
 * file is kept and reused).
 */
export function prepareRotation(
  newKeyFile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): { current: MasterKey; next: MasterKey; nextFile: string; finish: () => string } {
  const current = masterKey(env)
  const source = masterKeySource(env)
  if (source.kind === 'env' && !newKeyFile)
    throw new MasterKeyProblem('主密钥来自环境变量 GONGKAI_MASTER_KEY：请用 --new-key-file 指定新主密钥文件')
  const nextFile = newKeyFile ?? `${source.kind === 'file' ? source.path : ''}.next`
  const next = masterKeyFrom(readKeyFile(nextFile, true))
  if (next.id === current.id) throw new MasterKeyProblem('新主密钥与当前主密钥相同')
  const finish = (): string => {
    if (newKeyFile || source.kind !== 'file')
      return `新主密钥在 ${nextFile}：请把 GONGKAI_MASTER_KEY_FILE 指向它（并去掉 GONGKAI_MASTER_KEY），再启动服务`
    const retired = `${source.path}.retired-${current.id}`
    renameSync(source.path, retired)
    renameSync(nextFile, source.path)
    return `新主密钥已就位：${source.path}；旧主密钥移到 ${retired}，确认不再需要用它读取旧备份后请销毁`
  }
  return { current, next, nextFile, finish }
}
