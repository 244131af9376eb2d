import { dirname, isAbsolute, resolve } from 'node:path'

// The one data directory (issue 15 point 10, decision 0035): attachments, the audit key and the audit anchors live
// under it, always as an absolute path. A relative setting is resolved against the directory the process started
// in, once, so a server started elsewhere, or a later chdir, never looks in another place.

const START_CWD = process.cwd()

function absolute(p: string): string {
  return isAbsolute(p) ? p : resolve(START_CWD, p)
}

/**
 * GONGKAI_DATA_DIR when set; else the directory of the SQLite database file (so the data that goes with a database
 * is found beside it wherever the server starts); else `./data` of the starting directory.
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.GONGKAI_DATA_DIR?.trim()
  if (configured) return absolute(configured)
  const db = env.GONGKAI_DB?.trim()
  if (db?.startsWith('sqlite:') && db !== 'sqlite::memory:') return dirname(absolute(db.slice('sqlite:'.length)))
  return absolute('./data')
}

/** Where uploaded document attachments are kept: GONGKAI_ATTACHMENTS when set (absolute after start), else under the data directory. */
export function attachmentsDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.GONGKAI_ATTACHMENTS?.trim()
  return configured ? absolute(configured) : resolve(dataDir(env), 'attachments')
}
