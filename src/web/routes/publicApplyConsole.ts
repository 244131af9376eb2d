import multipart from '@fastify/multipart'
import type { MultipartFile } from '@fastify/multipart'
import formbody from '@fastify/formbody'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import {
  attachDisclosedFiles,
  DISCLOSED_LIMIT_BYTES,
  DISCLOSED_MAX_FILES,
} from '../../services/cases/attachDisclosedFiles.js'
import { listOutboxForStaff } from '../../services/notifications/listOutboxForStaff.js'
import { requeueOutboxMessage } from '../../services/notifications/requeueMessage.js'
import type { AppContext } from '../context.js'
import { OutboxPage } from '../views/apply/OutboxPage.js'
import { pageContext, requestActor, sendHtml } from './consoleSupport.js'
import { idParams } from './formSchemas.js'
import { applyFormBody } from './publicApply.schema.js'

async function onFile(part: MultipartFile) {
  const data = await part.toBuffer()
  Object.assign(part, { value: { fileName: part.filename, data } })
}

/** The staff's side of issue 14: the disclosed files of an answer, and the messages to applicants. */
export const publicApplyConsoleRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  await plugin.register(formbody)
  await plugin.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile,
    limits: { fileSize: DISCLOSED_LIMIT_BYTES, files: DISCLOSED_MAX_FILES, fields: 5 },
  })
  const app = plugin.withTypeProvider<ZodTypeProvider>()

  app.post(
    '/console/applications/:id/disclosed',
    {
      schema: { params: idParams, body: applyFormBody },
      config: { permission: 'case.decide', resource: 'application' },
    },
    async (req, reply) => {
      const props = { store: ctx.store, actor: requestActor(req), applicationId: req.params.id, today: ctx.today() }
      await attachDisclosedFiles({ ...props, files: req.body.files })
      return reply.redirect(`/console/applications/${req.params.id}#disclosed-title`, 303)
    },
  )

  app.get('/console/outbox', { config: { permission: 'case.read' } }, async (req, reply) => {
    const outbox = await listOutboxForStaff({ store: ctx.store, actor: requestActor(req) })
    return sendHtml(reply, OutboxPage({ page: await pageContext(ctx, req, reply), outbox }))
  })

  app.post(
    '/console/outbox/:id/retry',
    { schema: { params: idParams }, config: { permission: 'case.act' } },
    async (req, reply) => {
      await requeueOutboxMessage({ store: ctx.store, actor: requestActor(req), id: req.params.id })
      return reply.redirect('/console/outbox', 303)
    },
  )
}
