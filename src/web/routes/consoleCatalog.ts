import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { localDiskStorage } from '../../services/catalog/attachmentStorage.js'
import type { DraftFile, DraftForm } from '../../services/catalog/authoring.js'
import { draftingForm, saveDraft } from '../../services/catalog/authoring.js'
import {
  catalogQueue,
  decideStaffDocument,
  publishStaffDocument,
  staffAttachment,
  staffDocument,
  submitStaffDocument,
  withdrawStaffDocument,
} from '../../services/catalog/staffDocuments.js'
import type { StaffProps } from '../../services/catalog/staffDocuments.js'
import { ValidationError } from '../../services/errors.js'
import type { AppContext } from '../context.js'
import { answerOf } from '../errors.js'
import { CatalogQueuePage } from '../views/catalog/CatalogQueuePage.js'
import { DraftFormPage } from '../views/catalog/DraftFormPage.js'
import { ReviewRecordPage } from '../views/catalog/ReviewRecord.js'
import { StaffDocumentPage } from '../views/catalog/StaffDocumentPage.js'
import { pageContext, requestActor, sendHtml } from './consoleSupport.js'
import {
  catalogQueueQuery,
  decideForm,
  draftFormBody,
  fileParams,
  newDraftQuery,
  publishForm,
  submitForm,
  withdrawForm,
} from './consoleCatalog.schema.js'
import { idParams } from './formSchemas.js'

// Staff routes of the catalog: drafting (issue 13), the review chain and publication (issue 6). Each declares its
// permission for the auth hook; the services check it again and keep each agency's documents to its own staff.

const MAX_FILE_BYTES = 20 * 1024 * 1024

/** Each uploaded file, read whole, as the form's body carries it (consoleCatalog.schema.ts uploadPart). */
async function onFile(part: MultipartFile) {
  const data = await part.toBuffer()
  Object.assign(part, { value: { fileName: part.filename, data } })
}

export const consoleCatalogRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(formbody)
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile,
    limits: { fileSize: MAX_FILE_BYTES, files: 10, fields: 40, fieldSize: 2_000_000 },
  })
  const r = app.withTypeProvider<ZodTypeProvider>()
  const storage = localDiskStorage()
  const view = { permission: 'console.view' as const }
  const draft = { permission: 'publication.draft' as const }
  const publisher = { permission: 'publication.read' as const }

  /** Who acts, and the name the document's record shows. */
  const staff = (req: FastifyRequest): StaffProps => ({
    store: ctx.store,
    actor: requestActor(req),
    name: req.displayName || requestActor(req).username,
  })

  async function show(req: FastifyRequest, reply: FastifyReply, id: number, error?: string) {
    const d = await staffDocument({ store: ctx.store, actor: requestActor(req), id })
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, StaffDocumentPage({ page, ...d, error }), error ? 422 : 200)
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

  /** The drafting form, blank, for an edit, or shown again with what was typed and what is wrong. */
  async function form(req: FastifyRequest, reply: FastifyReply, at: { id?: number; interpretsId?: number }) {
    const f = await draftingForm({ store: ctx.store, actor: requestActor(req), ...at })
    return sendHtml(reply, DraftFormPage({ page: await pageContext(ctx, req, reply), id: at.id, ...f }))
  }

  /** Saves the draft and opens it; a form with mistakes comes back with its values and the fields at fault. */
  async function save(
    req: FastifyRequest,
    reply: FastifyReply,
    body: { form: DraftForm; files: DraftFile[] },
    id?: number,
  ) {
    try {
      const saved = await saveDraft({ ...staff(req), storage, id, ...body, today: ctx.today() })
      return reply.redirect(`/console/catalog/${saved}`, 303)
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      const f = await draftingForm({
        store: ctx.store,
        actor: requestActor(req),
        id,
        interpretsId: Number(body.form.interpretsId) || undefined,
      })
      const page = await pageContext(ctx, req, reply)
      return sendHtml(reply, DraftFormPage({ page, id, ...f, values: body.form, errors: err.errors }), 400)
    }
  }

  r.get('/console/catalog', { config: view, schema: { querystring: catalogQueueQuery } }, async (req, reply) => {
    const q = await catalogQueue({ store: ctx.store, actor: requestActor(req), pages: req.query })
    return sendHtml(reply, CatalogQueuePage({ page: await pageContext(ctx, req, reply), ...q }))
  })

  r.get('/console/catalog/new', { config: draft, schema: { querystring: newDraftQuery } }, async (req, reply) =>
    form(req, reply, { interpretsId: req.query.interprets }),
  )
  r.post('/console/catalog/new', { config: draft, schema: { body: draftFormBody } }, async (req, reply) =>
    save(req, reply, req.body),
  )
  r.get('/console/catalog/:id/edit', { config: draft, schema: { params: idParams } }, async (req, reply) =>
    form(req, reply, { id: req.params.id }),
  )
  r.post(
    '/console/catalog/:id/edit',
    { config: draft, schema: { params: idParams, body: draftFormBody } },
    async (req, reply) => save(req, reply, req.body, req.params.id),
  )

  r.get('/console/catalog/:id', { config: view, schema: { params: idParams } }, async (req, reply) =>
    show(req, reply, req.params.id),
  )

  r.get('/console/catalog/:id/record', { config: view, schema: { params: idParams } }, async (req, reply) => {
    const d = await staffDocument({ store: ctx.store, actor: requestActor(req), id: req.params.id })
    const page = await pageContext(ctx, req, reply)
    const { doc, events, privacy } = d
    return sendHtml(
      reply,
      ReviewRecordPage({ page, id: doc.id, title: doc.title, indexNo: doc.indexNo, events, privacy }),
    )
  })

  // an attachment of any item the person may see, drafts included: downloaded, never rendered in the console
  r.get('/console/catalog/:id/files/:fileId', { config: view, schema: { params: fileParams } }, async (req, reply) => {
    const { id, fileId } = req.params
    const f = await staffAttachment({ store: ctx.store, actor: requestActor(req), storage, id, fileId })
    return reply
      .type(f.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(f.bytes)
  })

  r.post(
    '/console/catalog/:id/submit',
    { config: draft, schema: { params: idParams, body: submitForm } },
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
