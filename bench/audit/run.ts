// Benchmark: `gongkai audit` over 1,000 report files (the seed fixtures and, when present, the real
// corpus of ../shared/reports, repeated). Goal ≥ 200 files/s. Baseline in the same run: the same CLI on
// one file (process start + module load), so the ratio shows what the per-file work costs.
// Run: node scripts/build.mjs && npx tsx bench/audit/run.ts [N]
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const n = Number(process.argv[2] ?? 1000)
const sources = [path.join(root, 'test/fixtures/audit/seeds'), path.resolve(root, '../shared/reports')]
  .filter(existsSync)
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /^\d{3}_[^.]*\.(txt|html)$/.test(f))
      .map((f) => path.join(dir, f)),
  )

const dir = mkdtempSync(path.join(tmpdir(), 'gk-audit-bench-'))
const files = Array.from({ length: n }, (_, i) => {
  const src = sources[i % sources.length]!
  const dest = path.join(dir, `${String(i).padStart(4, '0')}_${path.basename(src)}`)
  copyFileSync(src, dest)
  return dest
})

function timed(args: string[]): number {
  const t = process.hrtime.bigint()
  const r = spawnSync('node', [path.join(root, 'bin/gongkai.js'), 'audit', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  })
  if (r.status !== 0 && r.status !== 1) throw new Error(`gongkai audit failed: ${r.stderr}`)
  return Number(process.hrtime.bigint() - t) / 1e9
}

const runs = 3
const best = (f: () => number) => Math.min(...Array.from({ length: runs }, f))
const baseline = best(() => timed(['--json', files[0]!]))
const all = best(() => timed(['--json', '--csv', path.join(dir, 'out.csv'), ...files]))
rmSync(dir, { recursive: true, force: true })

const rate = n / all
console.log(`sources: ${sources.length} distinct files, repeated to ${n}`)
console.log(`baseline (1 file, process start included): ${baseline.toFixed(3)} s`)
console.log(
  `${n} files: ${all.toFixed(3)} s → ${rate.toFixed(0)} files/s (best of ${runs}); ratio to baseline ${(all / baseline).toFixed(1)}×`,
)
console.log(`per file beyond start-up: ${(((all - baseline) / (n - 1)) * 1000).toFixed(2)} ms`)
console.log(rate >= 200 ? 'goal ≥ 200 files/s: met' : 'goal ≥ 200 files/s: NOT met')
