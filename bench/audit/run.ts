// Benchmark: `gongkai audit` over 1,000 report files (the seed fixtures and, when present, the real
// corpus of ../shared/reports, repeated). Goal ≥ 200 files/s. Baseline in the same run: the same CLI on
// one file (process start + module load), so the ratio shows what the per-file work costs.
// Run: node scripts/build.mjs && npx tsx bench/audit/run.ts [N]
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
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

/**
 * CPU seconds used so far by this process's finished children (Linux /proc: cutime + cstime, 100 ticks/s).
 * On a machine shared with other work the wall rate depends on the load; the CPU time does much less.
 */
function childCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[13]) + Number(fields[14])) / 100
}

function timed(args: string[], files: number): { wall: number; cpu: number } {
  const cpu0 = childCpuSeconds()
  const t = process.hrtime.bigint()
  const r = spawnSync('node', [path.join(root, 'bin/gongkai.js'), 'audit', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  })
  const elapsed = Number(process.hrtime.bigint() - t) / 1e9
  const cpu = childCpuSeconds() - cpu0
  if (r.status !== 0 && r.status !== 1) throw new Error(`gongkai audit failed: ${r.stderr}`)
  // a fast run that skipped files is no run: one JSON object per file
  const lines = r.stdout.trim().split('\n')
  if (lines.length !== files || lines.some((l) => !('file' in (JSON.parse(l) as object))))
    throw new Error(`expected ${files} JSON lines, got ${lines.length}`)
  return { wall: elapsed, cpu }
}

const runs = 3
const best = (f: () => { wall: number; cpu: number }) => {
  const all = Array.from({ length: runs }, f)
  return { wall: Math.min(...all.map((r) => r.wall)), cpu: Math.min(...all.map((r) => r.cpu)) }
}
const baseline = best(() => timed(['--json', files[0]!], 1))
const all = best(() => timed(['--json', '--csv', path.join(dir, 'out.csv'), ...files], n))
const csvRows = readFileSync(path.join(dir, 'out.csv'), 'utf8').trim().split('\r\n').length
if (csvRows !== n + 1) throw new Error(`expected ${n + 1} CSV rows, got ${csvRows}`)
rmSync(dir, { recursive: true, force: true })

const rate = n / all.wall
console.log(`sources: ${sources.length} distinct files, repeated to ${n}`)
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cpus().length} cores`,
)
console.log(
  `baseline (1 file, process start included): ${baseline.wall.toFixed(3)} s wall, ${baseline.cpu.toFixed(2)} s CPU`,
)
console.log(
  `${n} files: ${all.wall.toFixed(3)} s → ${rate.toFixed(0)} files/s (best of ${runs}); ratio to baseline ${(all.wall / baseline.wall).toFixed(1)}×`,
)
console.log(
  `CPU time of the audit process: ${all.cpu.toFixed(2)} s → ${(n / all.cpu).toFixed(0)} files per CPU-second (less sensitive to other load)`,
)
console.log(`per file beyond start-up: ${(((all.wall - baseline.wall) / (n - 1)) * 1000).toFixed(2)} ms wall`)
console.log(rate >= 200 ? 'goal ≥ 200 files/s: met' : 'goal ≥ 200 files/s: NOT met (wall clock; see the load average)')
