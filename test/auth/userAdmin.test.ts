import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import { appendAudit } from '../../src/services/auditLog.js'
import type { Store } from '../../src/store/database.js'
import { findUserByUsername } from '../../src/store/userRepo.js'
import { describeEachEngine } from '../support/engines.js'
import type { Agent, World } from './support.js'
import { anonymous, get, makeUsers, makeWorld, PASSWORD, postForm, signIn, testApp } from './support.js'

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describeEachEngine('administration a person can use (issue 13 point 6)', (getStore, engine) => {
  let app: FastifyInstance
  let store: Store
  let w: World
  let users: Awaited<ReturnType<typeof makeUsers>>
  let admin: Agent
  /** the security administrator: roles are granted by them (三员分立, decision 0032) */
  let security: Agent
  const idOf = async (username: string) => Number((await findUserByUsername(store.db, username))?.id)

  beforeAll(async () => {
    store = getStore()
    w = await makeWorld(store)
    users = await makeUsers(store, w, `uadm${engine}`)
    app = await testApp(store)
    admin = await signIn(app, users.sysAdmin)
    security = await signIn(app, users.secAdmin)
  })

  it('the users list shows role names and links each account to its page', async () => {
    const res = await get(app, admin, '/console/users')
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toContain('["')
    expect(textOf(res.body)).toContain('处室承办人')
    expect(res.body).toContain(`href="/console/users/${await idOf(users.handler)}"`)
  })

  it('the security administrator changes an account’s roles and departments on its page', async () => {
    const id = await idOf(users.reviewerSecrecy)
    const page = await get(app, security, `/console/users/${id}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toMatch(/name="roles" value="reviewerSecrecy" checked/)
    const res = await postForm(app, security, `/console/users/${id}/access`, {
      roles: ['reviewerSecrecy', 'handler'],
      departmentIds: [String(w.deptA2)],
    })
    expect(res.statusCode).toBe(200)
    expect(textOf(res.body)).toContain('已保存角色和权限范围')
    expect(res.body).toMatch(/name="roles" value="handler" checked/)
    expect(res.body).toMatch(new RegExp(`name="departmentIds" value="${w.deptA2}" checked`))
    // the change holds: as a handler of 住房保障处 they now open that department's case
    const them = await signIn(app, users.reviewerSecrecy)
    expect((await get(app, them, `/console/applications/${w.caseA2}`)).statusCode).toBe(200)
  })

  it('a handler without a department is refused with a message naming the field', async () => {
    const id = await idOf(users.office)
    const res = await postForm(app, security, `/console/users/${id}/access`, { roles: ['handler'] })
    expect(res.statusCode).toBe(400)
    expect(textOf(res.body)).toContain('处室承办人须至少指定一个处室')
  })

  it('the system administrator keeps accounts but grants no role: the roles form is not theirs', async () => {
    const id = await idOf(users.office)
    expect((await get(app, admin, `/console/users/${id}`)).body).not.toContain('保存角色和权限范围')
    const res = await postForm(app, admin, `/console/users/${id}/access`, { roles: ['office', 'reviewerHead'] })
    expect(res.statusCode).toBe(403)
    const created = await postForm(app, admin, '/console/users', {
      username: `uadm${engine}-new`,
      displayName: '新职员',
      password: 'Fresh#Account2026',
      agencyId: String(w.agencyA),
      roles: ['office'],
    })
    expect(created.statusCode).toBe(403)
    expect(textOf(created.body)).toContain('角色由安全保密管理员授予')
  })

  it('nobody in the console hands out a separated duty, the security administrator included', async () => {
    const res = await postForm(app, security, `/console/users/${await idOf(users.office)}/access`, {
      roles: ['auditAdmin'],
    })
    expect(res.statusCode).toBe(403)
  })

  it('an agency administrator cannot make anyone a system administrator', async () => {
    const agencyAdmin = await signIn(app, users.agencyAdmin)
    const res = await postForm(app, agencyAdmin, `/console/users/${await idOf(users.office)}/access`, {
      roles: ['sysAdmin'],
    })
    expect(res.statusCode).toBe(403)
    expect(textOf(res.body)).toContain('无权授予这些角色')
  })

  it('a password reset ends the account’s sessions, and the user must change it at the next login', async () => {
    const username = `uadm${engine}-reset`.toLowerCase()
    await createUser({
      store,
      actor: systemActor('test'),
      username,
      displayName: '林晓',
      password: PASSWORD,
      mustChangePassword: false,
      roles: ['office'],
      agencyId: w.agencyA,
    })
    const before = await signIn(app, username)
    const weak = await postForm(app, admin, `/console/users/${await idOf(username)}/password`, { password: '123' })
    expect(weak.statusCode).toBe(400)
    const res = await postForm(app, admin, `/console/users/${await idOf(username)}/password`, {
      password: 'Temp#Reset2026x',
    })
    expect(textOf(res.body)).toContain('密码已重置')
    // the old session is gone
    expect((await get(app, before, '/console')).headers.location).toMatch(/^\/console\/login/)
    const after = await signIn(app, username, 'Temp#Reset2026x')
    const next = await get(app, after, '/console/applications')
    expect(next.statusCode).toBe(302)
    expect(next.headers.location).toBe('/console/password')
  })

  it('a disabled account cannot sign in', async () => {
    const username = `uadm${engine}-gone`.toLowerCase()
    await createUser({
      store,
      actor: systemActor('test'),
      username,
      displayName: '王离职',
      password: PASSWORD,
      mustChangePassword: false,
      roles: ['office'],
      agencyId: w.agencyA,
    })
    const id = await idOf(username)
    const res = await postForm(app, admin, `/console/users/${id}/status`, { action: 'disable', back: 'edit' })
    expect(res.headers.location).toBe(`/console/users/${id}`)
    expect(textOf((await get(app, admin, `/console/users/${id}`)).body)).toContain('状态：已停用')
    await expect(signIn(app, username)).rejects.toThrow(/login of .* failed/)
  })

  it('the users list pages through the accounts and says how many there are', async () => {
    for (let i = 0; i < 50; i++)
      await createUser({
        store,
        actor: systemActor('test'),
        username: `uadm${engine}-many${i}`.toLowerCase(),
        displayName: `职员${i}`,
        password: PASSWORD,
        roles: ['office'],
        agencyId: w.agencyB,
      })
    const total = Number(
      (
        await store.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
    const first = await get(app, admin, '/console/users')
    expect(textOf(first.body)).toContain(`共 ${total} 个账号，显示第 1–50 个账号`)
    expect(first.body).toContain('href="/console/users?page=2"')
    const second = await get(app, admin, '/console/users?page=2')
    expect(textOf(second.body)).toContain(`显示第 51–${Math.min(total, 100)} 个账号`)
  })
})

describeEachEngine('the audit log: filtered by actor, action and Beijing day', (getStore, engine) => {
  let app: FastifyInstance
  /** the auditor: the only one who reads the log (三员分立, decision 0032) */
  let admin: Agent
  let sysAdmin: Agent

  beforeAll(async () => {
    const store = getStore()
    const w = await makeWorld(store)
    const users = await makeUsers(store, w, `audit${engine}`)
    app = await testApp(store)
    admin = await signIn(app, users.auditAdmin)
    sysAdmin = await signIn(app, users.sysAdmin)
    await store.db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: `audit${engine}-clerk`,
        ip: '192.0.2.7',
        action: 'template.save',
        targetType: 'template',
        targetId: 1,
      }),
    )
  })

  it('shows each time in Beijing time', async () => {
    const res = await get(app, admin, '/console/audit')
    expect(res.body).toContain('时间（北京时间）')
    expect(res.body).not.toMatch(/<td>\d{4}-\d\d-\d\dT/)
    expect(res.body).toMatch(/<td>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d<\/td>/)
  })

  it('filters by actor and by action', async () => {
    const byActor = await get(app, admin, `/console/audit?actor=audit${engine}-clerk`)
    expect(textOf(byActor.body)).toContain('共 1 条')
    expect(textOf(byActor.body)).toContain('修改文书模板')
    const byAction = await get(app, admin, '/console/audit?action=session.login')
    expect(byAction.body).not.toContain(`<td>audit${engine}-clerk</td>`)
    expect(textOf(byAction.body)).toContain('登录')
  })

  it('filters by Beijing day, and names a day that is no day', async () => {
    const none = await get(app, admin, '/console/audit?from=2001-01-01&to=2001-01-02')
    expect(textOf(none.body)).toContain('共 0 条')
    expect(textOf(none.body)).toContain('没有符合条件的记录')
    const bad = await get(app, admin, '/console/audit?from=2026-13-01')
    expect(textOf(bad.body)).toContain('起始日期应为有效日期（YYYY-MM-DD）')
  })

  it('the system administrator does not read the audit log', async () => {
    expect((await get(app, sysAdmin, '/console/audit')).statusCode).toBe(403)
  })

  it('an anonymous visitor is sent to sign in', async () => {
    const a = await anonymous(app)
    expect((await get(app, a, '/console/audit')).headers.location).toMatch(/^\/console\/login/)
  })
})
