import formbody from '@fastify/formbody'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Principal } from '../../domain/auth/roles.js'
import type { Actor, ReviewStep } from '../../domain/catalog/workflow.js'
import { PUBLISHER_ROLES, REVIEW_STEPS } from '../../domain/catalog/workflow.js'
import { documentEvents, findDocument } from '../../store/catalogRepo.js'
import {
  approveStep,
  publishDocument,
  returnDocument,
  submitDocument,
  withdrawDocument,
} from '../../services/catalog/workflow.js'
import type { AppContext } from '../context.js'
import { NotFound } from '../errors.js'
import { CatalogQueuePage, ReviewRecordPage, StaffDocumentPage } from '../views/portal/ConsoleCatalogPages.js'
import { formString, pageContext, sendHtml } from './consoleSupport.js'

// Minimal staff routes of the review workflow (issue 6). Each declares its permission for the issue-4 auth hook;
// the handlers also refuse when no one is signed in, so the routes stay closed if that hook is absent.

class NotSignedIn extends Error {
  readonly code = 'UNAUTHENTICATED'
  constructor() {
    super('请先登录')
  }
}

function signedIn(req: FastifyRequest): Principal & { displayName: string; ip: string } {
  const p = (req as { principal?: Principal | null }).principal
  if (!p) throw new NotSignedIn()
  return { ...p, displayName: (req as { displayName?: string }).displayName || p.username, ip: req.ip }
}

/** The acting person with the role they act in: the step's reviewer role, or the publisher role, if they hold it. */
function actorFor(p: Principal & { displayName: string; ip: string }, wanted: readonly string[]): Actor {
  const role =
    p.roles.find((r) => wanted.includes(r)) ?? (p.roles.includes('sysAdmin') ? 'sysAdmin' : (p.roles[0] ?? ''))
  return { userId: p.userId, name: p.displayName, role, ip: p.ip }
}

const idOf = (req: FastifyRequest) => Number((req.params as { id?: string }).id)

export const consoleCatalogRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(formbody)

  /** The document, if it belongs to the signed-in person's agency (a system administrator sees all). */
  async function staffDocument(req: FastifyRequest) {
    const p = signedIn(req)
    const id = idOf(req)
    const doc = Number.isInteger(id) ? await findDocument(ctx.store.db, id) : undefined
    if (!doc || (!p.roles.includes('sysAdmin') && p.agencyId !== doc.agency_id)) throw new NotFound('该信息')
    return { p, doc }
  }

  async function show(req: FastifyRequest, reply: FastifyReply, error?: string) {
    const { doc } = await staffDocument(req)
    const events = await documentEvents(ctx.store.db, doc.id)
    return sendHtml(
      reply,
      StaffDocumentPage({
        page: await pageContext(ctx, req, reply),
        doc: {
          id: doc.id,
          title: doc.title,
          status: doc.status,
          step: doc.step,
          docNo: doc.doc_no,
          updatedAt: doc.updated_at,
          indexNo: doc.index_no,
          publishedOn: doc.published_on,
          late: doc.late === 1,
          withdrawReason: doc.withdraw_reason,
        },
        events: events.map((e) => ({
          seq: e.seq,
          kind: e.kind,
          step: e.step,
          comment: e.comment,
          actorName: e.actor_name,
          actorRole: e.actor_role,
          onDay: e.on_day,
          at: e.at,
        })),
        error,
      }),
      error ? 422 : 200,
    )
  }

  /** Runs a workflow use case; a refusal is shown on the page in Chinese. */
  async function act(req: FastifyRequest, reply: FastifyReply, work: () => Promise<void>) {
    try {
      await work()
    } catch (err) {
      const code = (err as { code?: string }).code
      if (code === 'RULE_VIOLATION' || code === 'VALIDATION') return show(req, reply, (err as Error).message)
      throw err
    }
    return reply.redirect(`/console/catalog/${idOf(req)}`, 303)
  }

  app.get('/console/catalog', { config: { permission: 'console.view' } }, async (req, reply) => {
    const p = signedIn(req)
    let q = ctx.store.db
      .selectFrom('documents')
      .select(['id', 'title', 'status', 'step', 'doc_no', 'updated_at'])
      .orderBy('updated_at', 'desc')
      .limit(200)
    if (!p.roles.includes('sysAdmin')) q = q.where('agency_id', '=', p.agencyId ?? -1)
    const docs = await q.execute()
    return sendHtml(
      reply,
      CatalogQueuePage({
        page: await pageContext(ctx, req, reply),
        docs: docs.map((d) => ({
          id: d.id,
          title: d.title,
          status: d.status,
          step: d.step,
          docNo: d.doc_no,
          updatedAt: d.updated_at,
        })),
      }),
    )
  })

  app.get('/console/catalog/:id', { config: { permission: 'console.view' } }, async (req, reply) => show(req, reply))

  app.get('/console/catalog/:id/record', { config: { permission: 'console.view' } }, async (req, reply) => {
    const { doc } = await staffDocument(req)
    const events = await documentEvents(ctx.store.db, doc.id)
    return sendHtml(
      reply,
      ReviewRecordPage({
        page: await pageContext(ctx, req, reply),
        title: doc.title,
        indexNo: doc.index_no,
        events: events.map((e) => ({
          seq: e.seq,
          kind: e.kind,
          step: e.step,
          comment: e.comment,
          actorName: e.actor_name,
          actorRole: e.actor_role,
          onDay: e.on_day,
          at: e.at,
        })),
      }),
    )
  })

  app.post('/console/catalog/:id/submit', { config: { permission: 'console.view' } }, async (req, reply) => {
    const { p, doc } = await staffDocument(req)
    return act(req, reply, () => submitDocument(ctx.store, doc.id, actorFor(p, []), ctx.today()))
  })

  app.post('/console/catalog/:id/decide', { config: { permission: 'publication.review' } }, async (req, reply) => {
    const { p, doc } = await staffDocument(req)
    const step = formString(req.body, 'step') as ReviewStep
    const comment = formString(req.body, 'comment')
    const role = REVIEW_STEPS.find((s) => s.code === step)?.role ?? ''
    const actor = actorFor(p, [role])
    return act(req, reply, () =>
      formString(req.body, 'decision') === 'return'
        ? returnDocument(ctx.store, doc.id, step, comment, actor, ctx.today())
        : approveStep(ctx.store, doc.id, step, comment, actor, ctx.today()),
    )
  })

  // publishing and withdrawal are the 政务公开办's: the workflow refuses anyone else (PUBLISHER_ROLES)
  app.post('/console/catalog/:id/publish', { config: { permission: 'publication.read' } }, async (req, reply) => {
    const { p, doc } = await staffDocument(req)
    const on = formString(req.body, 'on').trim()
    return act(req, reply, () =>
      publishDocument(
        ctx.store,
        doc.id,
        actorFor(p, PUBLISHER_ROLES),
        ctx.today(),
        on ? { on: on as CalendarDay } : {},
      ),
    )
  })

  app.post('/console/catalog/:id/withdraw', { config: { permission: 'publication.read' } }, async (req, reply) => {
    const { p, doc } = await staffDocument(req)
    return act(req, reply, () =>
      withdrawDocument(ctx.store, doc.id, formString(req.body, 'reason'), actorFor(p, PUBLISHER_ROLES), ctx.today()),
    )
  })
}
