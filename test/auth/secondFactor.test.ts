import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'
import type { Agent } from './support.js'
import { anonymous, get, PASSWORD, postForm, signIn, testApp, totpCode, uniqueAgency } from './support.js'

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''

describeEachEngine('a second factor for staff; sessions per account are limited', (getStore, engine) => {
  let app: FastifyInstance
  let store: Store
  let agencyId: number
  let n = 0
  const newUser = async (roles: ('agencyAdmin' | 'office' | 'secAdmin')[]) => {
    const username = `f${engine}${++n}`
    await createUser({
      store,
      actor: systemActor('test'),
      username,
      displayName: username,
      password: PASSWORD,
      roles,
      agencyId: roles.includes('secAdmin') ? null : agencyId,
      mustChangePassword: false,
    })
    return username
  }
  async function passwordStep(username: string): Promise<{ a: Agent; location: string }> {
    const a = await anonymous(app)
    const res = await postForm(app, a, '/console/login', { username, password: PASSWORD, next: '/console' })
    return { a, location: String(res.headers.location) }
  }

  beforeAll(async () => {
    store = getStore()
    agencyId = await uniqueAgency(store, '戊市数据资源局')
    app = await testApp(store)
  })

  it('an administrator must enrol before reaching anything, and then answers a code at every login', async () => {
    const username = await newUser(['agencyAdmin'])
    const { a, location } = await passwordStep(username)
    expect(location).toBe('/console/totp/enrol')
    expect((await get(app, a, '/console/users')).headers.location).toBe('/console/totp/enrol')
    const page = await get(app, a, '/console/totp/enrol')
    expect(page.body).toContain('绑定动态验证码')
    expect(page.body).toMatch(/<img src="data:image\/svg\+xml;base64,/)
    const secret = /data-secret="([A-Z2-7]+)"/.exec(page.body)?.[1] ?? ''
    a.csrf = csrfOf(page.body)
    const wrong = await postForm(app, a, '/console/totp/enrol', { code: '000000' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).toContain('动态验证码不正确')
    const enrolledAt = Date.now()
    const done = await postForm(app, a, '/console/totp/enrol', { code: totpCode(secret, enrolledAt) })
    expect(done.statusCode).toBe(200)
    expect(done.body).toContain('恢复码')
    expect((await get(app, a, '/console/users')).statusCode).toBe(200)

    const next = await passwordStep(username)
    expect(next.location).toMatch(/^\/console\/totp\?next=/)
    expect((await get(app, next.a, '/console')).headers.location).toBe('/console/totp')
    const form = await get(app, next.a, '/console/totp')
    next.a.csrf = csrfOf(form.body)
    // the code just used for enrolment is not accepted a second time
    const reused = await postForm(app, next.a, '/console/totp', { code: totpCode(secret, enrolledAt) })
    expect(reused.statusCode).toBe(400)
    expect(reused.body).toContain('动态验证码不正确或已使用')
    const ok = await postForm(app, next.a, '/console/totp', { code: totpCode(secret, enrolledAt + 30_000) })
    expect(ok.statusCode).toBe(303)
    expect((await get(app, next.a, '/console')).statusCode).toBe(200)
    const actions = (
      await store.db.selectFrom('audit_log').select('action').where('actor', '=', username).orderBy('seq').execute()
    ).map((r) => r.action)
    expect(actions).toEqual(expect.arrayContaining(['user.totpEnrolled', 'session.totpFailed', 'session.totpVerified']))
  })

  it('a recovery code stands in for the phone once', async () => {
    const username = await newUser(['agencyAdmin'])
    const { a } = await passwordStep(username)
    const page = await get(app, a, '/console/totp/enrol')
    const secret = /data-secret="([A-Z2-7]+)"/.exec(page.body)?.[1] ?? ''
    a.csrf = csrfOf(page.body)
    const done = await postForm(app, a, '/console/totp/enrol', { code: totpCode(secret) })
    const code = /<code>([0-9a-f]{5}-[0-9a-f]{5})<\/code>/.exec(done.body)?.[1] ?? ''
    expect(code).not.toBe('')
    for (const expected of [303, 400]) {
      const step = await passwordStep(username)
      step.a.csrf = csrfOf((await get(app, step.a, '/console/totp')).body)
      expect((await postForm(app, step.a, '/console/totp', { code })).statusCode).toBe(expected)
    }
  })

  it('others sign in with the password alone, unless they enrolled of their own will', async () => {
    const username = await newUser(['office'])
    expect((await passwordStep(username)).location).toBe('/console')
  })

  it('the security administrator resets a lost second factor; the account enrols again', async () => {
    const admin = await newUser(['agencyAdmin'])
    await signIn(app, admin)
    const sec = await signIn(app, await newUser(['secAdmin']))
    const id = Number(
      (await store.db.selectFrom('users').select('id').where('username', '=', admin).executeTakeFirstOrThrow()).id,
    )
    const page = await get(app, sec, `/console/users/${id}`)
    expect(page.body).toContain('重置动态验证码')
    sec.csrf = csrfOf(page.body)
    expect((await postForm(app, sec, `/console/users/${id}/totp-reset`, {})).statusCode).toBe(200)
    expect((await passwordStep(admin)).location).toBe('/console/totp/enrol')
  })

  it('an account holds at most three sessions: a fourth login ends the oldest', async () => {
    const username = await newUser(['office'])
    const agents = [await signIn(app, username), await signIn(app, username), await signIn(app, username)]
    for (const a of agents) expect((await get(app, a, '/console')).statusCode).toBe(200)
    const fourth = await signIn(app, username)
    expect((await get(app, fourth, '/console')).statusCode).toBe(200)
    expect((await get(app, agents[0] as Agent, '/console')).headers.location).toContain('/console/login')
    expect((await get(app, agents[1] as Agent, '/console')).statusCode).toBe(200)
    const open = await store.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('sessions.id')
      .where('users.username', '=', username)
      .execute()
    expect(open.length).toBe(3)
  })
})
