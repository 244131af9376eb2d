import formbody from '@fastify/formbody'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { answerLetter, publishLetter, routeLetter, superviseLetter } from '../../services/interaction/letterWork.js'
import { letterForStaff } from '../../services/interaction/letterDesk.js'
import { setLetterDeadlines } from '../../services/interaction/letterDeadlineSettings.js'
import { deskPage, settingsPage } from '../../services/interaction/pages.js'
import type { AppContext } from '../context.js'
import { presentDeskLetter, presentStaffLetter } from '../presenters/interaction.js'
import { DeadlineSettingsPage, LetterDeskPage, LetterStaffPage } from '../views/interaction/DeskPages.js'
import { formProblems, pageContext, requestActor, sendHtml } from './consoleSupport.js'
import * as s from './interaction.schema.js'

type Errors = { field: string; message: string }[]
const READ = { permission: 'interaction.read' as const }
const HANDLE = { permission: 'interaction.handle' as const }
const MANAGE = { permission: 'interaction.manage' as const }

/** The console's letters: the desk (with the month panel), one letter's steps, the deadline settings. */
export const interactionConsoleRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  await plugin.register(formbody)
  const app = plugin.withTypeProvider<ZodTypeProvider>()

  app.get('/console/interaction', { schema: { querystring: s.allQuery }, config: READ }, async (req, reply) => {
    const d = await deskPage({
      store: ctx.store,
      actor: requestActor(req),
      today: ctx.today(),
      all: req.query.all === '1',
    })
    const page = await pageContext(ctx, req, reply)
    return sendHtml(
      reply,
      LetterDeskPage({ page, letters: d.letters.map(presentDeskLetter), open: req.query.all !== '1', panel: d.panel }),
    )
  })

  const letterPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    values?: Record<string, unknown>,
    errors?: Errors,
  ) => {
    const d = await letterForStaff({ store: ctx.store, actor: requestActor(req), letterId: id, today: ctx.today() })
    const view = {
      page: await pageContext(ctx, req, reply),
      ...d,
      letter: presentStaffLetter(d.letter),
      today: ctx.today(),
    }
    return sendHtml(reply, LetterStaffPage({ ...view, values, errors }), errors ? 400 : 200)
  }

  app.get('/console/interaction/letters/:id', { schema: { params: s.idParams }, config: READ }, (req, reply) =>
    letterPage(req, reply, req.params.id),
  )

  /** A step on a letter: the service, then back to the letter (or the letter again with what was wrong). */
  const step =
    (
      run: (p: {
        actor: ReturnType<typeof requestActor>
        letterId: number
        form: Record<string, unknown>
      }) => Promise<void>,
    ) =>
    async (req: FastifyRequest<{ Params: { id: number }; Body: Record<string, unknown> }>, reply: FastifyReply) => {
      const { _csrf, ...form } = req.body
      try {
        await run({ actor: requestActor(req), letterId: req.params.id, form })
      } catch (err) {
        return letterPage(req, reply, req.params.id, form, formProblems(err))
      }
      return reply.redirect(`/console/interaction/letters/${req.params.id}`, 303)
    }

  const store = ctx.store
  app.post(
    '/console/interaction/letters/:id/route',
    { schema: { params: s.idParams, body: s.routeBody }, config: MANAGE },
    step((p) => routeLetter({ store, ...p })),
  )
  app.post(
    '/console/interaction/letters/:id/answer',
    { schema: { params: s.idParams, body: s.answerBody }, config: HANDLE },
    step((p) => answerLetter({ store, ...p, today: ctx.today() })),
  )
  app.post(
    '/console/interaction/letters/:id/supervise',
    { schema: { params: s.idParams, body: s.superviseBody }, config: MANAGE },
    step((p) => superviseLetter({ store, ...p, today: ctx.today() })),
  )
  app.post(
    '/console/interaction/letters/:id/publish',
    { schema: { params: s.idParams, body: s.publishBody }, config: MANAGE },
    step((p) => publishLetter({ store, actor: p.actor, letterId: p.letterId })),
  )

  const settings = async (
    req: FastifyRequest,
    reply: FastifyReply,
    agency: number | null,
    extra: { saved?: boolean; errors?: Errors } = {},
  ) => {
    const d = await settingsPage({ store: ctx.store, actor: requestActor(req), agencyId: agency })
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, DeadlineSettingsPage({ page, ...d, ...extra }), extra.errors ? 400 : 200)
  }

  app.get(
    '/console/interaction/settings',
    { schema: { querystring: s.agencySavedQuery }, config: MANAGE },
    (req, reply) => settings(req, reply, req.query.agency ?? null, { saved: req.query.saved === '1' }),
  )

  app.post(
    '/console/interaction/settings',
    { schema: { querystring: s.agencyChoice, body: s.deadlinesBody }, config: MANAGE },
    async (req, reply) => {
      const { _csrf, ...form } = req.body
      const { agencyId } = await settingsPage({
        store: ctx.store,
        actor: requestActor(req),
        agencyId: req.query.agency ?? null,
      })
      try {
        await setLetterDeadlines({ store: ctx.store, actor: requestActor(req), agencyId, form })
      } catch (err) {
        return settings(req, reply, agencyId, { errors: formProblems(err) })
      }
      return reply.redirect(`/console/interaction/settings?agency=${agencyId}&saved=1`, 303)
    },
  )
}
