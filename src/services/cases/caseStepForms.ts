import { z } from 'zod'
import type { AnsweredItem, ApplicationEvent } from '../../domain/application/events.js'
import type { ItemResult } from '../../domain/application/outcomes.js'
import type { Channel } from '../../domain/application/applicant.js'
import type { LetterChannel } from '../../domain/application/receipt.js'
import { LETTER_CHANNEL_CODES } from '../../domain/application/receipt.js'
import { isItemResult } from '../../domain/application/outcomes.js'
import type { WithheldGround } from '../../domain/letters/withheldGrounds.js'
import { answerDetailProblems, needsQueryLaw } from '../../domain/letters/decisions.js'
import type { CaseStep } from '../../domain/auth/caseSteps.js'
import { daySchema } from '../../domain/calendar/calendarDay.js'
import { ValidationError } from '../errors.js'
import { zodErrors } from '../registerApplication.js'

/** A case step's form as posted: text fields by name (the route only shapes them). */
export type StepFields = Record<string, string>

/** What a step's event needs besides its form: who records it, and the case it belongs to. */
export interface StepCase {
  actor: string
  description: string
  departments: ReadonlyMap<number, string>
}

const text = (message: string) => z.string().trim().min(1, message).max(2000, '内容过长')
const itemResult = z.custom<ItemResult>((v) => typeof v === 'string' && isItemResult(v), '处理结果无效')
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v)

/** A step's form: the day it happened and its own fields, every problem named at once. */
function read<S extends z.ZodRawShape>(fields: StepFields, shape: S) {
  const r = z.object({ on: daySchema('日期'), ...shape }).safeParse(fields)
  if (!r.success) throw new ValidationError(zodErrors(r.error))
  return r.data
}

/**
 * A letter's channel and its optional receipt date (decision 0006: while it is missing, the channel's
 * presumed delivery period applies).
 */
const letterReceipt = {
  // the console's form always sends it; a caller that leaves it out gets the old reading (received the day sent)
  via: z.preprocess(
    blankToUndefined,
    z.enum(LETTER_CHANNEL_CODES as [LetterChannel, ...LetterChannel[]], { message: '请选择发送方式' }).optional(),
  ),
  receivedOn: z.preprocess(blankToUndefined, daySchema('对方收到日期').optional()),
}
const optionalTime = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '收到时间应为 HH:MM')
    .optional(),
)
const SUPPLEMENT_CHANNELS = ['inPerson', 'letter', 'online', 'fax', 'other'] as const satisfies readonly Channel[]

const optionalText = z.preprocess(blankToUndefined, z.string().trim().max(500, '内容过长').optional())

/**
 * An answer's item with what its letter must state (decision 0011): the ground of a 部分公开 answer's withheld part,
 * the responsible agency of a 第三十六条第（五）项 answer, the law of a 行政查询事项 or 第三十六条第（七）项 answer.
 */
function answeredItem(
  request: string,
  d: {
    result: ItemResult
    withheldGround?: string | undefined
    withheldPart?: string | undefined
    responsibleName?: string | undefined
    responsibleContact?: string | undefined
    queryLaw?: string | undefined
    channel?: string | undefined
  },
): AnsweredItem {
  const problems = answerDetailProblems(d)
  if (problems.length) throw new ValidationError(problems)
  const ground = d.result === 'partiallyDisclosed' ? (d.withheldGround as WithheldGround) : undefined
  return {
    request,
    result: d.result,
    ...(ground ? { withheldGround: ground, ...(d.withheldPart ? { withheldPart: d.withheldPart } : {}) } : {}),
    ...(d.result === 'notThisAgency' && d.responsibleName
      ? { responsibleAgency: { name: d.responsibleName, contact: d.responsibleContact ?? '' } }
      : {}),
    ...(d.queryLaw && needsQueryLaw(d.result) ? { queryLaw: d.queryLaw } : {}),
    ...(d.channel && d.result === 'notProcessed.petitionOrComplaint' ? { channel: d.channel } : {}),
  }
}

/**
 * Each step's form, read into the event the law checks (zod: the Chinese message names the field). A fee
 * notice's amount is never typed: it comes back 0, to be computed by the 109号 tiers (recordCaseStep).
 */
