import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { systemActor } from '../../src/services/actor.js'
import { ValidationError } from '../../src/services/errors.js'
import { generateReport } from '../../src/services/report/generateReport.js'
import { importServiceItems } from '../../src/services/serviceItems/importServiceItems.js'
import { serviceItemGuide, serviceItemList } from '../../src/services/serviceItems/serviceItemPages.js'
import { readServiceSheet } from '../../src/services/serviceItems/sheet.js'
import { buildApp } from '../../src/web/app.js'
import { makeAgency } from '../catalog/factories.js'
import { describeEachEngine } from '../support/engines.js'

// Issue 18, service items: the usual 事项清单 spreadsheet imported into the agency's catalog by kind, a changed
// guide kept as a new version, the public pages and their search, the counts in the report's draft.

const HEADER = [
  '事项编码',
  '事项名称',
  '事项类型',
  '实施主体',
  '设定依据',
  '申请条件',
  '申报材料',
  '办理流程',
  '办理时限',
]
const row = (code: string, name: string, kind: string, days = '7个工作日') => [
  code,
  name,
  kind,
  '',
  '《中华人民共和国建筑法》第七条',
  '已经办理用地批准手续',
  '1. 申请表\n2. 用地批准文件',
  '申请—受理—审查—决定',
  days,
]
const actor = systemActor('test')
const day = (d: string) => d as CalendarDay

