import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { fixtures, repoRoot } from './support.js'

// the built CLI, exactly as `npx gongkai` runs it (dist/ is built by the global test setup)
const bin = path.join(repoRoot, 'bin/gongkai.js')
const gongkai = (...args: string[]) => spawnSync('node', [bin, ...args], { cwd: repoRoot, encoding: 'utf8' })
const quzhou = path.join(fixtures, 'seeds/000_ff4240299ce9dbe2.txt')
const fuzhou = path.join(fixtures, 'seeds/001_6cd2a124bf8ccbf4.txt')

it('audit --json prints one object per file: the report model with findings and file', () => {
  const r = gongkai('audit', '--json', quzhou, fuzhou)
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
  expect(lines.map((l) => [l.file, l.format, l.year])).toEqual([
    [quzhou, 'legacy', 2020],
    [fuzhou, '2019', 2020],
  ])
  expect((lines[0]!.findings as { rule: string }[]).map((f) => f.rule)).toEqual([
    'legacy.proactiveByCategory',
    'legacy.staff',
  ])
  expect((lines[1]!.applications as { newReceived: number[] }).newReceived).toEqual([48, 0, 0, 0, 0, 1, 49])
  // a finding means exit status 1, so that scripts can tell
  expect(r.status).toBe(1)
  expect(r.stderr).toBe('')
})

it('without --json it says in Chinese what is wrong, file by file', () => {
  const r = gongkai('audit', quzhou)
  expect(r.stdout).toContain('衢州市住房和城乡建设局 2020年度报告')
  expect(r.stdout).toContain(
    '[legacy.staff] 统计表：从事政府信息公开工作人员数为1，但其中：专职人员数(0)+兼职人员数(2)=2，相差1',
  )
})

it('--csv writes one row per file with agency, year, format, key totals and findings by rule', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'gk-audit-')), 'audit.csv')
  const r = gongkai('audit', '--csv', out, quzhou, fuzhou)
  expect(r.status).toBe(1)
  const [head, ...rows] = readFileSync(out, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
  expect(head).toBe(
    '文件,机关,年度,格式,本年新收,上年结转,予以公开,办理结果总计,结转下年度,行政复议总计,行政诉讼总计,问题数,读取错误,legacy.proactiveByCategory,legacy.staff',
  )
  expect(rows).toEqual([
    `${quzhou},衢州市住房和城乡建设局,2020,legacy,18,,7,18,,0,0,2,,1,1`,
    `${fuzhou},福州市住房保障和房产管理局,2020,2019,49,0,7,49,0,4,0,0,,0,0`,
  ])
})

it('a file that cannot be read is named on stderr and the others are still audited (exit 2)', () => {
  const r = gongkai('audit', '--json', '/nonexistent/report.txt', fuzhou)
  expect(r.status).toBe(2)
  expect(r.stderr).toContain('错误：/nonexistent/report.txt：文件不存在')
  expect(r.stdout.trim().split('\n')).toHaveLength(1)
})

it('reads a GB18030/GBK-encoded file as saved from a government site', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gk-audit-')), 'gbk.txt')
  const { status } = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', '-o', file, fuzhou])
  expect(status).toBe(0)
  expect(readFileSync(file).equals(readFileSync(fuzhou))).toBe(false)
  const r = gongkai('audit', '--json', file)
  const report = JSON.parse(r.stdout) as { agency: { name: string }; applications: { newReceived: number[] } }
  expect(report.agency.name).toBe('福州市住房保障和房产管理局')
  expect(report.applications.newReceived).toEqual([48, 0, 0, 0, 0, 1, 49])
})

it('the progress bar goes to stderr only when asked, on a terminal, or for many files; stdout stays clean JSON', () => {
  const few = gongkai('audit', '--json', fuzhou, fuzhou)
  expect(few.stderr).toBe('')
  const asked = gongkai('audit', '--json', '--progress', fuzhou, fuzhou)
  expect(asked.stderr).toContain('审查')
  expect(asked.stderr).toContain('2/2')
  expect(
    asked.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { file: string }).file),
  ).toEqual([fuzhou, fuzhou])
  const many = gongkai('audit', '--json', ...Array<string>(200).fill(fuzhou))
  expect(many.stderr).toContain('200/200')
  expect(many.stdout.trim().split('\n')).toHaveLength(200)
})