const STEP_FORMS: { [K in CaseStep]: (f: StepFields, c: StepCase) => ApplicationEvent } = {
  assigned: (f, c) => {
    const d = read(f, { departmentId: z.coerce.number().int().positive('请选择承办处室') })
    const name = c.departments.get(d.departmentId)
    if (name === undefined) throw new ValidationError([{ field: 'departmentId', message: '该处室不属于本机关' }])
    return { kind: 'assigned', on: d.on, actor: c.actor, departmentId: d.departmentId, departmentName: name }
  },
  supplementRequested: (f, c) => {
    const d = read(f, { request: text('请写明需要补正的事项'), completeBy: daySchema('补正期限') })
    return { kind: 'supplementRequested', on: d.on, actor: c.actor, request: d.request, completeBy: d.completeBy }
  },
  supplementReceived: (f, c) => {
    // 《条例》第三十一条第（三）项: an online supplement's time decides its confirmed receipt (decision 0007)
    const d = read(f, { at: optionalTime, via: z.preprocess(blankToUndefined, z.enum(SUPPLEMENT_CHANNELS).optional()) })
    return {
      kind: 'supplementReceived',
      on: d.on,
      actor: c.actor,
      ...(d.at ? { at: d.at } : {}),
      ...(d.via ? { via: d.via } : {}),
    }
  },
  supplementLapsed: (f, c) => ({ kind: 'supplementLapsed', on: read(f, {}).on, actor: c.actor }),
  consultationStarted: (f, c) => {
    const d = read(f, {
      party: z.enum(['thirdParty', 'otherAgency'], { message: '征求对象类型无效' }),
      with: text('请填写征求对象'),
      ...letterReceipt,
    })
    const receipt = d.receivedOn ? { receivedOn: d.receivedOn } : {}
    return {
      kind: 'consultationStarted',
      on: d.on,
      actor: c.actor,
      party: d.party,
      with: d.with,
      ...(d.via ? { via: d.via } : {}),
      ...receipt,
    }
  },
  consultationEnded: (f, c) => {
    const d = read(f, {
      reply: text('请填写意见'),
      position: z.preprocess(blankToUndefined, z.enum(['agrees', 'objects', 'noReply']).optional()),
    })
    const position = d.position ? { position: d.position } : {}
    return { kind: 'consultationEnded', on: d.on, actor: c.actor, reply: d.reply, ...position }
  },
  thirdPartyNotified: (f, c) => {
    const d = read(f, {
      with: text('请填写第三方名称'),
      content: text('请写明决定公开的政府信息内容'),
      reason: text('请写明决定公开的理由（不公开可能对公共利益造成重大影响）'),
    })
    return { kind: 'thirdPartyNotified', actor: c.actor, ...d }
  },
  correctionRequested: (f, c) => {
    const d = read(f, { request: text('请写明要求更正的内容及证据') })
    return { kind: 'correctionRequested', on: d.on, actor: c.actor, request: d.request }
  },
  correctionAnswered: (f, c) => {
    const d = read(f, {
      result: z.enum(['corrected', 'notVerified', 'transferred', 'referred'], { message: '请选择更正处理结果' }),
      text: text('请填写答复内容'),
      to: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
    })
    if ((d.result === 'transferred' || d.result === 'referred') && !d.to)
      throw new ValidationError([{ field: 'to', message: '转送或告知时请填写有权更正的行政机关' }])
    return {
      kind: 'correctionAnswered',
      on: d.on,
      actor: c.actor,
      result: d.result,
      text: d.text,
      ...(d.to ? { to: d.to } : {}),
    }
  },
  feeNoticed: (f, c) => {
    const d = read(f, {
      method: z.enum(['byCount', 'byPages'], { message: '请选择计收方式' }),
      pages: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).optional()),
      ...letterReceipt,
    })
    if (d.method === 'byPages' && d.pages === undefined)
      throw new ValidationError([{ field: 'pages', message: '按量计收时请填写页数' }])
    const pages = d.method === 'byPages' ? { pages: d.pages } : {}
    const receipt = d.receivedOn ? { receivedOn: d.receivedOn } : {}
    return {
      kind: 'feeNoticed',
      on: d.on,
      actor: c.actor,
      method: d.method,
      ...pages,
      amountYuan: 0,
      ...(d.via ? { via: d.via } : {}),
      ...receipt,
    }
  },
  feePaid: (f, c) => ({ kind: 'feePaid', on: read(f, {}).on, actor: c.actor }),
  letterReceived: (f, c) => {
    const d = read(f, { receivedOn: daySchema('对方收到日期') })
    return { kind: 'letterReceived', on: d.on, actor: c.actor, receivedOn: d.receivedOn }
  },
  reasonsRequested: (f, c) => {
    const d = read(f, { request: text('请写明要求申请人说明的事项') })
    return { kind: 'reasonsRequested', on: d.on, actor: c.actor, request: d.request }
  },
  bulkDeferred: (f, c) => {
    const d = read(f, { dueOn: daySchema('延迟答复期限'), reason: text('请写明无法在规定期限内答复的理由') })
    return { kind: 'bulkDeferred', on: d.on, actor: c.actor, dueOn: d.dueOn, reason: d.reason }
  },
  feeLapsed: (f, c) => ({ kind: 'feeLapsed', on: read(f, {}).on, actor: c.actor }),
  extended: (f, c) => {
    const d = read(f, {
      days: z.coerce.number().int().min(1, '延长期限须为1至20个工作日').max(20, '延长期限须为1至20个工作日'),
      approvedBy: text('请填写批准人'),
      approvedOn: daySchema('批准日期'),
      reason: text('请填写延期理由'),
    })
    return { kind: 'extended', actor: c.actor, ...d }
  },
  answered: (f, c) => {
    const d = read(f, {
      result: itemResult,
      replyText: text('请填写答复内容'),
      withheldGround: z.preprocess(blankToUndefined, z.string().optional()),
      withheldPart: optionalText,
      responsibleName: optionalText,
      responsibleContact: optionalText,
      queryLaw: optionalText,
      channel: optionalText,
    })
    const item = answeredItem(c.description.slice(0, 200), d)
    return { kind: 'answered', on: d.on, actor: c.actor, items: [item], replyText: d.replyText }
  },
  delivered: (f, c) => {
    const d = read(f, { method: z.enum(['electronic', 'paper', 'pickup', 'post'], { message: '送达方式无效' }) })
    return { kind: 'delivered', on: d.on, actor: c.actor, method: d.method }
  },
  withdrawn: (f, c) => {
    const d = read(f, { reason: text('请填写撤回理由') })
    return { kind: 'withdrawn', on: d.on, actor: c.actor, reason: d.reason }
  },
  archived: (f, c) => ({ kind: 'archived', on: read(f, {}).on, actor: c.actor }),
}

/** Reads a step's form into its event (a fee notice unpriced). */
export function eventFromForm(kind: CaseStep, fields: StepFields, c: StepCase): ApplicationEvent {
  return STEP_FORMS[kind](fields, c)
}
