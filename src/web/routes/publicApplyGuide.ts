import formbody from '@fastify/formbody'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { officeSettingsForAdmin } from '../../services/admin/officeSettingsForAdmin.js'
import { setOfficeSettings } from '../../services/admin/setOfficeSettings.js'
import { agencyGuide } from '../../services/cases/agencyGuide.js'
import { columnListing } from '../../services/catalog/columnListing.js'
import type { FieldProblem } from '../../services/errors.js'
import type { AppContext } from '../context.js'
import { NotFound } from '../errors.js'
import { OfficeSettingsPage } from '../views/apply/OfficeSettingsPage.js'
import { GuidePage } from '../views/portal/GuidePage.js'
import { formProblems, pageContext, requestActor, sendHtml } from './consoleSupport.js'
import { agencyCodeParams, agencyIdParams, officeForm, savedQuery } from './publicApply.schema.js'
import { displayMode } from '../displayMode.js'

/**
 * 《条例》第十二条 政府信息公开指南 of each agency, generated from its settings (issue 14 point 1), in place of the
 * guide column's list; and the administrators' form for those settings.
 */
export const publicApplyGuideRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  await plugin.register(formbody)
  const app = plugin.withTypeProvider<ZodTypeProvider>()

  app.get('/xxgk/:code/guide', { schema: { params: agencyCodeParams } }, async (req, reply) => {
    const g = await agencyGuide(ctx.store, req.params.code)
    if (!g) throw new NotFound('该机关')
    const listing = await columnListing({
      store: ctx.store,
      today: ctx.today(),
      code: g.agency.code,
      slug: null,
      page: 1,
    })
    const columns = listing?.columns ?? []
    const guideColumnId = columns.find((c) => c.slug === 'guide')?.id
    const view = { ...g, columns, ...(guideColumnId ? { guideColumnId } : {}) }
    return sendHtml(reply, GuidePage({ g: view, mode: displayMode(req), path: req.url }))
  })

  const officePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    agencyId: number,
    o: { errors?: FieldProblem[]; saved?: boolean; values?: Record<string, string> } = {},
  ) => {
    const shown = await officeSettingsForAdmin({ store: ctx.store, actor: requestActor(req), agencyId })
    const page = await pageContext(ctx, req, reply)
    const office = { ...shown.office, ...o.values }
    return sendHtml(reply, OfficeSettingsPage({ page, ...shown, office, ...o }), o.errors ? 400 : 200)
  }

  app.get(
    '/console/agencies/:id/office',
    { schema: { params: agencyIdParams, querystring: savedQuery }, config: { permission: 'department.manage' } },
    async (req, reply) => officePage(req, reply, req.params.id, { saved: req.query.saved === '1' }),
  )

  app.post(
    '/console/agencies/:id/office',
    { schema: { params: agencyIdParams, body: officeForm }, config: { permission: 'department.manage' } },
    async (req, reply) => {
      const { _csrf, ...input } = req.body
      try {
        await setOfficeSettings({ store: ctx.store, actor: requestActor(req), agencyId: req.params.id, input })
      } catch (err) {
        return officePage(req, reply, req.params.id, { errors: formProblems(err), values: input })
      }
      return reply.redirect(`/console/agencies/${req.params.id}/office?saved=1`, 303)
    },
  )
}
