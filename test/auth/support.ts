import type { FastifyInstance } from 'fastify'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { Role } from '../../src/domain/auth/roles.js'
import type { Store } from '../../src/store/database.js'
import { createAgency, createDepartment } from '../../src/services/agencies.js'
import { recordEvent } from '../../src/services/recordEvent.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import { buildApp } from '../../src/web/app.js'
import { Secret, TOTP } from 'otpauth'

export const PASSWORD = 'Test#Password2026'
export const TODAY = '2026-11-24' as CalendarDay

/** Two agencies; A has two departments; one case in each department and one in B. */
export interface World {
  agencyA: number
  agencyB: number
  deptA1: number
  deptA2: number
  caseA1: number
  caseA2: number
  caseB: number
}

let serial = 0
/** A distinct, well-formed 统一社会信用代码 for each test agency. */
export async function uniqueAgency(store: Store, name: string): Promise<number> {
  const { creditCodeCheckChar } = await import('../../src/domain/agency/creditCode.js')
  serial++
  const first17 = `11330000${String(Date.now() % 1e6).padStart(6, '0')}${String(serial).padStart(3, '0')}`.slice(0, 17)
  return createAgency(store, { name: `${name}${serial}`, code: first17 + (creditCodeCheckChar(first17) ?? '0') })
}

export async function makeWorld(store: Store): Promise<World> {
  const agencyA = await uniqueAgency(store, '甲市住房和城乡建设局')
  const agencyB = await uniqueAgency(store, '乙市自然资源局')
  const deptA1 = await createDepartment(store, agencyA, '房屋征收处')
  const deptA2 = await createDepartment(store, agencyA, '住房保障处')
  const deptB = await createDepartment(store, agencyB, '办公室')
  const mk = async (agencyId: number, departmentId: number, departmentName: string) => {
    const f = await registerApplication(
      store,
      {
        agencyId,
        channel: 'letter',
        receivedOn: '2026-11-02',
        applicantKind: 'naturalPerson',
        applicantName: '张三',
        description: '请公开某地块征收补偿方案',
      },
      TODAY,
    )
    const id = Number(f.row.id)
    await recordEvent(
      store,
      id,
      { kind: 'assigned', on: '2026-11-03' as CalendarDay, departmentId, departmentName },
      TODAY,
    )
    return id
  }
  return {
    agencyA,
    agencyB,
    deptA1,
    deptA2,
    caseA1: await mk(agencyA, deptA1, '房屋征收处'),
    caseA2: await mk(agencyA, deptA2, '住房保障处'),
    caseB: await mk(agencyB, deptB, '办公室'),
  }
}

/** Every role of the platform (authorization.test.ts checks this list against ROLES). */
export const TEST_ROLES = [
  'sysAdmin',
  'secAdmin',
  'auditAdmin',
  'agencyAdmin',
  'office',
  'handler',
  'reviewerDept',
  'reviewerSecrecy',
  'reviewerLeader',
  'reviewerHead',
  'supervisor',
] as const
export type TestRole = (typeof TEST_ROLES)[number]

/** One account per role: agency roles in A, the handler in A's first department, the supervisor over B. */
export async function makeUsers(store: Store, w: World, prefix: string): Promise<Record<TestRole, string>> {
  const spec: Record<
    TestRole,
    { roles: Role[]; agencyId: number | null; departmentIds?: number[]; supervisedRootId?: number }
  > = {
    sysAdmin: { roles: ['sysAdmin'], agencyId: null },
    secAdmin: { roles: ['secAdmin'], agencyId: null },
    auditAdmin: { roles: ['auditAdmin'], agencyId: null },
    agencyAdmin: { roles: ['agencyAdmin'], agencyId: w.agencyA },
    office: { roles: ['office'], agencyId: w.agencyA },
    handler: { roles: ['handler'], agencyId: w.agencyA, departmentIds: [w.deptA1] },
    reviewerDept: { roles: ['reviewerDept'], agencyId: w.agencyA, departmentIds: [w.deptA1] },
    reviewerSecrecy: { roles: ['reviewerSecrecy'], agencyId: w.agencyA },
    reviewerLeader: { roles: ['reviewerLeader'], agencyId: w.agencyA },
    reviewerHead: { roles: ['reviewerHead'], agencyId: w.agencyA },
    supervisor: { roles: ['supervisor'], agencyId: null, supervisedRootId: w.agencyB },
  }
  const names = {} as Record<TestRole, string>
  for (const role of TEST_ROLES) {
    const username = `${prefix}-${role}`.toLowerCase()
    await createUser({
      store: store,
      actor: systemActor('test'),
      username,
      displayName: role,
      password: PASSWORD,
      mustChangePassword: false,
      ...spec[role],
    })
    names[role] = username
  }
  return names
}

