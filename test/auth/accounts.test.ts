import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import { createUser } from '../../src/services/accounts/createUser.js'
import { setUserRoles } from '../../src/services/accounts/setUserRoles.js'
import type { Actor } from '../../src/services/actor.js'
import { systemActor } from '../../src/services/actor.js'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'
import type { World } from './support.js'
import { get, makeUsers, makeWorld, PASSWORD, postForm, signIn, testApp } from './support.js'

describeEachEngine('account and agency administration', (getStore, engine) => {
  let store: Store
  let app: FastifyInstance
  let w: World
  let users: Awaited<ReturnType<typeof makeUsers>>
  let n = 0

  const auditOf = async (action: string, targetId: number | string) =>
    store.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('action', '=', action)
      .where('target_id', '=', String(targetId))
      .execute()

  const newOffice = async () =>
    createUser({
      store,
      actor: systemActor('test'),
      username: `acct${engine}${++n}`,
      displayName: '办公室',
      password: PASSWORD,
      roles: ['office'],
      agencyId: w.agencyA,
      mustChangePassword: false,
    })

  /** The agency administrator of A, as a service sees them. */
  const agencyAdmin = async (): Promise<Actor> => {
    const row = await store.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', users.agencyAdmin)
      .executeTakeFirstOrThrow()
    return {
      username: users.agencyAdmin,
      ip: '192.0.2.9',
      principal: {
        userId: Number(row.id),
        username: users.agencyAdmin,
        roles: ['agencyAdmin'],
        agencyId: w.agencyA,
        departmentIds: [],
        supervisedAgencyIds: [],
      },
    }
  }

  beforeAll(async () => {
    store = getStore()
    w = await makeWorld(store)
    users = await makeUsers(store, w, `acct${engine}`)
    app = await testApp(store)
  })

  it('an agency administrator cannot make an account a system administrator; nothing changes, nothing is recorded', async () => {
    const id = await newOffice()
    await expect(setUserRoles({ store, actor: await agencyAdmin(), userId: id, roles: ['sysAdmin'] })).rejects.toThrow(
      '无权授予这些角色',
    )
    const row = await store.db.selectFrom('users').select('roles').where('id', '=', id).executeTakeFirstOrThrow()
    expect(JSON.parse(row.roles)).toEqual(['office'])
    expect(await auditOf('user.permissions', id)).toEqual([])
  })

  it('an agency administrator changes the roles of an account of their agency, recorded under their name', async () => {
    const id = await newOffice()
    await setUserRoles({ store, actor: await agencyAdmin(), userId: id, roles: ['office', 'reviewerSecrecy'] })
    const row = await store.db.selectFrom('users').select('roles').where('id', '=', id).executeTakeFirstOrThrow()
    expect(JSON.parse(row.roles)).toEqual(['office', 'reviewerSecrecy'])
    expect(await auditOf('user.permissions', id)).toEqual([{ actor: users.agencyAdmin, action: 'user.permissions' }])
  })

  it('an agency administrator adds a department to their own agency only; each addition is recorded', async () => {
    const admin = await signIn(app, users.agencyAdmin)
    const page = await get(app, admin, '/console/agencies')
    admin.csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    const other = await postForm(app, admin, '/console/departments', { agencyId: String(w.agencyB), name: '法规处' })
    expect(other.statusCode).toBe(403)
    const ok = await postForm(app, admin, '/console/departments', { agencyId: String(w.agencyA), name: '法规处' })
    expect(ok.statusCode).toBe(303)
    const dept = await store.db
      .selectFrom('departments')
      .select('id')
      .where('agency_id', '=', w.agencyA)
      .where('name', '=', '法规处')
      .executeTakeFirstOrThrow()
    expect(await auditOf('department.create', Number(dept.id))).toEqual([
      { actor: users.agencyAdmin, action: 'department.create' },
    ])
    const again = await postForm(app, admin, '/console/departments', { agencyId: String(w.agencyA), name: '法规处' })
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain('处室「法规处」已存在')
  })

  it('a system administrator adds an agency, recorded under their name; a bad credit code is named', async () => {
    const admin = await signIn(app, users.sysAdmin)
    const page = await get(app, admin, '/console/agencies')
    admin.csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    const bad = await postForm(app, admin, '/console/agencies', { name: '丁县档案馆', code: '123' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('统一社会信用代码')
    const { creditCodeCheckChar } = await import('../../src/domain/agency/creditCode.js')
    const first17 = `1233000${String(Date.now() % 1e6).padStart(6, '0')}${engine === 'sqlite' ? '0001' : '0002'}`
    const code = first17 + (creditCodeCheckChar(first17) ?? '0')
    const name = `丁县档案馆${engine}${Date.now() % 1e6}`
    const ok = await postForm(app, admin, '/console/agencies', { name, code, court: '丁县人民法院' })
    expect(ok.statusCode).toBe(303)
    const agency = await store.db
      .selectFrom('agencies')
      .select(['id', 'settings'])
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(agency.settings)).toEqual({ remedies: { court: '丁县人民法院' } })
    expect(await auditOf('agency.create', Number(agency.id))).toEqual([
      { actor: users.sysAdmin, action: 'agency.create' },
    ])
  })
})
