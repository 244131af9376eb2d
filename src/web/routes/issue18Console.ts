import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { can } from '../../domain/auth/permissions.js'
import { consoleAgency } from '../../services/consoleAgency.js'
import { announceDraw, makeDraw, recordInspectionResult } from '../../services/inspections/draws.js'
import { inspectionColumn } from '../../services/inspections/inspectionPages.js'
import { saveInspectionItem, savePoolFromText } from '../../services/inspections/manageInspections.js'
import { importServiceItems } from '../../services/serviceItems/importServiceItems.js'
import { serviceItemList } from '../../services/serviceItems/serviceItemPages.js'
import { MAX_SHEET_BYTES, readServiceSheet } from '../../services/serviceItems/sheet.js'
import { INSPECTION_HEADER, runSiteInspection } from '../../services/siteInspection/runSiteInspection.js'
import { siteInspectionReport } from '../../services/siteInspection/siteInspectionPages.js'
import type { FieldProblem } from '../../services/errors.js'
import type { AppContext } from '../context.js'
import { NotFound } from '../errors.js'
import { ConsoleInspectionsPage } from '../views/console/issue18/ConsoleInspectionsPage.js'
import { ConsoleServicesPage } from '../views/console/issue18/ConsoleServicesPage.js'
import { SiteInspectionPage } from '../views/console/issue18/SiteInspectionPage.js'
import { formProblems, pageContext, principal, requestActor, sendHtml } from './consoleSupport.js'
import { idParams } from './formSchemas.js'
import {
  agencyQuery,
  announceBody,
  emptyBody,
  importBody,
  itemBody,
  poolBody,
  resultBody,
} from './issue18Console.schema.js'

// Console pages of issue 18: 政务服务事项 (import), 双随机、一公开 (items, pools, draws, results), 网站检查.

async function onFile(part: MultipartFile) {
  Object.assign(part, { value: { fileName: part.filename, data: await part.toBuffer() } })
}

export const issue18ConsoleRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(formbody)
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile,
    limits: { fileSize: MAX_SHEET_BYTES, files: 1, fields: 10 },
  })
  const r = app.withTypeProvider<ZodTypeProvider>()
  const services = { permission: 'serviceItem.manage' as const }
  const inspections = { permission: 'inspection.manage' as const }

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

  async function inspectionsPage(req: FastifyRequest, reply: FastifyReply, code: string, errors?: FieldProblem[]) {
    const actor = requestActor(req)
    const { agency, agencies } = await consoleAgency({ store: ctx.store, actor, permission: 'inspection.manage', code })
    const data = await inspectionColumn({ store: ctx.store, code: agency.code })
    if (!data) throw new NotFound('该机关')
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, ConsoleInspectionsPage({ page, data, agencies, errors }), errors ? 400 : 200)
  }

  /** Runs a step of the 双随机 work; a form with a mistake comes back with its problems. */
  async function step(req: FastifyRequest, reply: FastifyReply, code: string, work: () => Promise<unknown>) {
    try {
      await work()
    } catch (err) {
      return inspectionsPage(req, reply, code, formProblems(err))
    }
    return reply.redirect(`/console/inspections?agency=${encodeURIComponent(code)}`, 303)
  }

  r.get('/console/inspections', { config: inspections, schema: { querystring: agencyQuery } }, async (req, reply) =>
    inspectionsPage(req, reply, req.query.agency),
  )
  r.post('/console/inspections/items', { config: inspections, schema: { body: itemBody } }, async (req, reply) => {
    const { agency, _csrf, ...item } = req.body
    return step(req, reply, agency, () =>
      saveInspectionItem({ store: ctx.store, actor: requestActor(req), agency, item }),
    )
  })
  r.post('/console/inspections/pools', { config: inspections, schema: { body: poolBody } }, async (req, reply) => {
    const { agency, _csrf, ...pool } = req.body
    return step(req, reply, agency, () =>
      savePoolFromText({ store: ctx.store, actor: requestActor(req), agency, pool }),
    )
  })
  r.post('/console/inspections/draws', { config: inspections, schema: { body: announceBody } }, async (req, reply) => {
    const { agency, _csrf, ...draw } = req.body
    return step(req, reply, agency, () =>
      announceDraw({ store: ctx.store, actor: requestActor(req), agency, draw, today: ctx.today() }),
    )
  })
  r.post(
    '/console/inspections/draws/:id/draw',
    { config: inspections, schema: { params: idParams, body: emptyBody } },
    async (req, reply) => {
      const code = await makeDraw({ store: ctx.store, actor: requestActor(req), id: req.params.id })
      return reply.redirect(`/console/inspections?agency=${encodeURIComponent(code)}`, 303)
    },
  )
  r.post(
    '/console/inspections/draws/:id/results',
    { config: inspections, schema: { params: idParams, body: resultBody } },
    async (req, reply) => {
      const { _csrf, ...result } = req.body
      const props = { store: ctx.store, actor: requestActor(req), drawId: req.params.id, result, today: ctx.today() }
      try {
        const code = await recordInspectionResult(props)
        return reply.redirect(`/console/inspections?agency=${encodeURIComponent(code)}`, 303)
      } catch (err) {
        return inspectionsPage(req, reply, '', formProblems(err))
      }
    },
  )

  r.get('/console/site-inspection', { config: { permission: 'siteInspection.read' } }, async (req, reply) => {
    const report = await siteInspectionReport({ store: ctx.store, actor: requestActor(req) })
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, SiteInspectionPage({ page, report, canRun: can(principal(req), 'siteInspection.run') }))
  })

  r.post(
    '/console/site-inspection/run',
    { config: { permission: 'siteInspection.run' }, schema: { body: emptyBody } },
    async (req, reply) => {
      await runSiteInspection({
        store: ctx.store,
        actor: requestActor(req),
        today: ctx.today(),
        fetchPage: async (path) => {
          const res = await app.inject({
            method: 'GET',
            url: path,
            headers: { [INSPECTION_HEADER]: '1', accept: 'text/html' },
          })
          return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body }
        },
      })
      return reply.redirect('/console/site-inspection', 303)
    },
  )
}
