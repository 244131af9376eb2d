import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('../..', import.meta.url).pathname
const STAMP = join(root, 'dist', '.built-from')
const LOCK = join(root, 'dist.lock')

/** The newest modification time of the sources dist/ is built from (src/ and the build script). */
function sourcesStamp(): string {
  let newest = statSync(join(root, 'scripts/build.mjs')).mtimeMs
  let count = 0
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      const s = statSync(path)
      if (s.isDirectory()) walk(path)
      else {
        count++
        newest = Math.max(newest, s.mtimeMs)
      }
    }
  }
  walk(join(root, 'src'))
  return `${count}:${newest}`
}

function fresh(stamp: string): boolean {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp
}

/**
 * Builds dist/ before the tests (the CLI tests run `bin/gongkai.js` exactly as `npx gongkai` does), but only
 * when src/ changed since the last build: a run over unchanged sources starts at once. The build goes to a
 * folder of its own and is swapped in whole, under a lock, so two test runs at once never see half a dist/.
 */
export default async function setup(): Promise<void> {
  // the audit key and anchor file of in-process tests go to a directory of this run, never to ./data (decision 0034)
  process.env.GONGKAI_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'gongkai-test-data-'))
  const stamp = sourcesStamp()
  if (fresh(stamp)) return
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(LOCK)
      break
    } catch {
      // a lock older than a minute was left by a run that died
      if (waited > 60_000 || Date.now() - statSync(LOCK).mtimeMs > 60_000)
        rmSync(LOCK, { recursive: true, force: true })
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  try {
    if (fresh(stamp)) return
    const tmp = join(root, `dist.build-${process.pid}`)
    execFileSync('node', ['scripts/build.mjs', tmp], { cwd: root, stdio: 'inherit' })
    writeFileSync(join(tmp, '.built-from'), stamp)
    const old = join(root, `dist.old-${process.pid}`)
    if (existsSync(join(root, 'dist'))) renameSync(join(root, 'dist'), old)
    renameSync(tmp, join(root, 'dist'))
    rmSync(old, { recursive: true, force: true })
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
}
