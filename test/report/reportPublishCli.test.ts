import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// 《政府信息公开条例》第五十条: `gongkai report publish` publishes a report fit to publish, or, with --override, one
// that is not, keeping the reason (docs/decisions/0014-report-fit-to-publish.md).

const repo = new URL('../../', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'gongkai-publish-cli-'))
const env = { ...process.env, GONGKAI_DB: `sqlite:${join(dir, 'cli.db')}` }

function gongkai(...args: string[]): { status: number | null; out: string; err: string } {
  const r = spawnSync(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'src/cli/main.ts'), ...args], {
    cwd: repo,
    env,
    encoding: 'utf8',
  })
  return { status: r.status, out: r.stdout, err: r.stderr }
}

const publish = (...more: string[]) =>
  gongkai('report', 'publish', '--agency', '福州市住房保障和房产管理局', '--year', '2020', '--by', '陈敏', ...more)

describe('gongkai report publish', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses the demo 福州 2020 draft with each reason and exits 1', () => {
    expect(gongkai('demo').status).toBe(0)
    const r = publish()
    expect(r.status).toBe(1)
    expect(r.err).toContain('不能发布：“五、存在的主要问题及改进情况”还有2处待填写内容未替换')
    expect(r.err).toContain('未发布。补写正文、解决检查问题后再发布，或以 --override <理由> 写明理由后发布。')
    expect(r.out).toBe('')
  }, 60_000)

  it('publishes with --override and says the reason is in the audit log', () => {
    const r = publish('--override', '上级通知当日公布')
    expect(r.status).toBe(0)
    expect(r.out).toContain('已发布 福州市住房保障和房产管理局 2020年度报告 第1版')
    expect(r.out).toContain('发布理由已记入审计日志：上级通知当日公布')
  }, 30_000)
})