function csv(rows: string[][]): Buffer {
  const cell = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`, 'utf8')
}

describeEachEngine('service items', (store) => {
  it('imports a CSV sheet into the agency’s items by kind; the public list counts them by kind', async () => {
    const agency = await makeAgency(store())
    const rows = await readServiceSheet(
      csv([
        HEADER,
        row('XK-001', '建筑工程施工许可证核发', '行政许可'),
        row('XK-002', '商品房预售许可', '行政许可'),
        row('ZS-001', '城市基础设施配套费征收', '行政征收'),
      ]),
      'items.csv',
    )
    const r = await importServiceItems({ store: store(), actor, agency: agency.id, rows, today: day('2020-03-02') })
    expect(r).toEqual({ created: 3, revised: 0, unchanged: 0 })
    const list = await serviceItemList({ store: store(), code: agency.code })
    expect(list?.kinds.map((k) => `${k.label}${k.count}`)).toEqual(['行政许可2', '行政征收1'])
    const found = await serviceItemList({ store: store(), code: agency.code, q: '预售' })
    expect(found?.groups.flatMap((g) => g.items.map((i) => i.name))).toEqual(['商品房预售许可'])
  })

  it('a changed guide becomes a new version; the earlier one stays readable with what changed', async () => {
    const agency = await makeAgency(store())
    const sheet = (days: string) => [HEADER, row('XK-001', '建筑工程施工许可证核发', '行政许可', days)]
    await importServiceItems({
      store: store(),
      actor,
      agency: agency.id,
      rows: sheet('7个工作日'),
      today: day('2020-03-02'),
    })
    const again = await importServiceItems({
      store: store(),
      actor,
      agency: agency.id,
      rows: sheet('7个工作日'),
      today: day('2020-04-01'),
    })
    expect(again).toEqual({ created: 0, revised: 0, unchanged: 1 })
    const changed = await importServiceItems({
      store: store(),
      actor,
      agency: agency.id,
      rows: sheet('3个工作日'),
      today: day('2020-09-01'),
    })
    expect(changed.revised).toBe(1)
    const id = (await serviceItemList({ store: store(), code: agency.code }))?.groups[0]?.items[0]?.id ?? 0
    const guide = await serviceItemGuide({ store: store(), code: agency.code, id })
    expect(guide?.item.version).toBe(2)
    expect(guide?.current?.effectiveOn).toBe('2020-09-01')
    expect(guide?.current?.changed).toEqual(['办理时限'])
    expect(guide?.history.map((v) => v.fields.find((f) => f.key === 'timeLimit')?.text)).toEqual(['7个工作日'])
  })

  it('a sheet with a bad row writes nothing and names the line and the field in Chinese', async () => {
    const agency = await makeAgency(store())
    const bad = [
      HEADER,
      row('XK-001', '建筑工程施工许可证核发', '行政许可'),
      row('XK-002', '商品房预售许可', '不存在的类型'),
    ]
    const err = await importServiceItems({
      store: store(),
      actor,
      agency: agency.id,
      rows: bad,
      today: day('2020-03-02'),
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ValidationError)
    expect((err as ValidationError).message).toContain('第3行：事项类型应为')
    expect((await serviceItemList({ store: store(), code: agency.code }))?.total).toBe(0)
    const noBasis = [HEADER.filter((h) => h !== '设定依据'), ['XK-9', '某许可', '行政许可', '', 'a', 'b', 'c', 'd']]
    await expect(
      importServiceItems({ store: store(), actor, agency: agency.id, rows: noBasis, today: day('2020-03-02') }),
    ).rejects.toThrow('事项清单缺少列：设定依据')
  })

  it('reads the same sheet saved as XLSX', async () => {
    const { default: ExcelJS } = await import('exceljs')
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('事项清单')
    for (const r of [HEADER, row('QR-001', '房屋完损等级评定', '行政确认')]) ws.addRow(r)
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    const rows = await readServiceSheet(bytes, '事项清单.xlsx')
    const agency = await makeAgency(store())
    expect(
      (await importServiceItems({ store: store(), actor, agency: agency.id, rows, today: day('2020-03-02') })).created,
    ).toBe(1)
  })

  it('the report draft states the counts by kind, larger kinds first', async () => {
    const agency = await makeAgency(store())
    const rows = [
      HEADER,
      row('ZS-1', '污水处理费征收', '行政征收'),
      row('XK-1', '燃气经营许可证核发', '行政许可'),
      row('XK-2', '砍伐城市树木审批', '行政许可'),
    ]
    await importServiceItems({ store: store(), actor, agency: agency.id, rows, today: day('2020-03-02') })
    const report = await generateReport(store(), { agency: agency.id, year: 2020 })
    expect(report.narrative?.overview).toContain('公开政务服务事项2大类共3项，其中行政许可2项、行政征收1项')
  })

  it('the public pages show the list by kind and each guide; a search finds within the items', async () => {
    const agency = await makeAgency(store())
    await importServiceItems({
      store: store(),
      actor,
      agency: agency.id,
      rows: [
        HEADER,
        row('XK-001', '建筑工程施工许可证核发', '行政许可'),
        row('JL-001', '优质工程评选奖励', '行政奖励'),
      ],
      today: day('2020-03-02'),
    })
    const app = await buildApp({ store: store(), today: () => day('2020-10-01') })
    const list = await app.inject(`/services/${agency.code}`)
    expect(list.statusCode).toBe(200)
    expect(list.body).toContain('共 2 大类 2 项')
    expect(list.body).toContain('行政许可（1 项）')
    const search = await app.inject(`/services/${agency.code}?q=${encodeURIComponent('奖励')}`)
    expect(search.body).toContain('找到 1 项')
    expect(search.body).not.toContain('建筑工程施工许可证核发</a>')
    const id = /href="\/services\/[^/"]+\/(\d+)">优质工程评选奖励/.exec(list.body)?.[1]
    const guide = await app.inject(`/services/${agency.code}/${id}`)
    expect(guide.body).toContain('申请条件')
    expect(guide.body).toContain('《中华人民共和国建筑法》第七条')
    expect((await app.inject(`/services/${agency.code}/999999`)).statusCode).toBe(404)
    const json = await app.inject(`/api/services/${agency.code}?kind=reward`)
    expect(json.json()).toMatchObject({ total: 2, items: [{ code: 'JL-001', kind: '行政奖励' }] })
    await app.close()
  })
})
