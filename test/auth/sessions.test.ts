import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import { passwordProblems } from '../../src/domain/auth/passwordPolicy.js'
import type { Store } from '../../src/store/database.js'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import { describeEachEngine } from '../support/engines.js'
import { anonymous, get, PASSWORD, postForm, signIn, testApp, uniqueAgency } from './support.js'

describeEachEngine('accounts and sessions', (getStore, engine) => {
  let app: FastifyInstance
  let store: Store
  let agencyId: number
  let n = 0
  const newUser = async (opts: { mustChangePassword?: boolean } = {}) => {
    const username = `s${engine}${++n}`
    await createUser({
      store: store,
      actor: systemActor('test'),
      username,
      displayName: username,
      password: PASSWORD,
      roles: ['office'],
      agencyId,
      mustChangePassword: opts.mustChangePassword ?? false,
    })
    return username
  }

  beforeAll(async () => {
    store = getStore()
    agencyId = await uniqueAgency(store, '丙区人民政府办公室')
    app = await testApp(store)
  })

  it('a session idle for 30 minutes has expired: the user is sent to log in again', async () => {
    const a = await signIn(app, await newUser())
    expect((await get(app, a, '/console')).statusCode).toBe(200)
    const user = await store.db
      .selectFrom('sessions')
      .select(['id', 'user_id'])
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    await store.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() })
      .where('id', '=', user.id)
      .execute()
    const res = await get(app, a, '/console')
    expect(res.statusCode).toBe(302)
    expect(res.headers.location).toContain('/console/login')
    expect(res.headers.location).toContain('expired=1')
    expect(
      await store.db.selectFrom('sessions').select('id').where('id', '=', user.id).executeTakeFirst(),
    ).toBeUndefined()
    const api = await app.inject({
      url: '/api/applications/1',
      headers: { cookie: `gk_session=${a.cookies.get('gk_session')}` },
    })
    expect(api.statusCode).toBe(401)
  })

  it('a session older than 12 hours has expired even while in use', async () => {
    const a = await signIn(app, await newUser())
    const s = await store.db.selectFrom('sessions').select('id').orderBy('created_at', 'desc').executeTakeFirstOrThrow()
    await store.db
      .updateTable('sessions')
      .set({
        created_at: new Date(Date.now() - 12 * 3_600_000 - 1000).toISOString(),
        last_seen_at: new Date().toISOString(),
      })
      .where('id', '=', s.id)
      .execute()
    const res = await get(app, a, '/console')
    expect(res.statusCode).toBe(302)
    expect(res.headers.location).toContain('expired=1')
  })

  it('a form posted without its CSRF token is refused, and nothing changes', async () => {
    const a = await signIn(app, await newUser())
    const before = await store.db.selectFrom('departments').select('id').where('agency_id', '=', agencyId).execute()
    const res = await postForm(app, a, '/console/password', { current: PASSWORD, next: 'Another#Password9' }, '')
    expect(res.statusCode).toBe(403)
    expect(res.body).toContain('CSRF')
    expect(await store.db.selectFrom('departments').select('id').where('agency_id', '=', agencyId).execute()).toEqual(
      before,
    )
  })

  it('a CSRF token from another browser is refused', async () => {
    const victim = await signIn(app, await newUser())
    const attacker = await anonymous(app)
    const res = await postForm(app, victim, '/console/logout', {}, attacker.csrf)
    expect(res.statusCode).toBe(403)
    expect((await get(app, victim, '/console')).statusCode).toBe(200)
  })

  it('the login form itself is CSRF-protected', async () => {
    const a = await anonymous(app)
    const res = await postForm(app, a, '/console/login', { username: 'x', password: 'y' }, 'forged-token')
    expect(res.statusCode).toBe(403)
  })

  it('an initial password must be changed before anything else', async () => {
    const username = await newUser({ mustChangePassword: true })
    const a = await anonymous(app)
    const login = await postForm(app, a, '/console/login', { username, password: PASSWORD })
    expect(login.headers.location).toBe('/console/password')
    const page = await get(app, a, '/console/applications')
    expect(page.headers.location).toBe('/console/password')
    const form = await get(app, a, '/console/password')
    a.csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? ''
    const weak = await postForm(app, a, '/console/password', { current: PASSWORD, next: 'short' })
    expect(weak.statusCode).toBe(400)
    expect(weak.body).toContain('密码至少10位')
    const ok = await postForm(app, a, '/console/password', { current: PASSWORD, next: 'Brand#NewPass2027' })
    expect(ok.statusCode).toBe(303)
    expect((await get(app, a, '/console/applications')).statusCode).toBe(200)
  })

  it('an agency administrator lets a waiting name try again at once and disables accounts of their agency, never a system administrator', async () => {
    const admin = `adm${engine}${++n}`
    await createUser({
      store: store,
      actor: systemActor('test'),
      username: admin,
      displayName: admin,
      password: PASSWORD,
      roles: ['agencyAdmin'],
      agencyId,
      mustChangePassword: false,
    })
    const root = `root${engine}${++n}`
    await createUser({
      store: store,
      actor: systemActor('test'),
      username: root,
      displayName: root,
      password: PASSWORD,
      roles: ['sysAdmin'],
      agencyId: null,
      mustChangePassword: false,
    })
    const staff = await newUser()
    const staffAgent = await signIn(app, staff)
    const idOf = async (u: string) =>
      Number((await store.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id)
    const waiting = { key: `name:${staff}`, failures: 9, last_failure_at: new Date().toISOString() }
    await store.db
      .insertInto('login_throttle')
      .values({ ...waiting, blocked_until: new Date(Date.now() + 60_000).toISOString() })
      .execute()
    const a = await signIn(app, admin)
    const page = await get(app, a, '/console/users')
    a.csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    expect(
      (await postForm(app, a, `/console/users/${await idOf(staff)}/status`, { action: 'unlock' })).statusCode,
    ).toBe(303)
    expect(
      await store.db.selectFrom('login_throttle').select('key').where('key', '=', waiting.key).executeTakeFirst(),
    ).toBeUndefined()
    expect(
      (await postForm(app, a, `/console/users/${await idOf(root)}/status`, { action: 'disable' })).statusCode,
    ).toBe(403)
    expect(
      (await postForm(app, a, `/console/users/${await idOf(staff)}/status`, { action: 'disable' })).statusCode,
    ).toBe(303)
    expect((await get(app, staffAgent, '/console')).headers.location).toContain('/console/login')
    await expect(signIn(app, staff)).rejects.toThrow(/login of .* failed: 401/)
  })

  it('passwords are stored as argon2id hashes', async () => {
    const username = await newUser()
    const row = await store.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  })

  it('login attempts from one address are rate-limited by a counter in the database', async () => {
    const a = await anonymous(app)
    let last = 0
    for (let i = 0; i < 25; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/console/login',
        remoteAddress: '10.9.8.7',
        headers: { cookie: `gk_csrf=${a.cookies.get('gk_csrf')}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ username: 'nobody', password: 'x', _csrf: a.csrf }).toString(),
      })
      last = res.statusCode
    }
    expect(last).toBe(429)
    const row = await store.db
      .selectFrom('rate_limits')
      .select('hits')
      .where('key', '=', 'login:10.9.8.7')
      .executeTakeFirstOrThrow()
    expect(Number(row.hits)).toBe(25)
  })
})

it('the password policy names what is wrong', () => {
  expect(passwordProblems('abc', { username: 'li' })).toContain('密码至少10位')
  expect(passwordProblems('abcdefghijk', { username: 'li' })).toContain(
    '密码须包含大写字母、小写字母、数字、符号中的至少三类',
  )
  expect(passwordProblems('Zhangsan#2026x', { username: 'zhangsan' })).toContain('密码不能包含用户名')
  expect(passwordProblems('Lantern#Quay2026', { username: 'li' })).toEqual([])
})
