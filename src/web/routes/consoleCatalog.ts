import formbody from '@fastify/formbody'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import {
  catalogQueue,
  decideStaffDocument,
  publishStaffDocument,
  staffDocument,
  submitStaffDocument,
  withdrawStaffDocument,
} from '../../services/catalog/staffDocuments.js'
import type { StaffProps } from '../../services/catalog/staffDocuments.js'
import type { AppContext } from '../context.js'
import { answerOf } from '../errors.js'
import { CatalogQueuePage, ReviewRecordPage, StaffDocumentPage } from '../views/portal/ConsoleCatalogPages.js'
import { pageContext, requestActor, sendHtml } from './consoleSupport.js'
import { decideForm, publishForm, submitForm, withdrawForm } from './consoleCatalog.schema.js'
import { idParams } from './formSchemas.js'

// Staff routes of the review workflow (issue 6). Each declares its permission for the auth hook; the services
// check it again and keep each agency's documents to its own staff.

export const consoleCatalogRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(formbody)
  const r = app.withTypeProvider<ZodTypeProvider>()
  const view = { permission: 'console.view' as const }
  const publisher = { permission: 'publication.read' as const }

  /** Who acts, and the name the document's record shows. */
  const staff = (req: FastifyRequest): StaffProps => ({
    store: ctx.store,
    actor: requestActor(req),
    name: req.displayName || requestActor(req).username,
  })

  async function show(req: FastifyRequest, reply: FastifyReply, id: number, error?: string) {
    const { doc, events } = await staffDocument({ store: ctx.store, actor: requestActor(req), id })
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, StaffDocumentPage({ page, doc, events, error }), error ? 422 : 200)
  }

  /** Runs a workflow step; a refusal is shown on the document's page in Chinese. */
  async function act(req: FastifyRequest, reply: FastifyReply, id: number, work: () => Promise<void>) {
    try {
      await work()
    } catch (err) {
      const answer = answerOf(err)
      if (answer.code === 'RULE_VIOLATION' || answer.code === 'VALIDATION') return show(req, reply, id, answer.message)
      throw err
    }
    return reply.redirect(`/console/catalog/${id}`, 303)
  }

  r.get('/console/catalog', { config: view }, async (req, reply) => {
    const docs = await catalogQueue({ store: ctx.store, actor: requestActor(req) })
    return sendHtml(reply, CatalogQueuePage({ page: await pageContext(ctx, req, reply), docs }))
  })

  r.get('/console/catalog/:id', { config: view, schema: { params: idParams } }, async (req, reply) =>
    show(req, reply, req.params.id),
  )

  r.get('/console/catalog/:id/record', { config: view, schema: { params: idParams } }, async (req, reply) => {
    const { doc, events } = await staffDocument({ store: ctx.store, actor: requestActor(req), id: req.params.id })
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, ReviewRecordPage({ page, title: doc.title, indexNo: doc.indexNo, events }))
  })

  r.post(
    '/console/catalog/:id/submit',
    { config: view, schema: { params: idParams, body: submitForm } },
    async (req, reply) => {
      const { id } = req.params
      return act(req, reply, id, () => submitStaffDocument({ ...staff(req), id, today: ctx.today() }))
    },
  )

  r.post(
    '/console/catalog/:id/decide',
    { config: { permission: 'publication.review' }, schema: { params: idParams, body: decideForm } },
    async (req, reply) => {
      const { id } = req.params
      return act(req, reply, id, () => decideStaffDocument({ ...staff(req), id, ...req.body, today: ctx.today() }))
    },
  )

  // publishing and withdrawal are the 政务公开办's: the workflow refuses anyone else (PUBLISHER_ROLES)
  r.post(
    '/console/catalog/:id/publish',
    { config: publisher, schema: { params: idParams, body: publishForm } },
    async (req, reply) => {
      const { id } = req.params
      return act(req, reply, id, () => publishStaffDocument({ ...staff(req), id, on: req.body.on, today: ctx.today() }))
    },
  )

  r.post(
    '/console/catalog/:id/withdraw',
    { config: publisher, schema: { params: idParams, body: withdrawForm } },
    async (req, reply) => {
      const { id } = req.params
      const reason = req.body.reason
      return act(req, reply, id, () => withdrawStaffDocument({ ...staff(req), id, reason, today: ctx.today() }))
    },
  )
}
