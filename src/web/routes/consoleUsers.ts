import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { createUser } from '../../services/accounts/createUser.js'
import { setUserStatus } from '../../services/accounts/setUserStatus.js'
import { listUsersForAdmin } from '../../services/admin/listUsersForAdmin.js'
import type { FieldProblem } from '../../services/errors.js'
import type { AppContext } from '../context.js'
import { presentUsers } from '../presenters/admin.js'
import { UsersPage } from '../views/console/admin/UsersPage.js'
import { userForm, userStatusForm } from './consoleAdmin.schema.js'
import { formProblems, pageContext, requestActor, sendHtml } from './consoleSupport.js'
import { idParams } from './formSchemas.js'

/** Accounts: the list an administrator manages, a new account, disabling, enabling and unlocking. */
export const consoleUserRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const store = ctx.store
  const config = { permission: 'user.manage' } as const

  async function usersPage(req: FastifyRequest, reply: FastifyReply, errors?: FieldProblem[]) {
    const shown = presentUsers(await listUsersForAdmin({ store, actor: requestActor(req) }))
    return sendHtml(
      reply,
      UsersPage({ page: await pageContext(ctx, req, reply), ...shown, errors }),
      errors ? 400 : 200,
    )
  }

  r.get('/console/users', { config }, (req, reply) => usersPage(req, reply))

  r.post('/console/users', { schema: { body: userForm }, config }, async (req, reply) => {
    try {
      await createUser({ ...req.body, store, actor: requestActor(req), mustChangePassword: true })
    } catch (err) {
      return usersPage(req, reply, formProblems(err))
    }
    return reply.redirect('/console/users', 303)
  })

  r.post(
    '/console/users/:id/status',
    { schema: { params: idParams, body: userStatusForm }, config },
    async (req, reply) => {
      try {
        await setUserStatus({ store, actor: requestActor(req), userId: req.params.id, action: req.body.action })
      } catch (err) {
        return usersPage(req, reply, formProblems(err))
      }
      return reply.redirect('/console/users', 303)
    },
  )
}
