import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { importApplications } from '../../src/services/report/importApplications.js'
import { parseCsv } from '../../src/services/report/ledgerFile.js'
import { describeEachEngine } from '../support/engines.js'
import { get, makeUsers, makeWorld, signIn, testApp } from '../auth/support.js'

describeEachEngine('a case imported from a ledger with a warning', (getStore, engine) => {
  let app: FastifyInstance
  let html = ''

  beforeAll(async () => {
    const store = getStore()
    const w = await makeWorld(store)
    const users = await makeUsers(store, w, `imported${engine}`)
    app = await testApp(store)
    const { code } = await store.db
      .selectFrom('agencies')
      .select('code')
      .where('id', '=', w.agencyA)
      .executeTakeFirstOrThrow()
    const result = await importApplications(store, {
      agencyCode: code,
      rows: parseCsv(
        '编号,收到日期,申请方式,申请人类型,申请人,申请内容,答复日期,办理结果\n' +
          `IMP-${engine},2026-09-01,网络,自然人,钱七,请公开某项目批复,2026-10-09,申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n`,
      ),
      today: '2026-11-24' as CalendarDay,
    })
    expect([result.errors, result.created, result.warnings.length]).toEqual([[], 1, 1])
    const { id } = await store.db
      .selectFrom('applications')
      .select('id')
      .where('ref', '=', `IMP-${engine}`)
      .executeTakeFirstOrThrow()
    html = (await get(app, await signIn(app, users.office), `/console/applications/${id}`)).body
  })

  it('the case page shows the import warning beside the case facts', () => {
    expect(html).toContain('<dt>导入提示</dt>')
    expect(html).toContain('办理结果为逾期不补正，但未填写补正告知日期：补正告知按收到日期记录，补正期限无法核对')
  })

  it('its history shows the notice recorded on the day of receipt, and says why', () => {
    expect(html).toContain('补正事项：（台账导入：未填写补正告知日期，按收到日期记录）')
  })
})
