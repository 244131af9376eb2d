import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/database.js'
import { freshStore } from '../support/engines.js'
import type { TestRole, World } from '../auth/support.js'
import { anonymous, get, makeUsers, makeWorld, postForm, signIn, testApp } from '../auth/support.js'

/** Every row a public form of 政民互动 could write, and the audit chain: a refused submission leaves all equal. */
async function footprint(store: Store) {
  const n = async (t: 'letters' | 'consultation_comments' | 'survey_answers' | 'audit_log') =>
    Number(
      (
        await store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const used = await store.db
    .selectFrom('survey_codes')
    .select((eb) => eb.fn.count<number>('used_at').as('n'))
    .executeTakeFirstOrThrow()
  const rated = await store.db
    .selectFrom('letters')
    .select((eb) => eb.fn.count<number>('rating').as('n'))
    .executeTakeFirstOrThrow()
  return {
    letters: await n('letters'),
    comments: await n('consultation_comments'),
    answers: await n('survey_answers'),
    audit: await n('audit_log'),
    codesUsed: Number(used.n),
    ratings: Number(rated.n),
  }
}

describe('the public forms of 政民互动 (sqlite)', () => {
  let store: Store & { drop(): Promise<void> }
  let app: FastifyInstance
  let w: World
  let users: Record<TestRole, string>
  let agencyCode = ''

  beforeAll(async () => {
    store = await freshStore('sqlite')
    w = await makeWorld(store)
    users = await makeUsers(store, w, 'pf')
    agencyCode = (
      await store.db.selectFrom('agencies').select('code').where('id', '=', w.agencyA).executeTakeFirstOrThrow()
    ).code
    app = await testApp(store)
  })
  afterAll(async () => {
    await app?.close()
    await store?.drop()
  })

  const goodLetter = () => ({
    agency: agencyCode,
    kind: 'consult',
    subject: '加装电梯补贴',
    body: '请问既有住宅加装电梯的补贴标准是多少？',
    name: '王小明',
    phone: '13800000000',
    email: '',
  })

  it('a letter with mistakes is refused with Chinese messages naming each field, and nothing is written', async () => {
    const a = await anonymous(app)
    const form = await get(app, a, '/interaction/letters/new')
    a.csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? ''
    const before = await footprint(store)
    const res = await postForm(app, a, '/interaction/letters', {
      ...goodLetter(),
      kind: '',
      subject: '',
      phone: '123',
      agency: '',
    })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('请填写来信标题')
    expect(res.body).toContain('请填写有效的联系电话')
    expect(res.body).toContain('请选择来信类型')
    expect(await footprint(store)).toEqual(before)
    const wrongAgency = await postForm(app, a, '/interaction/letters', { ...goodLetter(), agency: '000' })
    expect(wrongAgency.statusCode).toBe(400)
    expect(wrongAgency.body).toContain('请选择受理机关')
    expect(await footprint(store)).toEqual(before)
  })

  it('a good letter is received with a query code and due on the agency’s working days (咨询 5)', async () => {
    const a = await anonymous(app)
    a.csrf = /name="_csrf" value="([^"]+)"/.exec((await get(app, a, '/interaction/letters/new')).body)?.[1] ?? ''
    const res = await postForm(app, a, '/interaction/letters', goodLetter())
    expect(res.statusCode).toBe(303)
    const receipt = await get(app, a, String(res.headers.location))
    // 2026-11-24 (Tuesday) + 5 working days
    expect(receipt.body).toContain('2026-12-01')
    expect(users.office).toBeTruthy()
  })

  it('a rating, a comment and a survey answer with mistakes write nothing', async () => {
    const office = await signIn(app, users.office)
    const page = await get(app, office, '/console/interaction/consultations')
    office.csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    const opened = await postForm(app, office, '/console/interaction/consultations', {
      title: '《某某办法（征求意见稿）》',
      explanation: '为规范某某工作，起草本办法。',
      draftText: '第一条 为了……',
      opensOn: '2026-11-20',
      closesOn: '2026-12-20',
    })
    expect(opened.statusCode).toBe(303)
    const consultation = String(opened.headers.location).split('/').pop()
    const created = await postForm(app, office, '/console/interaction/surveys', {
      title: '物业服务满意度调查',
      questions: '单选：您对物业服务是否满意？\n满意\n一般\n不满意\n\n问答：您的建议',
      opensOn: '2026-11-20',
      closesOn: '2026-12-20',
    })
    expect(created.statusCode).toBe(303)
    const survey = String(created.headers.location).split('/').pop()
    const codesPage = await postForm(app, office, `/console/interaction/surveys/${survey}/codes`, { count: '2' })
    const code = /<li class="query-code">([A-Z2-9]{10})<\/li>/.exec(codesPage.body)?.[1] ?? ''
    expect(code).toMatch(/^[A-Z2-9]{10}$/)

    const a = await anonymous(app)
    a.csrf =
      /name="_csrf" value="([^"]+)"/.exec(
        (await get(app, a, `/interaction/consultations/${consultation}`)).body,
      )?.[1] ?? ''
    const before = await footprint(store)
    const comment = await postForm(app, a, `/interaction/consultations/${consultation}/comments`, {
      name: '',
      body: '好',
    })
    expect(comment.statusCode).toBe(400)
    expect(comment.body).toContain('请填写姓名或称呼')
    expect(comment.body).toContain('意见内容至少5个字')
    const answer = await postForm(app, a, `/interaction/surveys/${survey}`, { code, q1: '建议' })
    expect(answer.statusCode).toBe(400)
    expect(answer.body).toContain('请回答第1题“您对物业服务是否满意？”')
    const badCode = await postForm(app, a, `/interaction/surveys/${survey}`, { code: 'ABCDEFGHJK', q0: '0' })
    expect(badCode.statusCode).toBe(400)
    expect(badCode.body).toContain('参与码不正确')
    const rate = await postForm(app, a, '/interaction/letters/rate', { code: 'ABCDEFGHJK', rating: 'great' })
    expect(rate.statusCode).toBe(400)
    expect(rate.body).toContain('请选择评价')
    expect(await footprint(store)).toEqual(before)
  })
})
