import { randomBytes } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Writes a new random key (32 bytes, hex, mode 0600) to `path` unless a file is already there: a key is never
 * overwritten. Written under a temporary name and linked into place, so two processes starting together agree on
 * one key (the audit key, decision 0034; the master key of personal data, decision 0045).
 */
export function writeNewKeyFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`
  writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' })
  try {
    linkSync(tmp, path)
  } catch (err) {
    if (!(err instanceof Error && 'code' in err && err.code === 'EEXIST')) throw err
  } finally {
    rmSync(tmp, { force: true })
  }
}

/** The text of the key file at `path`, written with a new random key first if there is none. */
export function readOrCreateKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (err) {
    if (!(err instanceof Error && 'code' in err && err.code === 'ENOENT')) throw err
  }
  writeNewKeyFile(path)
  return readFileSync(path, 'utf8')
}
