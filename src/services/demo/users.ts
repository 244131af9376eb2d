import type { Role } from '../../domain/auth/roles.js'
import { ADMIN_ROLES } from '../../domain/auth/roles.js'
import type { Store } from '../../store/database.js'
import { listAgencies, listDepartments } from '../../store/agencyRepo.js'
import { findUserByUsername } from '../../store/userRepo.js'
import { systemActor } from '../actor.js'
import { createUser } from '../accounts/createUser.js'
import { createDepartment } from '../admin/createDepartment.js'
import { FUZHOU_CITY } from './fuzhouCity.js'

/** Everyone's demo password (demo only: real accounts get an initial password they must change). */
const DEMO_PASSWORD = 'Gongkai#Demo2026'

interface DemoUser {
  username: string
  displayName: string
  roles: Role[]
  agency: 'fuzhou' | 'quzhou' | null
  departments?: string[]
  /** a supervisor reads the demo city and every agency under it */
  supervisesCity?: boolean
}

const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['sysAdmin'], agency: null },
  // 三员分立 (decision 0032): the security administrator and the auditor are accounts of their own
  { username: 'sec-admin', displayName: '安全保密管理员', roles: ['secAdmin'], agency: null },
  { username: 'auditor', displayName: '安全审计员', roles: ['auditAdmin'], agency: null },
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
    supervisesCity: true,
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
  const city = byCode.get(FUZHOU_CITY.code) ?? null
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
      supervisedRootId: u.supervisesCity ? city : null,
      mustChangePassword: false,
    })
  }
  const admins = DEMO_USERS.filter((u) => u.roles.some((r) => (ADMIN_ROLES as readonly Role[]).includes(r)))
  return (
    `演示账号（密码均为 ${DEMO_PASSWORD}，登录 /console/login）：${DEMO_USERS.map((u) => u.username).join('、')}。` +
    `其中管理员账号（${admins.map((u) => u.username).join('、')}）首次登录时须用手机验证器应用扫码绑定动态验证码`
  )
}
