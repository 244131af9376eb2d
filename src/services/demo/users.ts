import type { Role } from '../../domain/auth/roles.js'
import type { Store } from '../../store/database.js'
import { listAgencies, listDepartments } from '../../store/agencyRepo.js'
import { findUserByUsername } from '../../store/userRepo.js'
import { systemActor } from '../actor.js'
import { createUser } from '../accounts/createUser.js'
import { createDepartment } from '../admin/createDepartment.js'

/** Everyone's demo password (demo only: real accounts get an initial password they must change). */
const DEMO_PASSWORD = 'Gongkai#Demo2026'

interface DemoUser {
  username: string
  displayName: string
  roles: Role[]
  agency: 'fuzhou' | 'quzhou' | null
  departments?: string[]
  supervises?: ('fuzhou' | 'quzhou')[]
}

const DEMO_USERS: DemoUser[] = [
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
  const actor = systemActor('demo')
  const byCode = new Map((await listAgencies(store.db)).map((a) => [a.code, a.id]))
  const fuzhou = byCode.get(codes.fuzhouCode)
  const quzhou = byCode.get(codes.quzhouCode)
  if (fuzhou === undefined || quzhou === undefined) return ''
  const idOf = (a: 'fuzhou' | 'quzhou') => (a === 'fuzhou' ? fuzhou : quzhou)
  for (const u of DEMO_USERS) {
    if (await findUserByUsername(store.db, u.username)) continue
    const agencyId = u.agency ? idOf(u.agency) : null
    const departmentIds: number[] = []
    const ensure = async (agencyId: number, name: string) =>
      (await listDepartments(store.db, [agencyId])).find((x) => x.name === name)?.id ??
      createDepartment({ store, actor, agencyId, name })
    if (agencyId !== null) for (const name of u.departments ?? []) departmentIds.push(await ensure(agencyId, name))
    await createUser({
      store,
      actor,
      username: u.username,
      displayName: u.displayName,
      password: DEMO_PASSWORD,
      roles: u.roles,
      agencyId,
      departmentIds,
      supervisedAgencyIds: (u.supervises ?? []).map(idOf),
      mustChangePassword: false,
    })
  }
  return `演示账号（密码均为 ${DEMO_PASSWORD}，登录 /console/login）：${DEMO_USERS.map((u) => u.username).join('、')}`
}
