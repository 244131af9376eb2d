import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { RuleViolation } from '../../domain/application/rules.js'
import { IllegalTransition } from '../../domain/application/states.js'
import { casePageData } from '../../services/cases/casePageData.js'
import { caseLetter } from '../../services/cases/caseLetter.js'
import { recordCaseStep } from '../../services/cases/recordCaseStep.js'
import type { StepFields } from '../../services/cases/caseStepForms.js'
import { registerReview } from '../../services/cases/registerReview.js'
import { decideReview } from '../../services/cases/decideReview.js'
import type { FieldProblem } from '../../services/errors.js'
import { ValidationError } from '../../services/errors.js'
import { LetterHtml } from '../../services/letters/LetterHtml.js'
import type { IssuedLetter } from '../../services/letters/issuedLetters.js'
import type { AppContext } from '../context.js'
import { presentCase } from '../presenters/casePage.js'
import { presentSimilarEarlier } from '../presenters/caseDuplicates.js'
import { CasePage } from '../views/console/CasePage.js'
import { ConsoleLayout } from '../views/console/ConsoleLayout.js'
import { idParams, letterParams, reviewBody, stepBody } from './consoleApplications.schema.js'
import { consoleCaseFileRoutes } from './consoleCaseFiles.js'
import { reviewDecisionBody, reviewParams } from './consoleCaseFiles.schema.js'
import { pageContext, requestActor, sendHtml } from './consoleSupport.js'

/** What a form is shown again with: the fields at fault of a refused step (bad input, or a rule of the law). */
function formProblems(err: unknown): FieldProblem[] | null {
  if (err instanceof ValidationError) return err.errors
  if (err instanceof RuleViolation) return [{ field: err.field, message: err.message }]
  if (err instanceof IllegalTransition) return [{ field: 'kind', message: err.message }]
  return null
}

/** The DOCX stored when the letter was issued (decision 0033), byte for byte, with its SM3 digest. */
function sendDocx(reply: FastifyReply, { letter, docx, docxSm3 }: IssuedLetter) {
  const name = encodeURIComponent(`${letter.title}-${letter.number}.docx`)
  return reply
    .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header('content-disposition', `attachment; filename*=UTF-8''${name}`)
    .header('x-content-sm3', docxSm3)
    .send(docx)
}

/** One case in the console: its page, its steps, reviews against it and its letters. */
export const consoleCaseRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>()

  async function showCase(req: FastifyRequest, reply: FastifyReply, id: number, errors?: FieldProblem[]) {
    const d = await casePageData({ store: ctx.store, actor: requestActor(req), applicationId: id, today: ctx.today() })
    const page = await pageContext(ctx, req, reply)
    const { steps, canAct, canDecide, departments, letters, feeQuote, objectingParties } = d
    const similarEarlier = presentSimilarEarlier(d)
    const view = { c: presentCase(d), steps, canAct, canDecide, departments, letters, feeQuote, objectingParties }
    return sendHtml(reply, CasePage({ page, ...view, similarEarlier, today: ctx.today(), errors }), errors ? 400 : 200)
  }

  /** Runs a change of the case; a refused one shows the page again with what is wrong (400). */
  async function change(req: FastifyRequest, reply: FastifyReply, id: number, run: () => Promise<unknown>) {
    try {
      await run()
    } catch (err) {
      const errors = formProblems(err)
      if (!errors) throw err
      return showCase(req, reply, id, errors)
    }
    return reply.redirect(`/console/applications/${id}`, 303)
  }

  app.get(
    '/console/applications/:id',
    { schema: { params: idParams }, config: { permission: 'case.read', resource: 'application' } },
    (req, reply) => showCase(req, reply, req.params.id),
  )

  /** One step of the case; the permission it needs is STEP_PERMISSION's, checked by recordCaseStep. */
  const step = (req: FastifyRequest, reply: FastifyReply, applicationId: number, form: StepFields) =>
    change(req, reply, applicationId, () =>
      recordCaseStep({ store: ctx.store, actor: requestActor(req), applicationId, form, today: ctx.today() }),
    )

  // the two routes only sort the page's forms: handling steps (case.act) and the office's decisions (case.decide)
  app.post(
    '/console/applications/:id/act',
    { schema: { params: idParams, body: stepBody }, config: { permission: 'case.act', resource: 'application' } },
    (req, reply) => step(req, reply, req.params.id, req.body),
  )
  app.post(
    '/console/applications/:id/decide',
    { schema: { params: idParams, body: stepBody }, config: { permission: 'case.decide', resource: 'application' } },
    (req, reply) => step(req, reply, req.params.id, req.body),
  )

  app.post(
    '/console/applications/:id/reviews',
    { schema: { params: idParams, body: reviewBody }, config: { permission: 'case.decide', resource: 'application' } },
    async (req, reply) => {
      const { id } = req.params
      const form = { kind: req.body.kind, filedOn: req.body.filedOn, body: req.body.body }
      return change(req, reply, id, () =>
        registerReview({ store: ctx.store, actor: requestActor(req), applicationId: id, form }),
      )
    },
  )

  /** The result of a review or lawsuit of the case (年度报告表四), edited by the office. */
  app.post(
    '/console/applications/:id/reviews/:reviewId',
    {
      schema: { params: reviewParams, body: reviewDecisionBody },
      config: { permission: 'case.decide', resource: 'application' },
    },
    async (req, reply) => {
      const { id, reviewId } = req.params
      const { _csrf, ...form } = req.body
      return change(req, reply, id, () =>
        decideReview({
          store: ctx.store,
          actor: requestActor(req),
          reviewId,
          applicationId: id,
          form,
          today: ctx.today(),
        }),
      )
    },
  )

  app.get(
    '/console/applications/:id/letters/:seq.:ext',
    { schema: { params: letterParams }, config: { permission: 'letter.read', resource: 'application' } },
    async (req, reply) => {
      const { id, seq, ext } = req.params
      const who = { store: ctx.store, actor: requestActor(req), today: ctx.today() }
      const issued = await caseLetter({ ...who, applicationId: id, seq, format: ext })
      if (ext === 'docx') return sendDocx(reply, issued)
      const page = await pageContext(ctx, req, reply)
      const children = LetterHtml({ letter: issued.letter, issued })
      return sendHtml(reply, ConsoleLayout({ title: issued.letter.title, page, children }))
    },
  )

  await app.register(consoleCaseFileRoutes, { ctx })
}
