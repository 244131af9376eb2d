import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { consoleAgency } from '../../services/consoleAgency.js'
import { importServiceItems } from '../../services/serviceItems/importServiceItems.js'
import { serviceItemList } from '../../services/serviceItems/serviceItemPages.js'
import { MAX_SHEET_BYTES, readServiceSheet } from '../../services/serviceItems/sheet.js'
import type { AppContext } from '../context.js'
import { NotFound } from '../errors.js'
import { ConsoleServicesPage } from '../views/console/serviceItems/ConsoleServicesPage.js'
import { formProblems, pageContext, requestActor, sendHtml } from './consoleSupport.js'
import { agencyQuery, importBody } from './serviceItemsConsole.schema.js'

// The console's 政务服务事项: the agency's list and the import of its sheet.

async function onFile(part: MultipartFile) {
  Object.assign(part, { value: { fileName: part.filename, data: await part.toBuffer() } })
}

export const serviceItemsConsoleRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(formbody)
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile,
    limits: { fileSize: MAX_SHEET_BYTES, files: 1, fields: 10 },
  })
  const r = app.withTypeProvider<ZodTypeProvider>()
  const services = { permission: 'serviceItem.manage' as const }

  async function servicesPage(req: FastifyRequest, reply: FastifyReply, code: string, extra: object = {}) {
    const actor = requestActor(req)
    const { agency, agencies } = await consoleAgency({
      store: ctx.store,
      actor,
      permission: 'serviceItem.manage',
      code,
    })
    const data = await serviceItemList({ store: ctx.store, code: agency.code })
    if (!data) throw new NotFound('该机关')
    const page = await pageContext(ctx, req, reply)
    const status = 'errors' in extra ? 400 : 200
    return sendHtml(reply, ConsoleServicesPage({ page, data, agencies, ...extra }), status)
  }

  r.get('/console/services', { config: services, schema: { querystring: agencyQuery } }, async (req, reply) => {
    const { created, revised, unchanged } = req.query
    const imported = created === undefined ? null : { created, revised: revised ?? 0, unchanged: unchanged ?? 0 }
    return servicesPage(req, reply, req.query.agency, { imported })
  })

  r.post('/console/services/import', { config: services, schema: { body: importBody } }, async (req, reply) => {
    const { agency, file } = req.body
    try {
      const rows = await readServiceSheet(file?.data ?? new Uint8Array(), file?.fileName ?? '')
      const res = await importServiceItems({
        store: ctx.store,
        actor: requestActor(req),
        agency,
        rows,
        today: ctx.today(),
      })
      const q = new URLSearchParams({
        agency,
        created: String(res.created),
        revised: String(res.revised),
        unchanged: String(res.unchanged),
      })
      return reply.redirect(`/console/services?${q.toString()}`, 303)
    } catch (err) {
      return servicesPage(req, reply, agency, { errors: formProblems(err) })
    }
  })
}
