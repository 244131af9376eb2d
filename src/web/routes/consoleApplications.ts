import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { can } from '../../domain/auth/permissions.js'
import { listCases } from '../../services/cases/listCases.js'
import type { RegistrationForm } from '../../services/cases/registerCase.js'
import { registerCase, registrableAgencies } from '../../services/cases/registerCase.js'
import type { FieldProblem } from '../../services/errors.js'
import { ValidationError } from '../../services/errors.js'
import type { AppContext } from '../context.js'
import { presentCaseLine } from '../presenters/caseLine.js'
import { ApplicationListPage } from '../views/console/ApplicationListPage.js'
import { NewApplicationPage } from '../views/console/NewApplicationPage.js'
import { listQuery, registrationBody } from './consoleApplications.schema.js'
import { consoleCaseRoutes } from './consoleCase.js'
import { pageContext, principal, requestActor, sendHtml } from './consoleSupport.js'

/** 依申请公开 in the console: the list, the registration of letters and visits, and each case (consoleCase.ts). */
export const consoleApplicationRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>()

  app.get(
    '/console/applications',
    { schema: { querystring: listQuery }, config: { permission: 'case.read' } },
    async (req, reply) => {
      const { page: pageNo, ...filter } = req.query
      const list = await listCases({
        store: ctx.store,
        actor: requestActor(req),
        filter: req.query,
        today: ctx.today(),
      })
      const rows = list.rows.map(presentCaseLine)
      const canRegister = can(principal(req), 'case.register')
      const page = await pageContext(ctx, req, reply)
      const { agencies } = list
      const view = { page, rows, total: list.total, pageNo, pageSize: list.pageSize, filter, canRegister, agencies }
      return sendHtml(reply, ApplicationListPage(view))
    },
  )

  /** The registration form, again with what was typed and what is wrong when a registration was refused. */
  async function showForm(
    req: FastifyRequest,
    reply: FastifyReply,
    values?: RegistrationForm,
    errors?: FieldProblem[],
  ) {
    const agencies = await registrableAgencies(ctx.store, requestActor(req))
    const page = await pageContext(ctx, req, reply)
    return sendHtml(
      reply,
      NewApplicationPage({ page, agencies, today: ctx.today(), values, errors }),
      errors ? 400 : 200,
    )
  }

  app.get('/console/applications/new', { config: { permission: 'case.register' } }, (req, reply) =>
    showForm(req, reply),
  )

  app.post(
    '/console/applications/new',
    { schema: { body: registrationBody }, config: { permission: 'case.register' } },
    async (req, reply) => {
      const { _csrf, ...form } = req.body
      try {
        const file = await registerCase({ store: ctx.store, actor: requestActor(req), form, today: ctx.today() })
        return reply.redirect(`/console/applications/${Number(file.row.id)}`, 303)
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err
        return showForm(req, reply, form, err.errors)
      }
    },
  )

  await app.register(consoleCaseRoutes, { ctx })
}
