import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { auditActionLabel } from '../../src/domain/auditTrail/actions.js'
import { OVERVIEW_PARTS } from '../../src/domain/report/overviewParts.js'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import { FUZHOU, loadDemo } from '../../src/services/demo/loadDemo.js'
import { ValidationError } from '../../src/services/errors.js'
import { generateReport } from '../../src/services/report/generateReport.js'
import { saveNarrative } from '../../src/services/report/narrative.js'
import { publishedVersions, publishReport } from '../../src/services/report/publishReport.js'
import type { Store } from '../../src/store/database.js'
import type { Agent } from '../auth/support.js'
import { get, PASSWORD, postForm, signIn, testApp } from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'

// 《政府信息公开条例》第五十条 (what an annual report contains) and 国办公开办函〔2019〕60号 / 〔2021〕30号 (the format:
// no part left out): a report is published with every section written and a clean check, or with a recorded reason
// (docs/decisions/0014-report-fit-to-publish.md). The demo is 福州市住房保障和房产管理局's 2020 report (2019 format).

const actor = systemActor('test-office')
const EMPTY_FIVE = {
  overview: '主动公开政府信息16件；依申请公开49件；政府信息管理规范；平台建设有序；监督保障到位。',
  problems: '',
  other: '暂无其他需要报告的事项。',
}
const EMPTY_FIVE_REASON = '不能发布：“五、存在的主要问题及改进情况”未填写'

async function fuzhouId(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', FUZHOU.code)
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

async function refusal(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  )
  if (!(e instanceof ValidationError)) throw new Error(`expected a refusal, got ${String(e)}`)
  return e
}

describeEachEngine('publishing the demo 福州 2020 report (service)', (getStore) => {
  let fz = 0
  beforeAll(async () => {
    await loadDemo(getStore())
    fz = await fuzhouId(getStore())
  })

  it('the generated draft of 一、总体情况 covers the five required parts, from the records where they exist', async () => {
    const model = await generateReport(getStore(), { agency: fz, year: 2020 })
    const overview = model.narrative?.overview ?? ''
    for (const part of OVERVIEW_PARTS) expect(overview).toContain(part.heading)
    expect(overview).toContain('2020年共收到政府信息公开申请49件') // applications
    expect(overview).toContain('规范性文件本年新制作数量0件、本年新公开数量0件、对外公开总数量3件') // entered 表二 figures
    expect(overview).toContain('因政府信息公开引起行政复议4件') // reviews
    expect(overview).toContain('【待填写：') // what no record holds, marked for staff
    // a bureau, not a people's government: no 第五十条第（四）项 paragraph asked for
    expect(overview).not.toContain('责任追究')
  })

  it('the draft as generated is refused: its placeholders are named', async () => {
    const e = await refusal(publishReport({ store: getStore(), actor, agency: fz, year: 2020, by: '陈敏' }))
    expect(e.errors.map((x) => x.field)).toEqual(['overview', 'problems'])
    expect(e.errors[1]?.message).toContain('不能发布：“五、存在的主要问题及改进情况”还有2处待填写内容未替换')
    expect(await publishedVersions(getStore(), fz, 2020)).toEqual([])
  })

  it('a report with an empty section is refused with the reason, and nothing is published', async () => {
    await saveNarrative({ store: getStore(), actor, agency: fz, year: 2020, by: '陈敏', sections: EMPTY_FIVE })
    const e = await refusal(publishReport({ store: getStore(), actor, agency: fz, year: 2020, by: '陈敏' }))
    expect(e.errors).toEqual([{ field: 'problems', message: EMPTY_FIVE_REASON }])
    expect(await publishedVersions(getStore(), fz, 2020)).toEqual([])
  })

  it('an override with a reason publishes it, and the audit chain keeps the reason and what was overridden', async () => {
    const reason = '市政府办公厅通知当日公布，五部分次日以更正版本补写'
    const v = await publishReport({ store: getStore(), actor, agency: fz, year: 2020, by: '陈敏', override: reason })
    expect(v.version).toBe(1)
    expect(v.overridden).toEqual(['“五、存在的主要问题及改进情况”未填写'])
    const rows = await getStore()
      .db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_type', '=', 'report')
      .where('target_id', '=', `${fz}/2020`)
      .where('action', 'like', 'report.publish%')
      .orderBy('seq')
      .execute()
    expect(rows.map((r) => r.action)).toEqual(['report.publish', 'report.publishOverride'])
    expect(JSON.parse(String(rows[1]?.detail))).toEqual({
      version: 1,
      reason,
      blockers: ['“五、存在的主要问题及改进情况”未填写'],
    })
    expect(auditActionLabel('report.publishOverride')).toBe('未满足发布条件时写明理由发布年度报告')
  })

  it('a blank override is no reason: the report is still refused', async () => {
    const e = await refusal(
      publishReport({ store: getStore(), actor, agency: fz, year: 2020, by: '陈敏', note: '更正', override: '  ' }),
    )
    expect(e.errors).toEqual([{ field: 'problems', message: EMPTY_FIVE_REASON }])
  })

  it('once every section is written and the check is clean, it publishes without an override', async () => {
    const sections = { ...EMPTY_FIVE, problems: '政府信息公开的内容比较单一。下一步扩大公开范围。' }
    await saveNarrative({ store: getStore(), actor, agency: fz, year: 2020, by: '陈敏', sections })
    const v = await publishReport({
      store: getStore(),
      actor,
      agency: fz,
      year: 2020,
      by: '陈敏',
      note: '补写第五部分',
    })
    expect([v.version, v.overridden]).toEqual([2, []])
  })
})

describeEachEngine('publishing the demo 福州 2020 report (console page)', (getStore) => {
  let app: FastifyInstance
  let office: Agent
  let base = ''
  beforeAll(async () => {
    const store = getStore()
    await loadDemo(store)
    const fz = await fuzhouId(store)
    await createUser({
      store,
      actor: systemActor('test'),
      username: 'pg-office',
      displayName: '政务公开办 陈敏',
      password: PASSWORD,
      mustChangePassword: false,
      roles: ['office'],
      agencyId: fz,
    })
    app = await testApp(store)
    office = await signIn(app, 'pg-office')
    base = `/console/reports/${fz}/2020`
  })
  afterAll(async () => app?.close())

  it('the page says why the report cannot be published yet, and offers an override with a reason', async () => {
    const page = await get(app, office, base)
    expect(page.body).toContain('尚不能发布（条例第五十条：年度报告应包括的内容不得缺项）')
    expect(page.body).toContain('“五、存在的主要问题及改进情况”还有2处待填写内容未替换')
    expect(page.body).toContain('未满足发布条件仍要发布的理由（将记入审计日志）')
  })

  it('“发布报告” with an empty section is refused with the reason', async () => {
    await postForm(app, office, `${base}/narrative?format=2019`, EMPTY_FIVE)
    const res = await postForm(app, office, `${base}/publish?format=2019`, { note: '' })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain(EMPTY_FIVE_REASON)
    expect(res.body).toContain('尚未发布。')
  })

  it('“发布报告” with a reason publishes, and says the reason was recorded', async () => {
    const res = await postForm(app, office, `${base}/publish?format=2019`, { note: '', override: '上级通知当日公布' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('已发布第1版（未满足发布条件1项，发布理由已记录）')
  })
})
