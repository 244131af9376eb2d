import { expect, it } from 'vitest'
import { figureKeysOf } from '../../src/domain/report/figureKeys.js'
import { LEGACY_ITEMS } from '../../src/domain/report/formats/legacy.js'
import { INTERACTION_LEGACY_KEYS } from '../../src/domain/interaction/legacyRows.js'
import { systemActor } from '../../src/services/actor.js'
import { calendarDay } from '../../src/domain/calendar/calendarDay.js'
import { enterAccountPosts, registerAccount } from '../../src/services/interaction/channelCounts.js'
import { recordConcernResponse } from '../../src/services/interaction/concernResponses.js'
import { submitLetter } from '../../src/services/interaction/submitLetter.js'
import { publicActor } from '../../src/services/actor.js'
import { enterFigures } from '../../src/services/report/figures.js'
import { generateReport } from '../../src/services/report/generateReport.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency } from '../support/factories.js'

// Issue 16: these 统计表 rows were entered figures; they are now counted from the 政民互动 records.
const CHANGED_SOURCE = [
  '2.通过政务微博公开数',
  '3.通过政务微信公开数',
  '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）',
  '1.参加或举办新闻发布会总次数',
  '其中：主要负责同志参加新闻发布会次数',
  '2.政府网站在线访谈次数',
  '其中：主要负责同志参加政府网站在线访谈次数',
  '4.微博微信回应事件数',
  '5.其他方式回应事件数',
  '七、政府信息公开工作受理举报投诉数量',
]

it('the 统计表 rows on 政务微博/微信, 回应 and 举报投诉 changed source: records, no longer entered figures', () => {
  const rows = LEGACY_ITEMS.filter((i) => i.key && (INTERACTION_LEGACY_KEYS as readonly string[]).includes(i.key))
  expect(rows.map((i) => i.label)).toEqual(CHANGED_SOURCE)
  expect(rows.every((i) => i.source === 'records')).toBe(true)
  const enterable = figureKeysOf('legacy').map(([key]) => key)
  expect(enterable.filter((k) => (INTERACTION_LEGACY_KEYS as readonly string[]).includes(k))).toEqual([])
  // 政策解读稿件 stays the catalog's (or entered) and the publication channels other than 微博/微信 stay entered
  expect(enterable).toContain('response.interpretations')
  expect(enterable).toContain('proactive.portal')
})

describeEachEngine('the 统计表 counts the interaction records', (get) => {
  const actor = systemActor('test')
  const today = calendarDay('2026-12-01')

  it('an entered figure for one of those rows is refused', async () => {
    const agencyId = await makeAgency(get())
    await expect(
      enterFigures(get(), [
        { agency: agencyId, year: 2026, key: 'response.pressConferences', value: 9, source: '台账', enteredBy: '测试' },
      ]),
    ).rejects.toThrow(/统计项目不存在/)
  })

  it('press conferences (a leader at one), other responses, concerns counted once, posts and complaints', async () => {
    const agencyId = await makeAgency(get())
    const before = (await generateReport(get(), { agency: agencyId, year: 2026, format: 'legacy' })).legacy ?? {}
    expect(INTERACTION_LEGACY_KEYS.map((k) => before[k])).toEqual(INTERACTION_LEGACY_KEYS.map(() => 0))
    const respond = (kind: string, concern: string, speakers: string, heldOn: string) =>
      recordConcernResponse({
        store: get(),
        actor,
        agencyId,
        today,
        form: { kind, heldOn, subject: `${concern}发布`, concern, speakers },
      })
    await respond('pressConference', '加装电梯', '王局长，局长（主要负责同志）', '2026-03-02')
    await respond('pressConference', '加装电梯', '李处长，处长', '2026-04-02')
    await respond('onlineInterview', '物业管理', '李处长，处长', '2026-05-02')
    await respond('policyBriefing', '物业管理', '李处长，处长', '2026-06-02')
    await respond('weiboWechat', '住房保障', '办公室，科员', '2026-07-02')
    // last year's event counts in last year's report only
    await respond('pressConference', '旧事', '王局长，局长（主要负责同志）', '2025-12-30')
    const account = await registerAccount({
      store: get(),
      actor,
      agencyId,
      form: { platform: 'wechat', name: '某某住建' },
    })
    await enterAccountPosts({
      store: get(),
      actor,
      accountId: account,
      form: { period: '2026-02', posts: 30, source: '后台导出' },
    })
    await enterAccountPosts({
      store: get(),
      actor,
      accountId: account,
      form: { period: '2026', posts: 5, source: '后台导出' },
    })
    const code = (
      await get().db.selectFrom('agencies').select('code').where('id', '=', agencyId).executeTakeFirstOrThrow()
    ).code
    const letter = {
      agency: code,
      subject: '信息公开投诉',
      body: '申请后超过二十个工作日未获答复。',
      name: '张三',
      phone: '13900000000',
    }
    await submitLetter({
      store: get(),
      actor: publicActor('127.0.0.1'),
      today,
      input: { ...letter, kind: 'complain', aboutDisclosure: 'on' },
    })
    await submitLetter({
      store: get(),
      actor: publicActor('127.0.0.1'),
      today,
      input: { ...letter, kind: 'consult', aboutDisclosure: 'on' },
    })
    await submitLetter({ store: get(), actor: publicActor('127.0.0.1'), today, input: { ...letter, kind: 'report' } })
    const model = await generateReport(get(), { agency: agencyId, year: 2026, format: 'legacy' })
    const l = model.legacy ?? {}
    expect(INTERACTION_LEGACY_KEYS.map((k) => [k, l[k]])).toEqual([
      ['proactive.weibo', 0],
      ['proactive.wechat', 35],
      ['response.hotspots', 3],
      ['response.pressConferences', 2],
      ['response.pressConferencesLeader', 1],
      ['response.interviews', 1],
      ['response.interviewsLeader', 0],
      ['response.weiboWechat', 1],
      ['response.other', 1],
      // only a 投诉 or 举报 marked as about the disclosure work (a 咨询 so marked is not one)
      ['complaints.total', 1],
    ])
  })

  it('the 2021 draft states them in sentences', async () => {
    const agencyId = await makeAgency(get())
    await recordConcernResponse({
      store: get(),
      actor,
      agencyId,
      today,
      form: {
        kind: 'pressConference',
        heldOn: '2026-03-02',
        subject: '发布会',
        concern: '加装电梯',
        speakers: '王局长，局长*',
      },
    })
    const code = (
      await get().db.selectFrom('agencies').select('code').where('id', '=', agencyId).executeTakeFirstOrThrow()
    ).code
    await submitLetter({
      store: get(),
      actor: publicActor('127.0.0.1'),
      today,
      input: {
        agency: code,
        kind: 'consult',
        subject: '咨询',
        body: '请问加装电梯如何申请补贴？',
        name: '张三',
        phone: '13900000000',
      },
    })
    const model = await generateReport(get(), { agency: agencyId, year: 2026, format: '2021' })
    const text = model.narrative?.overview ?? ''
    expect(text).toContain('回应公众关注热点1个，举办或参加新闻发布会1次（主要负责同志参加1次）')
    expect(text).toContain('收到群众咨询、建议、投诉、举报1件，答复0件。')
  })
})
