import { z } from 'zod'
import type { ApplicationEvent } from '../../domain/application/events.js'
import type { ItemResult } from '../../domain/application/outcomes.js'
import { isItemResult } from '../../domain/application/outcomes.js'
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
  supplementReceived: (f, c) => ({ kind: 'supplementReceived', on: read(f, {}).on, actor: c.actor }),
  supplementLapsed: (f, c) => ({ kind: 'supplementLapsed', on: read(f, {}).on, actor: c.actor }),
  consultationStarted: (f, c) => {
    const d = read(f, {
      party: z.enum(['thirdParty', 'otherAgency'], { message: '征求对象类型无效' }),
      with: text('请填写征求对象'),
    })
    return { kind: 'consultationStarted', on: d.on, actor: c.actor, party: d.party, with: d.with }
  },
  consultationEnded: (f, c) => {
    const d = read(f, { reply: text('请填写意见') })
    return { kind: 'consultationEnded', on: d.on, actor: c.actor, reply: d.reply }
  },
  feeNoticed: (f, c) => {
    const d = read(f, {
      method: z.enum(['byCount', 'byPages'], { message: '请选择计收方式' }),
      pages: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).optional()),
    })
    if (d.method === 'byPages' && d.pages === undefined)
      throw new ValidationError([{ field: 'pages', message: '按量计收时请填写页数' }])
    const pages = d.method === 'byPages' ? { pages: d.pages } : {}
    return { kind: 'feeNoticed', on: d.on, actor: c.actor, method: d.method, ...pages, amountYuan: 0 }
  },
  feePaid: (f, c) => ({ kind: 'feePaid', on: read(f, {}).on, actor: c.actor }),
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
    const d = read(f, { result: itemResult, replyText: text('请填写答复内容') })
    const items = [{ request: c.description.slice(0, 200), result: d.result }]
    return { kind: 'answered', on: d.on, actor: c.actor, items, replyText: d.replyText }
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
