import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { FUZHOU, loadDemo } from '../../src/services/demo/loadDemo.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import type { Agent } from '../auth/support.js'
import { get, PASSWORD, postForm, signIn, testApp } from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'

/** A narrative with every section written and 一 speaking of each of its five parts. */
const FIT_TO_PUBLISH = {
  overview: '主动公开政府信息16件；依申请公开49件，全部按时答复；政府信息管理规范；平台建设有序；监督保障到位。',
  problems: '一是公开内容比较单一。下一步扩大公开范围。',
  other: '暂无其他需要报告的事项。',
}

describeEachEngine('the staff report page', (getStore) => {
  let app: FastifyInstance
  let office: Agent
  let fz = 0
  let base = ''
  beforeAll(async () => {
    const store = getStore()
    await loadDemo(store)
    fz = Number(
      (await store.db.selectFrom('agencies').select('id').where('code', '=', FUZHOU.code).executeTakeFirstOrThrow()).id,
    )
    const other = Number(
      // 衢州's bureau: in no subtree that holds 福州's (the demo city is 福州's parent)
      (
        await store.db
          .selectFrom('agencies')
          .select('id')
          .where('name', '=', '衢州市住房和城乡建设局')
          .executeTakeFirstOrThrow()
      ).id,
    )
    await createUser({
      store: store,
      actor: systemActor('test'),
      username: 'rp-office',
      displayName: '办公室 林海',
      password: PASSWORD,
      mustChangePassword: false,
      roles: ['office'],
      agencyId: fz,
    })
    await createUser({
      store: store,
      actor: systemActor('test'),
      username: 'rp-super',
      displayName: '督查',
      password: PASSWORD,
      mustChangePassword: false,
      roles: ['supervisor'],
      agencyId: null,
      supervisedRootId: other,
    })
    app = await testApp(store)
    office = await signIn(app, 'rp-office')
    base = `/console/reports/${fz}/2020`
  })
  afterAll(async () => app?.close())

  it('shows the computed tables, the check result, the generated draft and the exports', async () => {
    const res = await get(app, office, base)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('检查通过：未发现问题')
    expect(res.body).toContain('（七）总计')
    expect(res.body).toContain('2020年共收到政府信息公开申请49件')
    expect(res.body).toContain('全部按时答复')
    for (const ext of ['json', 'html', 'docx', 'xlsx']) expect(res.body).toContain(`${base}/report.${ext}?format=2019`)
  })

  it('serves the exports and the chart', async () => {
    const json = await get(app, office, `${base}/report.json`)
    expect((JSON.parse(json.body) as { applications: { newReceived: number[] } }).applications.newReceived).toEqual([
      48, 0, 0, 0, 0, 1, 49,
    ])
    const docx = await get(app, office, `${base}/report.docx`)
    expect(docx.headers['content-type']).toContain('wordprocessingml')
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const xlsx = await get(app, office, `${base}/report.xlsx`)
    expect(xlsx.headers['content-type']).toContain('spreadsheetml')
    const svg = await get(app, office, `/console/reports/${fz}/chart.svg?year=2020`)
    expect(svg.headers['content-type']).toContain('image/svg+xml')
    expect(svg.body.startsWith('<svg')).toBe(true)
    expect(svg.body).toContain('2020年')
  })

  it('a supervisor of another agency cannot open this agency’s report', async () => {
    const sup = await signIn(app, 'rp-super')
    expect((await get(app, sup, base)).statusCode).toBe(404)
  })

  it('an entered figure is kept with its history; the narrative staff write replaces the draft', async () => {
    const key = 'proactive.art20_5.licensing.decisions'
    const page = await get(app, office, base)
    office.csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    const res = await postForm(app, office, `${base}/figures?format=2019`, {
      key,
      value: '12',
      source: '行政审批系统导出',
      note: '补录',
    })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('数据已录入')
    expect(res.body).toMatch(/0（办公室 林海，\d{4}-\d{2}-\d{2}，行政审批系统及财务科提供）/)
    const bad = await postForm(app, office, `${base}/figures?format=2019`, { key, value: 'abc', source: 'x' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('数值应为不小于0的数字')
    // back to the published figure so that the tables stay those of the seed
    await postForm(app, office, `${base}/figures?format=2019`, {
      key,
      value: '0',
      source: '行政审批系统导出',
      note: '更正',
    })
    const saved = await postForm(app, office, `${base}/narrative?format=2019`, {
      overview: '本年度工作总体情况<script>x</script>',
      problems: '问题一',
      other: '无',
    })
    expect(saved.body).toContain('正文已保存')
    expect(saved.body).toContain('本年度工作总体情况&lt;script>')
    expect(saved.body).not.toContain('<script>x')
  })

  it('a published version does not change when records change; the page shows the difference, and a correction needs a note', async () => {
    // a report is published once every section is written (条例第五十条; issue 11): staff complete the narrative first
    await postForm(app, office, `${base}/narrative?format=2019`, FIT_TO_PUBLISH)
    const first = await postForm(app, office, `${base}/publish?format=2019`, { note: '' })
    expect(first.body).toContain('已发布第1版')
    expect(first.body).toContain('已发布的最新版本与当前记录计算结果一致')
    // a letter received on 30 December 2020, registered late: the 2020 tables change
    await registerApplication(
      getStore(),
      {
        agencyId: fz,
        channel: 'letter',
        receivedOn: '2020-12-30',
        applicantKind: 'commercial',
        applicantName: '某公司',
        description: '补登记',
      },
      '2026-11-24' as CalendarDay,
    )
    const page = await get(app, office, base)
    expect(page.body).toContain('已发布的最新版本与当前记录计算结果有')
    expect(page.body).toContain('applications.newReceived.1')
    // each changed cell named as the form prints it, with both numbers
    const changed = [
      ...page.body.matchAll(
        /<tr><td>([^<]*) <code class="path">[^<]*<\/code><\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><\/tr>/g,
      ),
    ]
    expect(changed.map((m) => [m[1], Number(m[2]), Number(m[3])])).toEqual(
      expect.arrayContaining([
        ['表三 · 一、本年新收政府信息公开申请数量 · 商业企业', 0, 1],
        ['表三 · 一、本年新收政府信息公开申请数量 · 总计', 49, 50],
        ['表三 · 四、结转下年度继续办理 · 商业企业', 0, 1],
      ]),
    )
    const newReceivedTotal = (html: string) =>
      /一、本年新收政府信息公开申请数量<\/td>(?:<td[^>]*>\d+<\/td>){6}<td[^>]*>(\d+)<\/td>/.exec(html)?.[1]
    expect(newReceivedTotal((await get(app, office, `${base}/v/1`)).body)).toBe('49')
    const refused = await postForm(app, office, `${base}/publish?format=2019`, { note: '' })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('更正发布须写明更正说明')
    const second = await postForm(app, office, `${base}/publish?format=2019`, {
      note: '补登记12月30日收到的信函申请1件',
    })
    expect(second.body).toContain('已发布第2版')
    expect(newReceivedTotal((await get(app, office, `${base}/v/1`)).body)).toBe('49')
    expect(newReceivedTotal((await get(app, office, `${base}/v/2`)).body)).toBe('50')
  })
})
