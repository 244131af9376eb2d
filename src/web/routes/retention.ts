import formbody from '@fastify/formbody'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { FieldProblem } from '../../services/errors.js'
import { retentionRecord } from '../../services/retention/retentionRecord.js'
import { retentionSettingsForAdmin, setRetentionSettings } from '../../services/retention/retentionSettings.js'
import type { AppContext } from '../context.js'
import { RetentionRecordPage } from '../views/console/retention/RetentionRecordPage.js'
import { RetentionSettingsPage } from '../views/console/retention/RetentionSettingsPage.js'
import { formProblems, pageContext, requestActor, sendHtml } from './consoleSupport.js'
import { agencyIdParams, savedQuery } from './publicApply.schema.js'

const retentionForm = z.record(z.string(), z.string().max(200))
const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined) })

/** 个人信息保存期限 (issue 17 point 4): each agency's periods, and the record of what the retention job did. */
export const retentionRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  await plugin.register(formbody)
  const app = plugin.withTypeProvider<ZodTypeProvider>()

  const settingsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    agencyId: number,
    o: { errors?: FieldProblem[]; saved?: boolean; values?: Record<string, string> } = {},
  ) => {
    const view = await retentionSettingsForAdmin({ store: ctx.store, actor: requestActor(req), agencyId })
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, RetentionSettingsPage({ page, view, ...o }), o.errors ? 400 : 200)
  }

  app.get(
    '/console/agencies/:id/retention',
    { schema: { params: agencyIdParams, querystring: savedQuery }, config: { permission: 'department.manage' } },
    async (req, reply) => settingsPage(req, reply, req.params.id, { saved: req.query.saved === '1' }),
  )

  app.post(
    '/console/agencies/:id/retention',
    { schema: { params: agencyIdParams, body: retentionForm }, config: { permission: 'department.manage' } },
    async (req, reply) => {
      const { _csrf, ...input } = req.body
      try {
        await setRetentionSettings({ store: ctx.store, actor: requestActor(req), agencyId: req.params.id, input })
      } catch (err) {
        return settingsPage(req, reply, req.params.id, { errors: formProblems(err), values: input })
      }
      return reply.redirect(`/console/agencies/${req.params.id}/retention?saved=1`, 303)
    },
  )

  app.get(
    '/console/retention',
    { schema: { querystring: pageQuery }, config: { permission: 'case.read' } },
    async (req, reply) => {
      const record = await retentionRecord({ store: ctx.store, actor: requestActor(req), pageNo: req.query.page ?? 1 })
      const page = await pageContext(ctx, req, reply)
      return sendHtml(
        reply,
        RetentionRecordPage({ page, record, canEdit: page.user?.can['department.manage'] === true }),
      )
    },
  )
}
