import { daySchema } from '../../domain/calendar/calendarDay.js'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { can, listScope } from '../../domain/auth/permissions.js'
import { addWorkingDays } from '../../domain/calendar/workingDays.js'
import { DUE_SOON_WITHIN } from '../../domain/application/clock.js'
import type { ApplicationEvent, EventKind } from '../../domain/application/events.js'
import { isItemResult } from '../../domain/application/outcomes.js'
import type { ItemResult } from '../../domain/application/outcomes.js'
import { allowedEvents } from '../../domain/application/states.js'
import { loadCaseContext } from '../../services/caseContext.js'
import { recordEvent } from '../../services/recordEvent.js'
import { registerApplication } from '../../services/registerApplication.js'
import { recordReview } from '../../services/reviews.js'
import { appendAudit } from '../../services/auditLog.js'
import { ValidationError } from '../../services/errors.js'
import { buildLetter, caseLetters, jsonObject } from '../../services/letters/letters.js'
import { feeQuoteFor } from '../../services/letters/feeQuote.js'
import { renderLetterDocx } from '../../services/letters/renderDocx.js'
import { LetterHtml } from '../../services/letters/LetterHtml.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import type { Database } from '../../store/schema.js'
import type { Kysely } from 'kysely'
import type { AppContext } from '../context.js'
import { NotFound } from '../errors.js'
import { ApplicationListPage } from '../views/console/ApplicationListPage.js'
import { ACT_KINDS, CasePage, DECIDE_KINDS } from '../views/console/CasePage.js'
import { ConsoleLayout } from '../views/console/ConsoleLayout.js'
import { NewApplicationPage } from '../views/console/NewApplicationPage.js'
import { PAGE_SIZE, listApplications } from './consoleQueries.js'
import { actorOf, formString, pageContext, principal, sendHtml } from './consoleSupport.js'

const text = (message: string) => z.string().trim().min(1, message).max(2000, '内容过长')

/** The form of each action, as the event it records (zod: the Chinese message names the field). */
const EVENT_FORMS = {
  assigned: z.object({ departmentId: z.coerce.number().int().positive('请选择承办处室') }),
  supplementRequested: z.object({ request: text('请写明需要补正的事项'), completeBy: daySchema('补正期限') }),
  supplementReceived: z.object({}),
  supplementLapsed: z.object({}),
  consultationStarted: z.object({
    party: z.enum(['thirdParty', 'otherAgency'], { message: '征求对象类型无效' }),
    with: text('请填写征求对象'),
  }),
  consultationEnded: z.object({ reply: text('请填写意见') }),
  // the amount is computed from these by the 109号 tiers (feeQuoteFor), never typed
  feeNoticed: z
    .object({
      method: z.enum(['byCount', 'byPages'], { message: '请选择计收方式' }),
      pages: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).optional()),
    })
    .refine((f) => f.method === 'byCount' || f.pages !== undefined, {
      path: ['pages'],
      message: '按量计收时请填写页数',
    }),
  feePaid: z.object({}),
  feeLapsed: z.object({}),
  extended: z.object({
    days: z.coerce.number().int().min(1, '延长期限须为1至20个工作日').max(20, '延长期限须为1至20个工作日'),
    approvedBy: text('请填写批准人'),
    approvedOn: daySchema('批准日期'),
    reason: text('请填写延期理由'),
  }),
  answered: z.object({ result: z.string().refine(isItemResult, '处理结果无效'), replyText: text('请填写答复内容') }),
  delivered: z.object({ method: z.enum(['electronic', 'paper', 'pickup', 'post'], { message: '送达方式无效' }) }),
  withdrawn: z.object({ reason: text('请填写撤回理由') }),
  archived: z.object({}),
} satisfies Partial<Record<EventKind, z.ZodType>>

type FormKind = keyof typeof EVENT_FORMS

