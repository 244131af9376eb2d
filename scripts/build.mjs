// Transpile src/ to dist/ file by file (no bundling, no type check): fast enough for `prepare` and `npm start`,
// and it never fails an install over a type error. `npm run typecheck` is the type gate.
// `node scripts/build.mjs OUT` builds into OUT instead of dist/ (bench/load builds a private copy).
import { build } from 'esbuild'
import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

const out = process.argv[2] ?? 'dist'
rmSync(out, { recursive: true, force: true })
await build({
  entryPoints: sources('src'),
  outdir: out,
  outbase: 'src',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: 'linked',
  logLevel: 'warning',
})
