import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { createAgency } from '../../src/services/agencies.js'
import { buildLetter, caseLetters } from '../../src/services/letters/letters.js'
import { recordEvent } from '../../src/services/recordEvent.js'
import type { Store } from '../../src/store/database.js'
import type { Agent } from '../auth/support.js'
import { get, makeUsers, makeWorld, postForm, signIn, testApp, TODAY } from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'
import { makeCase, makeCreditCode } from '../support/factories.js'

const d = (s: string) => s as CalendarDay
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''

describeEachEngine('the review body from the agency hierarchy, confirmed by an administrator', (getStore, engine) => {
  let store: Store
  let app: FastifyInstance
  let admin: Agent
  const ids: Record<string, number> = {}
  const add = async (name: string, n: number, parent?: string, kind?: string) => {
    const parentId = parent ? (ids[parent] ?? null) : null
    ids[name] = await createAgency(store, {
      name,
      code: makeCreditCode(90000 + n),
      parentId,
      settings: kind ? { kind } : {},
    })
  }

  beforeAll(async () => {
    store = getStore()
    const w = await makeWorld(store)
    const users = await makeUsers(store, w, `rb${engine}`)
    await add('浙江省人民政府', 1)
    await add('杭州市人民政府', 2, '浙江省人民政府')
    await add('杭州市西湖区人民政府', 3, '杭州市人民政府')
    await add('杭州市西湖区城市管理局', 4, '杭州市西湖区人民政府')
    await add('国家税务总局福州市税务局', 5)
    app = await testApp(store)
    admin = await signIn(app, users.sysAdmin)
  })

  it('a district department’s letters name the district government, unconfirmed until an administrator confirms', async () => {
    const page = await get(app, admin, '/console/agencies')
    const row = page.body.split('<td>杭州市西湖区城市管理局</td>')[1]?.split('</tr>')[0] ?? ''
    expect(row).toContain('杭州市西湖区人民政府')
    expect(row).toContain('第二十四条第一款第（一）项')
    expect(row).toContain('待管理员确认')
  })

  it('the administrator sets the kind and parent and confirms; the page shows who confirmed', async () => {
    admin.csrf = csrfOf((await get(app, admin, '/console/agencies')).body)
    const id = ids['杭州市西湖区城市管理局'] as number
    const res = await postForm(app, admin, `/console/agencies/${id}/review-body`, {
      kind: 'department',
      parentId: String(ids['杭州市西湖区人民政府']),
      reviewBody: '',
      court: '杭州市西湖区人民法院',
    })
    expect(res.statusCode).toBe(303)
    const row = (await get(app, admin, '/console/agencies')).body.split('<td>杭州市西湖区城市管理局</td>')[1] ?? ''
    expect(row.split('</tr>')[0]).toContain(`已确认（rb${engine}-sysadmin，${TODAY}）`)
  })

  it('a tax bureau with no higher department set cannot be confirmed: the form names what to set', async () => {
    admin.csrf = csrfOf((await get(app, admin, '/console/agencies')).body)
    const id = ids['国家税务总局福州市税务局'] as number
    const res = await postForm(app, admin, `/console/agencies/${id}/review-body`, {
      kind: 'vertical',
      parentId: '',
      reviewBody: '',
      court: '',
    })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('请将上一级主管部门设为上级机关')
  })

  it('a reply letter of the department names 杭州市西湖区人民政府 and the court set', async () => {
    const c = await makeCase(store, ids['杭州市西湖区城市管理局'] as number, '2026-11-02')
    const id = Number(c.row.id)
    await recordEvent(
      store,
      id,
      {
        kind: 'answered',
        on: d('2026-11-20'),
        items: [{ request: '某文件', result: 'withheld.processInformation' }],
        replyText: '经审查。',
      },
      TODAY,
    )
    const seq = (await caseLetters(store.db, id)).find((l) => l.kind === 'reply')?.seq ?? -1
    const letter = await buildLetter(store.db, id, seq, TODAY)
    expect(letter.remedies.join('')).toContain('60日内向杭州市西湖区人民政府申请行政复议')
    expect(letter.remedies.join('')).toContain('杭州市西湖区人民法院')
  })

  it('a deciding letter of an agency with no review body is refused with the reason; a 补正 notice is not', async () => {
    const c = await makeCase(store, ids['国家税务总局福州市税务局'] as number, '2026-11-02')
    const id = Number(c.row.id)
    await recordEvent(
      store,
      id,
      { kind: 'supplementRequested', on: d('2026-11-03'), completeBy: d('2026-11-13'), request: '请写明年份' },
      TODAY,
    )
    expect((await buildLetter(store.db, id, 1, TODAY)).remedies).toEqual([])
    await recordEvent(store, id, { kind: 'supplementLapsed', on: d('2026-11-16') }, TODAY)
    await expect(buildLetter(store.db, id, 2, TODAY)).rejects.toThrow('请将上一级主管部门设为上级机关')
  })

  // 《条例》第三十六条第（七）项 answers: reported under 其他 by default, or 行政查询事项 when the agency says so (decision 0011)
  it('an administrator moves 第三十六条第（七）项 answers to 行政查询事项 and the stored outcome follows', async () => {
    const c = await makeCase(store, ids['杭州市西湖区城市管理局'] as number, '2026-11-02')
    const id = Number(c.row.id)
    await recordEvent(
      store,
      id,
      {
        kind: 'answered',
        on: d('2026-11-20'),
        items: [{ request: '某企业登记资料', result: 'specialLaw', queryLaw: '《企业信息公示暂行条例》' }],
        replyText: '请依法查询。',
      },
      TODAY,
    )
    const outcome = async () =>
      (await store.db.selectFrom('applications').select('outcome').where('id', '=', id).executeTakeFirstOrThrow())
        .outcome
    expect(await outcome()).toBe('other.other')
    admin.csrf = csrfOf((await get(app, admin, '/console/agencies')).body)
    const agency = ids['杭州市西湖区城市管理局'] as number
    const res = await postForm(app, admin, `/console/agencies/${agency}/special-law-row`, {
      row: 'withheld.administrativeQuery',
    })
    expect(res.statusCode).toBe(303)
    expect(await outcome()).toBe('withheld.administrativeQuery')
  })

  it('a new agency is created with its kind and parent: a township government is reviewed by its district', async () => {
    admin.csrf = csrfOf((await get(app, admin, '/console/agencies')).body)
    const res = await postForm(app, admin, '/console/agencies', {
      name: '杭州市西湖区三墩镇人民政府',
      code: makeCreditCode(90099),
      kind: 'localGovernment',
      parentId: String(ids['杭州市西湖区人民政府']),
      reviewBody: '',
      court: '',
    })
    expect(res.statusCode).toBe(303)
    const row = (await get(app, admin, '/console/agencies')).body.split('<td>杭州市西湖区三墩镇人民政府</td>')[1] ?? ''
    expect(row.split('</tr>')[0]).toContain('杭州市西湖区人民政府')
    expect(row.split('</tr>')[0]).toContain('第二十四条第一款第（二）项')
  })
})