/** Reads an action form into the event recordEvent checks and appends. */
export function eventFromForm(
  body: Record<string, unknown>,
  actor: string,
  description: string,
  departments: Map<number, string>,
): ApplicationEvent {
  const kind = formString(body, 'kind') as FormKind
  const schema = EVENT_FORMS[kind] as z.ZodType | undefined
  if (!schema) throw new ValidationError([{ field: 'kind', message: '未知的办理环节' }])
  const on = daySchema('日期').safeParse(formString(body, 'on'))
  const fields = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
  const parsed = schema.safeParse(fields)
  const errors = [
    ...(on.success ? [] : on.error.issues.map((i) => ({ field: 'on', message: i.message }))),
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }))),
  ]
  if (errors.length || !on.success || !parsed.success) throw new ValidationError(errors)
  const d = parsed.data as Record<string, unknown>
  const base = { on: on.data, actor }
  if (kind === 'assigned') {
    const id = Number(d.departmentId)
    if (!departments.has(id)) throw new ValidationError([{ field: 'departmentId', message: '该处室不属于本机关' }])
    return { ...base, kind, departmentId: id, departmentName: departments.get(id) }
  }
  if (kind === 'answered') {
    return {
      ...base,
      kind,
      items: [{ request: description.slice(0, 200), result: d.result as ItemResult }],
      replyText: String(d.replyText),
    }
  }
  return { ...base, kind, ...d } as ApplicationEvent
}

/** A fee notice's amount, computed by the 109号 tiers for this applicant and month (or these pages). */
async function withFee(db: Kysely<Database>, id: number, event: ApplicationEvent): Promise<ApplicationEvent> {
  if (event.kind !== 'feeNoticed') return event
  const method = event.method ?? 'byCount'
  const pages = method === 'byPages' ? event.pages : undefined
  const quote = await feeQuoteFor(db, id, method, pages)
  if (quote.amountYuan <= 0)
    throw new ValidationError([
      {
        field: method === 'byPages' ? 'pages' : 'method',
        message: `${quote.basis}，应收 0 元：不应发出收费通知`,
      },
    ])
  return { ...event, method, ...(pages ? { pages } : {}), amountYuan: quote.amountYuan }
}

