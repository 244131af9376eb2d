import type { Role } from '../../domain/auth/roles.js'
import type { Store } from '../../store/database.js'
import { createUser } from '../../web/auth/accounts.js'
import { createDepartment } from '../agencies.js'

/** Everyone's demo password (demo only: real accounts get an initial password they must change). */
export const DEMO_PASSWORD = 'Gongkai#Demo2026'

interface DemoUser {
  username: string
  displayName: string
  roles: Role[]
  agency: 'fuzhou' | 'quzhou' | null
  departments?: string[]
  supervises?: ('fuzhou' | 'quzhou')[]
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['sysAdmin'], agency: null },
  { username: 'fz-admin', displayName: '福州 机关管理员', roles: ['agencyAdmin'], agency: 'fuzhou' },
  { username: 'fz-office', displayName: '福州 政务公开办 陈敏', roles: ['office'], agency: 'fuzhou' },
  {
    username: 'fz-handler',
    displayName: '福州 房屋征收管理处 王磊',
    roles: ['handler'],
    agency: 'fuzhou',
    departments: ['房屋征收管理处'],
  },
  {
    username: 'fz-handler2',
    displayName: '福州 住房保障处 林芳',
    roles: ['handler'],
    agency: 'fuzhou',
    departments: ['住房保障处'],
  },
  {
    username: 'fz-reviewer',
    displayName: '福州 保密审查 郑宏',
    roles: ['reviewerSecrecy', 'reviewerDept'],
    agency: 'fuzhou',
  },
  { username: 'qz-office', displayName: '衢州 政务公开办 李政', roles: ['office'], agency: 'quzhou' },
  {
    username: 'supervisor',
    displayName: '市政务公开办 督查',
    roles: ['supervisor'],
    agency: null,
    supervises: ['fuzhou', 'quzhou'],
  },
]

/** Creates the demo accounts once (idempotent) and returns the line `gongkai demo` prints. */
export async function loadDemoUsers(store: Store, codes: { fuzhouCode: string; quzhouCode: string }): Promise<string> {
  const agencies = await store.db
    .selectFrom('agencies')
    .select(['id', 'code'])
    .where('code', 'in', [codes.fuzhouCode, codes.quzhouCode])
    .execute()
  const idOf = (a: 'fuzhou' | 'quzhou') =>
    Number(agencies.find((x) => x.code === (a === 'fuzhou' ? codes.fuzhouCode : codes.quzhouCode))?.id)
  if (agencies.length < 2) return ''
  for (const u of DEMO_USERS) {
    const exists = await store.db.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst()
    if (exists) continue
    const agencyId = u.agency ? idOf(u.agency) : null
    const departmentIds: number[] = []
    for (const name of u.departments ?? []) {
      const d = await store.db
        .selectFrom('departments')
        .select('id')
        .where('agency_id', '=', agencyId)
        .where('name', '=', name)
        .executeTakeFirst()
      departmentIds.push(d ? Number(d.id) : await createDepartment(store, agencyId as number, name))
    }
    await createUser(
      store,
      {
        username: u.username,
        displayName: u.displayName,
        password: DEMO_PASSWORD,
        roles: u.roles,
        agencyId,
        departmentIds,
        supervisedAgencyIds: (u.supervises ?? []).map(idOf),
        mustChangePassword: false,
      },
      { actor: 'demo', ip: '' },
    )
  }
  return `演示账号（密码均为 ${DEMO_PASSWORD}，登录 /console/login）：${DEMO_USERS.map((u) => u.username).join('、')}`
}
