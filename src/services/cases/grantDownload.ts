import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { codeMessage } from '../../domain/notifications/messages.js'
import { findApplicationByQueryCode } from '../../store/applicationRepo.js'
import { applicantDetails } from '../personalData/vault.js'
import type { ApplicationRow } from '../../store/applicationRepo.js'
import {
  countTry,
  expireChallenge,
  findGrant,
  insertChallenge,
  latestChallenge,
} from '../../store/applicantChallengeRepo.js'
import { findAgencyById } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { enqueueMessage } from '../../store/outboxRepo.js'
import type { Actor } from '../actor.js'
import { auditActor } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError, TooManyRequests, ValidationError } from '../errors.js'
import type { SecondFactor } from './publicApplication.js'

// a code lives 15 minutes and takes 5 tries; a new one is sent at most once a minute; a grant lives 30 minutes
const CODE_TTL_MS = 15 * 60_000
const CODE_TRIES = 5
const CODE_EVERY_MS = 60_000
const GRANT_TTL_MS = 30 * 60_000

const hashOf = (applicationId: number, secret: string) =>
  createHash('sha256').update(`${applicationId}:${secret}`).digest('hex')

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')

/**
 * The answered case of a query code and its applicant's second factor; NotFound otherwise. `anyState`: a case
 * in any state (the applicant's own personal data, issue 17 point 5, may be seen while the case is open).
 */
async function answeredCase(store: Store, queryCode: string, anyState = false) {
  const row = await findApplicationByQueryCode(store.db, queryCode.trim().toUpperCase())
  if (!row) throw new NotFoundError(anyState ? '该查询码对应的申请' : '该查询码对应的已答复申请')
  if (!anyState && !['answered', 'delivered', 'archived'].includes(row.state))
    throw new NotFoundError('该查询码对应的已答复申请')
  const applicant = await applicantDetails(store.db, row)
  const factor: SecondFactor =
    applicant.secondFactor === 'email' || applicant.secondFactor === 'phone' ? applicant.secondFactor : 'idTail'
  return { row, applicant, factor }
}

/** What the applicant must type for the id-tail factor: the last 6 characters of the ID or credit code they gave. */
function idTailOf(row: ApplicationRow, applicant: Record<string, unknown>): string {
  const id = row.applicant_kind === 'naturalPerson' ? text(applicant.idNumber) : text(applicant.orgCode)
  return id.toUpperCase().slice(-6)
}

export interface SendDownloadCodeProps {
  store: Store
  actor: Actor
  queryCode: string
  now: Date
  /** a case in any state, not only an answered one (issue 17 point 5) */
  anyState?: boolean
}

/**
 * Sends a one-time code to the e-mail or phone the applicant chose for downloads (through the outbox; the
 * message holds the code and the agency's name, nothing else). Once a minute at most.
 */
export async function sendDownloadCode(p: SendDownloadCodeProps): Promise<{ channel: 'email' | 'sms' }> {
  const { row, applicant, factor } = await answeredCase(p.store, p.queryCode, p.anyState)
  if (factor === 'idTail') throw new ValidationError([{ field: 'answer', message: '请填写证件号码后6位，无需验证码' }])
  const id = Number(row.id)
  const channel = factor === 'email' ? 'email' : 'sms'
  const recipient = factor === 'email' ? text(applicant.email) : text(applicant.phone).replace(/[\s-]/g, '')
  if (!recipient) throw new ValidationError([{ field: 'answer', message: '申请时未留下可接收验证码的联系方式' }])
  const nowIso = p.now.toISOString()
  const last = await latestChallenge(p.store.db, id, 'code', nowIso)
  if (last && p.now.getTime() - Date.parse(last.createdAt) < CODE_EVERY_MS) throw new TooManyRequests(60)
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const agency = await findAgencyById(p.store.db, Number(row.agency_id))
  await p.store.db.transaction().execute(async (trx) => {
    await insertChallenge(trx, {
      applicationId: id,
      kind: 'code',
      secretHash: hashOf(id, code),
      expiresAt: new Date(p.now.getTime() + CODE_TTL_MS).toISOString(),
    })
    const m = codeMessage(channel, recipient, agency?.name ?? '', code)
    await enqueueMessage(trx, {
      ...m,
      agencyId: Number(row.agency_id),
      applicationId: id,
      dedupe: `code:${id}:${randomBytes(8).toString('hex')}`,
      topic: 'code',
    })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'case.downloadCodeSent',
      targetType: 'application',
      targetId: id,
      detail: { channel },
    })
  })
  return { channel }
}

const answerInput = z.object({
  code: z.string().trim().min(1, '请填写查询码'),
  answer: z.string().trim().min(1, '请填写验证信息').max(20, '验证信息过长'),
})

/**
 * The second factor (issue 14 point 4): the ID number's last 6 characters, or the code sent by e-mail or SMS.
 * Right: a download grant (a random token, stored hashed, 30 minutes). Wrong: a Chinese error naming the field
 * (a code takes 5 tries; the route limits the rate of attempts).
 */
export async function grantDownload(p: {
  store: Store
  input: unknown
  now: Date
  anyState?: boolean
}): Promise<string> {
  const parsed = answerInput.safeParse(p.input)
  if (!parsed.success)
    throw new ValidationError(parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })))
  const { row, applicant, factor } = await answeredCase(p.store, parsed.data.code, p.anyState)
  const id = Number(row.id)
  const answer = parsed.data.answer.toUpperCase()
  const wrong = (message: string) => new ValidationError([{ field: 'answer', message }])
  if (factor === 'idTail') {
    const tail = idTailOf(row, applicant)
    if (tail.length < 6 || !sameText(tail, answer)) throw wrong('证件号码后6位不正确')
  } else {
    const challenge = await latestChallenge(p.store.db, id, 'code', p.now.toISOString())
    if (!challenge) throw wrong('验证码已失效，请重新获取')
    await countTry(p.store.db, challenge.id)
    if (challenge.tries + 1 > CODE_TRIES) {
      await expireChallenge(p.store.db, challenge.id)
      throw wrong('验证码错误次数过多，请重新获取')
    }
    if (!sameText(challenge.secretHash, hashOf(id, answer))) throw wrong('验证码不正确')
    await expireChallenge(p.store.db, challenge.id)
  }
  const token = randomBytes(24).toString('base64url')
  await insertChallenge(p.store.db, {
    applicationId: id,
    kind: 'grant',
    secretHash: hashOf(id, token),
    expiresAt: new Date(p.now.getTime() + GRANT_TTL_MS).toISOString(),
  })
  return token
}

/** Whether `token` is a live download grant of case `applicationId`. */
export async function grantValid(store: Store, applicationId: number, token: string, now: Date): Promise<boolean> {
  return (await findGrant(store.db, applicationId, hashOf(applicationId, token), now.toISOString())) !== undefined
}