export const consoleApplicationRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/console/applications',
    { config: { permission: 'case.read' } },
    async (req, reply) => {
      const p = principal(req)
      const today = ctx.today()
      const cal = await loadWorkCalendar(ctx.store.db)
      const q = req.query
      const filter = {
        state: q.state ?? '',
        channel: q.channel ?? '',
        due: q.due === 'soon' || q.due === 'overdue' ? q.due : '',
        q: (q.q ?? '').trim().slice(0, 100),
      }
      const pageNo = Math.max(1, Math.min(10_000, Number(q.page) || 1))
      const { rows, total } = await listApplications(
        ctx.store.db,
        listScope(p, 'case.read'),
        { ...filter, due: filter.due as '' | 'soon' | 'overdue', page: pageNo },
        today,
        addWorkingDays(today, DUE_SOON_WITHIN, cal).day,
      )
      return sendHtml(
        reply,
        ApplicationListPage({
          page: await pageContext(ctx, req, reply),
          rows: rows.map((r) => ({ ...r, id: Number(r.id), due_provisional: Number(r.due_provisional) })),
          total,
          pageNo,
          pageSize: PAGE_SIZE,
          filter,
          canRegister: can(p, 'case.register'),
        }),
      )
    },
  )

  async function registrableAgencies(req: FastifyRequest) {
    const p = principal(req)
    const all = await ctx.store.db.selectFrom('agencies').select(['id', 'name']).orderBy('id').execute()
    return all
      .map((a) => ({ id: Number(a.id), name: a.name }))
      .filter((a) => can(p, 'case.register', { agencyId: a.id }))
  }

  app.get('/console/applications/new', { config: { permission: 'case.register' } }, async (req, reply) => {
    return sendHtml(
      reply,
      NewApplicationPage({
        page: await pageContext(ctx, req, reply),
        agencies: await registrableAgencies(req),
        today: ctx.today(),
      }),
    )
  })

  app.post('/console/applications/new', { config: { permission: 'case.register' } }, async (req, reply) => {
    const body = req.body as Record<string, unknown>
    const values = Object.fromEntries(
      ['agencyId', 'channel', 'receivedOn', 'applicantKind', 'applicantName', 'phone', 'address', 'description'].map(
        (k) => [k, formString(body, k)],
      ),
    )
    const agencies = await registrableAgencies(req)
    const agencyId = Number(values.agencyId)
    try {
      if (!agencies.some((a) => a.id === agencyId))
        throw new ValidationError([{ field: 'agencyId', message: '无权为该机关登记申请' }])
      const file = await registerApplication(
        ctx.store,
        {
          agencyId,
          channel: values.channel as 'letter',
          receivedOn: values.receivedOn ?? '',
          applicantKind: values.applicantKind as 'naturalPerson',
          applicantName: values.applicantName ?? '',
          applicant: { phone: values.phone, address: values.address, delivery: 'paper' },
          description: values.description ?? '',
          actor: principal(req).username,
        },
        ctx.today(),
        (trx, f) =>
          appendAudit(trx, {
            ...actorOf(req),
            action: 'case.registered',
            targetType: 'application',
            targetId: Number(f.row.id),
            detail: { channel: values.channel, ref: f.row.ref },
          }).then(() => undefined),
      )
      return reply.redirect(`/console/applications/${Number(file.row.id)}`, 303)
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      return sendHtml(
        reply,
        NewApplicationPage({
          page: await pageContext(ctx, req, reply),
          agencies,
          today: ctx.today(),
          values,
          errors: err.errors,
        }),
        400,
      )
    }
  })

  async function showCase(
    req: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    errors?: { field: string; message: string }[],
  ) {
    const p = principal(req)
    const id = Number(req.params.id)
    const row = Number.isInteger(id)
      ? await ctx.store.db.selectFrom('applications').select('agency_id').where('id', '=', id).executeTakeFirst()
      : undefined
    if (!row) throw new NotFound('申请')
    const file = await loadCaseContext(ctx.store.db, id, ctx.today())
    const agency = file.agency
    const departments = (
      await ctx.store.db
        .selectFrom('departments')
        .select(['id', 'name'])
        .where('agency_id', '=', agency.id)
        .orderBy('id')
        .execute()
    ).map((d) => ({
      id: Number(d.id),
      name: d.name,
    }))
    const resource = {
      agencyId: Number(agency.id),
      departmentId: file.row.department_id === null ? null : Number(file.row.department_id),
    }
    const files = await ctx.store.db
      .selectFrom('application_files')
      .select(['id', 'file_name', 'mime', 'size'])
      .where('application_id', '=', id)
      .execute()
    const applicant = jsonObject<Record<string, unknown>>(file.row.applicant)
    const allowed = allowedEvents(file.state)
    return sendHtml(
      reply,
      CasePage({
        page: await pageContext(ctx, req, reply),
        c: {
          id,
          ref: file.row.ref,
          queryCode: file.row.query_code,
          agencyName: agency.name,
          channel: file.row.channel,
          applicantKind: file.row.applicant_kind,
          applicantName: file.row.applicant_name,
          applicant,
          description: file.row.description,
          department: departments.find((d) => d.id === resource.departmentId)?.name ?? null,
          state: file.state,
          events: file.events,
          clock: file.clock,
          files: files.map((f) => ({ ...f, id: Number(f.id), size: Number(f.size) })),
        },
        allowed,
        canAct: can(p, 'case.act', resource),
        canDecide: can(p, 'case.decide', resource),
        departments,
        letters: await caseLetters(ctx.store.db, id),
        feeQuote: allowed.includes('feeNoticed') ? await feeQuoteFor(ctx.store.db, id) : null,
        today: ctx.today(),
        errors,
      }),
      errors ? 400 : 200,
    )
  }

  app.get<{ Params: { id: string } }>(
    '/console/applications/:id',
    { config: { permission: 'case.read', resource: 'application' } },
    (req, reply) => showCase(req, reply),
  )

  const action =
    (kinds: EventKind[]) => async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const id = Number(req.params.id)
      const row = Number.isInteger(id)
        ? await ctx.store.db
            .selectFrom('applications')
            .select(['agency_id', 'description'])
            .where('id', '=', id)
            .executeTakeFirst()
        : undefined
      if (!row) throw new NotFound('申请')
      const body = (req.body ?? {}) as Record<string, unknown>
      try {
        if (!kinds.includes(formString(body, 'kind') as EventKind))
          throw new ValidationError([{ field: 'kind', message: '无权执行该办理环节' }])
        const departments = new Map(
          (
            await ctx.store.db
              .selectFrom('departments')
              .select(['id', 'name'])
              .where('agency_id', '=', row.agency_id)
              .execute()
          ).map((d) => [Number(d.id), d.name]),
        )
        const event = await withFee(
          ctx.store.db,
          id,
          eventFromForm(body, principal(req).username, row.description, departments),
        )
        await recordEvent(ctx.store, id, event, ctx.today(), (trx) =>
          appendAudit(trx, {
            ...actorOf(req),
            action: `case.${event.kind}`,
            targetType: 'application',
            targetId: id,
            detail: event as unknown as Record<string, unknown>,
          }).then(() => undefined),
        )
      } catch (err) {
        const e = err as {
          code?: string
          message: string
          field?: string
          errors?: { field: string; message: string }[]
        }
        if (e.code === 'VALIDATION' || e.code === 'RULE_VIOLATION' || e.code === 'ILLEGAL_TRANSITION') {
          return showCase(req, reply, e.errors ?? [{ field: e.field ?? 'kind', message: e.message }])
        }
        throw err
      }
      return reply.redirect(`/console/applications/${id}`, 303)
    }

  app.post<{ Params: { id: string } }>(
    '/console/applications/:id/act',
    { config: { permission: 'case.act', resource: 'application' } },
    action(ACT_KINDS),
  )
  app.post<{ Params: { id: string } }>(
    '/console/applications/:id/decide',
    { config: { permission: 'case.decide', resource: 'application' } },
    action(DECIDE_KINDS),
  )

  app.post<{ Params: { id: string } }>(
    '/console/applications/:id/reviews',
    { config: { permission: 'case.decide', resource: 'application' } },
    async (req, reply) => {
      const id = Number(req.params.id)
      const row = await ctx.store.db
        .selectFrom('applications')
        .select('agency_id')
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row) throw new NotFound('申请')
      const body = req.body as Record<string, unknown>
      try {
        await recordReview(
          ctx.store,
          {
            agencyId: Number(row.agency_id),
            applicationId: id,
            kind: formString(body, 'kind') as 'review',
            filedOn: formString(body, 'filedOn'),
            body: formString(body, 'body'),
          },
          (trx, reviewId) =>
            appendAudit(trx, {
              ...actorOf(req),
              action: 'case.review',
              targetType: 'application',
              targetId: id,
              detail: { reviewId, kind: formString(body, 'kind') },
            }).then(() => undefined),
        )
      } catch (err) {
        if (err instanceof ValidationError) return showCase(req, reply, err.errors)
        throw err
      }
      return reply.redirect(`/console/applications/${id}`, 303)
    },
  )

  app.get<{ Params: { id: string; seq: string; ext: string } }>(
    '/console/applications/:id/letters/:seq.:ext',
    { config: { permission: 'letter.read', resource: 'application' } },
    async (req, reply) => {
      const id = Number(req.params.id)
      const seq = Number(req.params.seq)
      if (!Number.isInteger(seq) || seq < 0) throw new NotFound('文书')
      const letter = await buildLetter(ctx.store.db, id, seq, ctx.today())
      if (req.params.ext === 'docx') {
        const buf = await renderLetterDocx(letter)
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(`${letter.title}-${letter.number}.docx`)}`,
          )
          .send(buf)
      }
      if (req.params.ext !== 'html') throw new NotFound('文书')
      return sendHtml(
        reply,
        ConsoleLayout({
          title: letter.title,
          page: await pageContext(ctx, req, reply),
          children: LetterHtml({ letter }),
        }),
      )
    },
  )
}
