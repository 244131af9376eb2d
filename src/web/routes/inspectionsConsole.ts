import formbody from '@fastify/formbody'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { consoleAgency } from '../../services/consoleAgency.js'
import { announceDraw, makeDraw, recordInspectionResult } from '../../services/inspections/draws.js'
import { inspectionColumn } from '../../services/inspections/inspectionPages.js'
import { saveInspectionItem, savePoolFromText } from '../../services/inspections/manageInspections.js'
import type { FieldProblem } from '../../services/errors.js'
import type { AppContext } from '../context.js'
import { NotFound } from '../errors.js'
import { ConsoleInspectionsPage } from '../views/console/inspections/ConsoleInspectionsPage.js'
import { formProblems, pageContext, requestActor, sendHtml } from './consoleSupport.js'
import { idParams } from './formSchemas.js'
import { agencyQuery, announceBody, emptyBody, itemBody, poolBody, resultBody } from './inspectionsConsole.schema.js'

// The console's 双随机、一公开: inspection items, pools, announced draws, the draw and its results.

export const inspectionsConsoleRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(formbody)
  const r = app.withTypeProvider<ZodTypeProvider>()
  const inspections = { permission: 'inspection.manage' as const }

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
}
