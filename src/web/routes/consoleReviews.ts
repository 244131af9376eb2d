import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { decideReview } from '../../services/cases/decideReview.js'
import { listReviews } from '../../services/cases/listReviews.js'
import type { FieldProblem } from '../../services/errors.js'
import type { AppContext } from '../context.js'
import { presentReview } from '../presenters/casePage.js'
import { ReviewListPage } from '../views/console/ReviewListPage.js'
import { reviewIdParams, reviewListDecisionBody, reviewListQuery } from './consoleReviews.schema.js'
import { formProblems, pageContext, requestActor, sendHtml } from './consoleSupport.js'

type ListAsked = { agency: number | null; year: number | null }

/** 行政复议和行政诉讼 of an agency and year, beside the annual report's 表四; the office edits results here too. */
export const consoleReviewRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>()

  async function showList(req: FastifyRequest, reply: FastifyReply, asked: ListAsked, errors?: FieldProblem[]) {
    const actor = requestActor(req)
    const list = await listReviews({
      store: ctx.store,
      actor,
      agencyId: asked.agency,
      year: asked.year,
      today: ctx.today(),
    })
    const page = await pageContext(ctx, req, reply)
    const { agencies, agencyId, year, table, canDecide } = list
    const view = { page, agencies, agencyId, year, table, canDecide, errors }
    return sendHtml(reply, ReviewListPage({ ...view, reviews: list.reviews.map(presentReview) }), errors ? 400 : 200)
  }

  app.get(
    '/console/reviews',
    { schema: { querystring: reviewListQuery }, config: { permission: 'case.read' } },
    (req, reply) => showList(req, reply, req.query),
  )

  app.post(
    '/console/reviews/:reviewId',
    {
      schema: { params: reviewIdParams, querystring: reviewListQuery, body: reviewListDecisionBody },
      config: { permission: 'case.decide' },
    },
    async (req, reply) => {
      const { _csrf, ...form } = req.body
      const { reviewId } = req.params
      try {
        await decideReview({ store: ctx.store, actor: requestActor(req), reviewId, form, today: ctx.today() })
      } catch (err) {
        return showList(req, reply, req.query, formProblems(err))
      }
      const back = new URLSearchParams({ agency: String(req.query.agency ?? ''), year: String(req.query.year ?? '') })
      return reply.redirect(`/console/reviews?${back.toString()}`, 303)
    },
  )
}
