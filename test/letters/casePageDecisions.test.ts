import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { recordEvent } from '../../src/services/recordEvent.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import type { Store } from '../../src/store/database.js'
import type { Agent, World } from '../auth/support.js'
import { get, makeUsers, makeWorld, postForm, signIn, testApp, TODAY } from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'

const d = (s: string) => s as CalendarDay
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''

describeEachEngine('the case page: duplicates, third-party objections, corrections', (getStore, engine) => {
  let store: Store
  let app: FastifyInstance
  let office: Agent
  let w: World

  const register = async (name: string, receivedOn: string, description: string) =>
    Number(
      (
        await registerApplication(
          store,
          {
            agencyId: w.agencyA,
            channel: 'inPerson',
            receivedOn,
            applicantKind: 'naturalPerson',
            applicantName: name,
            description,
          },
          TODAY,
        )
      ).row.id,
    )

  const step = async (id: number, route: 'act' | 'decide', fields: Record<string, string>) => {
    office.csrf = csrfOf((await get(app, office, `/console/applications/${id}`)).body)
    return postForm(app, office, `/console/applications/${id}/${route}`, fields)
  }

  const letterOf = async (id: number, title: string) => {
    const page = (await get(app, office, `/console/applications/${id}`)).body
    const seq = /letters\/(\d+)\.html/.exec(page.split(title)[1] ?? '')?.[1]
    return (await get(app, office, `/console/applications/${id}/letters/${seq}.html`)).body
  }

  beforeAll(async () => {
    store = getStore()
    w = await makeWorld(store)
    const users = await makeUsers(store, w, `cpd${engine}`)
    app = await testApp(store)
    office = await signIn(app, users.office)
  })

  // 第三十六条第（六）项: the office sees the same applicant's earlier, similar applications
  it('shows the same applicant’s earlier application with a similar request, not another applicant’s', async () => {
    await register('钱八', '2026-10-12', '请公开2025年某小区加装电梯补助资金发放名单')
    await register('孙九', '2026-10-13', '请公开2025年某小区加装电梯补助资金发放名单')
    await register('钱八', '2026-10-14', '请公开2026年全市道路维修计划')
    const id = await register('钱八', '2026-11-09', '请公开2025年某小区加装电梯补助资金的发放名单')
    const page = (await get(app, office, `/console/applications/${id}`)).body
    const panel = page.split('同一申请人内容相近的申请')[1]?.split('</section>')[0] ?? ''
    expect(panel).toContain('2026-10-12')
    expect(panel).not.toContain('2026-10-13')
    expect(panel).not.toContain('道路维修')
  })

  // 第三十二条: the objection is recorded; disclosing anyway, the office notifies the third party in writing
  it('records a third party’s objection and, disclosing in the public interest, sends it a notice letter', async () => {
    const id = await register('周十', '2026-11-02', '请公开某公司承建道路工程合同')
    await recordEvent(
      store,
      id,
      { kind: 'consultationStarted', on: d('2026-11-03'), party: 'thirdParty', with: '某建设公司' },
      TODAY,
    )
    const before = (await get(app, office, `/console/applications/${id}`)).body
    expect(before).not.toContain('确认：书面告知第三方决定公开')
    expect(
      (
        await step(id, 'act', {
          kind: 'consultationEnded',
          on: '2026-11-10',
          reply: '涉及商业秘密',
          position: 'objects',
        })
      ).statusCode,
    ).toBe(303)
    const res = await step(id, 'decide', {
      kind: 'thirdPartyNotified',
      on: '2026-11-12',
      with: '某建设公司',
      content: '道路工程合同金额及工期',
      reason: '涉及公共资金使用和道路安全，不公开可能对公共利益造成重大影响',
    })
    expect(res.statusCode).toBe(303)
    const letter = await letterOf(id, '政府信息公开决定告知书（第三方）')
    expect(letter).toContain('某建设公司：')
    expect(letter).toContain('决定公开的理由：涉及公共资金使用')
    expect(letter).toContain('申请行政复议')
  })

  // 第四十一条: a correction request is recorded and answered with a letter
  it('records a correction request and answers it with a letter under 第四十一条', async () => {
    const id = await register('吴十一', '2026-11-02', '请公开本人房屋征收评估报告')
    await recordEvent(
      store,
      id,
      {
        kind: 'answered',
        on: d('2026-11-16'),
        items: [{ request: '评估报告', result: 'disclosed' }],
        replyText: '随文提供。',
      },
      TODAY,
    )
    expect(
      (
        await step(id, 'act', {
          kind: 'correctionRequested',
          on: '2026-11-18',
          request: '评估报告中房屋面积有误，附不动产权证',
        })
      ).statusCode,
    ).toBe(303)
    const refused = await step(id, 'decide', {
      kind: 'correctionAnswered',
      on: '2026-11-20',
      result: 'transferred',
      text: '',
      to: '',
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('请填写答复内容')
    expect(
      (
        await step(id, 'decide', {
          kind: 'correctionAnswered',
          on: '2026-11-20',
          result: 'corrected',
          text: '已更正面积记录。',
        })
      ).statusCode,
    ).toBe(303)
    const letter = await letterOf(id, '政府信息更正申请答复书')
    expect(letter).toContain('要求更正：评估报告中房屋面积有误')
    expect(letter).toContain('经审核，您提出的更正申请属实，本机关已予以更正')
  })

  // decision 0011: the answer form asks for what the letter must state
  it('a 部分公开 answer without the ground of its withheld part is refused, naming the field', async () => {
    const id = await register('郑十二', '2026-11-02', '请公开某项目审批材料')
    const res = await step(id, 'decide', {
      kind: 'answered',
      on: '2026-11-16',
      result: 'partiallyDisclosed',
      replyText: '见附件。',
    })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('部分公开须选择不予公开部分的理由')
  })
})