export async function testApp(store: Store, today: CalendarDay = TODAY): Promise<FastifyInstance> {
  const app = await buildApp({ store, today: () => today })
  await app.ready()
  return app
}

/** A browser's cookies and the CSRF token of the last form it was given. */
export interface Agent {
  cookies: Map<string, string>
  csrf: string
}

export function cookieHeader(a: Agent): string {
  return [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
}

export function takeCookies(a: Agent, setCookie: string | string[] | undefined): void {
  for (const c of [setCookie ?? []].flat()) {
    const [pair] = c.split(';')
    const [k, ...v] = (pair ?? '').split('=')
    if (!k) continue
    if (/Expires=Thu, 01 Jan 1970/i.test(c) || v.join('=') === '') a.cookies.delete(k.trim())
    else a.cookies.set(k.trim(), v.join('='))
  }
}

/** Opens the login page (for its CSRF token) without signing in. */
export async function anonymous(app: FastifyInstance): Promise<Agent> {
  const a: Agent = { cookies: new Map(), csrf: '' }
  const page = await app.inject({ url: '/console/login' })
  takeCookies(a, page.headers['set-cookie'])
  a.csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
  return a
}

export async function postForm(
  app: FastifyInstance,
  a: Agent,
  url: string,
  fields: Record<string, string | string[]>,
  csrf = a.csrf,
) {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x)
  if (csrf) body.append('_csrf', csrf)
  const res = await app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookieHeader(a), 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  })
  takeCookies(a, res.headers['set-cookie'])
  return res
}

export async function get(app: FastifyInstance, a: Agent, url: string) {
  const res = await app.inject({ url, headers: { cookie: cookieHeader(a), accept: 'text/html' } })
  takeCookies(a, res.headers['set-cookie'])
  return res
}

/** The TOTP secrets this process enrolled, by user name: an administrator's later logins need them. */
const secrets = new Map<string, string>()

/** The current code of a secret, as an authenticator app shows it (the test computes it with the library). */
export function totpCode(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at })
}

/** A later code (a code is accepted once: a second login in the same 30 s uses the next step's). */
const stepsUsed = new Map<string, number>()
function freshCode(username: string, secret: string): string {
  const step = Math.max(Math.floor(Date.now() / 30_000), (stepsUsed.get(username) ?? 0) + 1)
  stepsUsed.set(username, step)
  return totpCode(secret, step * 30_000)
}

/**
 * Signs in through the login form. An administrator (or anyone owing a second factor) is taken through it as a
 * person would: enrolment reads the key shown on the page; later logins type the current code.
 */
export async function signIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<Agent> {
  const a = await anonymous(app)
  const res = await postForm(app, a, '/console/login', { username, password, next: '/console' })
  if (res.statusCode !== 303)
    throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body.slice(0, 300)}`)
  const to = String(res.headers.location)
  if (to.startsWith('/console/totp/enrol')) {
    const page = await get(app, a, '/console/totp/enrol')
    const secret = /data-secret="([A-Z2-7]+)"/.exec(page.body)?.[1] ?? ''
    a.csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    secrets.set(username, secret)
    stepsUsed.delete(username)
    const done = await postForm(app, a, '/console/totp/enrol', { code: freshCode(username, secret), next: '/console' })
    if (done.statusCode !== 200) throw new Error(`enrolment of ${username} failed: ${done.statusCode}`)
  } else if (to.startsWith('/console/totp')) {
    const secret = secrets.get(username)
    if (!secret) throw new Error(`no TOTP secret known for ${username}`)
    const done = await postForm(app, a, '/console/totp', { code: freshCode(username, secret), next: '/console' })
    if (done.statusCode !== 303) throw new Error(`second factor of ${username} failed: ${done.statusCode}`)
  }
  return a
}
