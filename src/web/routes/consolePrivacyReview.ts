import formbody from '@fastify/formbody'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { decidePrivacyFinding, setPrivacyExemption } from '../../services/catalog/privacyReview.js'
import { staffDocument } from '../../services/catalog/staffDocuments.js'
import type { AppContext } from '../context.js'
import { answerOf } from '../errors.js'
import { StaffDocumentPage } from '../views/catalog/StaffDocumentPage.js'
import { pageContext, requestActor, sendHtml } from './consoleSupport.js'
import { privacyDecisionForm, privacyExemptForm } from './consolePrivacyReview.schema.js'
import { idParams } from './formSchemas.js'

// Issue 17 point 2 (decision 0047): the 保密审查 reviewer decides each personal-data finding of a document; the
// drafter or that reviewer marks it 惩戒性公示 / 强制性信息披露. Both forms sit on the document's staff page.

export const consolePrivacyReviewRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(formbody)
  const r = app.withTypeProvider<ZodTypeProvider>()

  const who = (req: FastifyRequest) => ({
    store: ctx.store,
    actor: requestActor(req),
    name: req.displayName || requestActor(req).username,
    today: ctx.today(),
  })

  /** Does the work and goes back to the panel; a refusal is shown on the document's page in Chinese. */
  async function act(req: FastifyRequest, reply: FastifyReply, id: number, work: () => Promise<void>) {
    try {
      await work()
    } catch (err) {
      const answer = answerOf(err)
      if (answer.code !== 'RULE_VIOLATION' && answer.code !== 'VALIDATION') throw err
      const d = await staffDocument({ store: ctx.store, actor: requestActor(req), id })
      const page = await pageContext(ctx, req, reply)
      return sendHtml(reply, StaffDocumentPage({ page, ...d, error: answer.message }), 422)
    }
    return reply.redirect(`/console/catalog/${id}#privacy`, 303)
  }

  r.post(
    '/console/catalog/:id/privacy/decide',
    { config: { permission: 'publication.review' }, schema: { params: idParams, body: privacyDecisionForm } },
    async (req, reply) => {
      const { id } = req.params
      const { source, version, kind, start, end, decision, reason } = req.body
      const finding = { source, version, kind, start, end }
      return act(req, reply, id, () => decidePrivacyFinding({ ...who(req), id, finding, decision, reason }))
    },
  )

  r.post(
    '/console/catalog/:id/privacy/exempt',
    { config: { permission: 'console.view' }, schema: { params: idParams, body: privacyExemptForm } },
    async (req, reply) => {
      const { id } = req.params
      const { exempt, reason } = req.body
      return act(req, reply, id, () => setPrivacyExemption({ ...who(req), id, exempt, reason }))
    },
  )
}
