import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { createUser } from '../../services/accounts/createUser.js'
import { resetPassword } from '../../services/accounts/resetPassword.js'
import { resetSecondFactor } from '../../services/accounts/resetSecondFactor.js'
import { setUserRoles } from '../../services/accounts/setUserRoles.js'
import { setUserStatus } from '../../services/accounts/setUserStatus.js'
import { listUsersForAdmin, userForAdmin } from '../../services/admin/listUsersForAdmin.js'
import type { FieldProblem } from '../../services/errors.js'
import type { AppContext } from '../context.js'
import { presentUser, presentUsers } from '../presenters/admin.js'
import { UserEditPage } from '../views/console/admin/UserEditPage.js'
import { UsersPage } from '../views/console/admin/UsersPage.js'
import { listPageQuery, passwordResetForm, userAccessForm, userForm, userStatusForm } from './consoleAdmin.schema.js'
import { formProblems, pageContext, requestActor, sendHtml } from './consoleSupport.js'
import { formBody, idParams } from './formSchemas.js'

/** Accounts: the list an administrator manages, a new account, its roles and scope, password reset, status. */
export const consoleUserRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const store = ctx.store
  // 三员分立 (decision 0032): reading the accounts, keeping them, granting roles, resetting a second factor
  const read = { permission: 'user.read' } as const
  const config = { permission: 'user.manage' } as const
  const grant = { permission: 'user.grant' } as const

  async function usersPage(req: FastifyRequest, reply: FastifyReply, pageNo: number, errors?: FieldProblem[]) {
    const shown = presentUsers(await listUsersForAdmin({ store, actor: requestActor(req), pageNo }))
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, UsersPage({ page, ...shown, errors }), errors ? 400 : 200)
  }

  /** One account's page; `done` says what was just changed, `errors` what a form got wrong. */
  async function editPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    o: { errors?: FieldProblem[]; done?: string } = {},
  ) {
    const shown = presentUser(await userForAdmin({ store, actor: requestActor(req), userId: id }))
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, UserEditPage({ page, user: shown, ...o }), o.errors ? 400 : 200)
  }

  r.get('/console/users', { schema: { querystring: listPageQuery }, config: read }, (req, reply) =>
    usersPage(req, reply, req.query.page),
  )

  r.post('/console/users', { schema: { body: userForm }, config }, async (req, reply) => {
    try {
      await createUser({ ...req.body, store, actor: requestActor(req), mustChangePassword: true })
    } catch (err) {
      return usersPage(req, reply, 1, formProblems(err))
    }
    return reply.redirect('/console/users', 303)
  })

  r.get('/console/users/:id', { schema: { params: idParams }, config: read }, (req, reply) =>
    editPage(req, reply, req.params.id),
  )

  r.post(
    '/console/users/:id/access',
    { schema: { params: idParams, body: userAccessForm }, config: grant },
    async (req, reply) => {
      const { id } = req.params
      try {
        await setUserRoles({ ...req.body, store, actor: requestActor(req), userId: id })
      } catch (err) {
        return editPage(req, reply, id, { errors: formProblems(err) })
      }
      return editPage(req, reply, id, { done: '已保存角色和权限范围。' })
    },
  )

  r.post(
    '/console/users/:id/password',
    { schema: { params: idParams, body: passwordResetForm }, config },
    async (req, reply) => {
      const { id } = req.params
      try {
        await resetPassword({ store, actor: requestActor(req), userId: id, password: req.body.password })
      } catch (err) {
        return editPage(req, reply, id, { errors: formProblems(err) })
      }
      return editPage(req, reply, id, { done: '密码已重置：请把临时密码告知本人，其下次登录时须修改密码。' })
    },
  )

  r.post(
    '/console/users/:id/totp-reset',
    { schema: { params: idParams, body: formBody({}) }, config: { permission: 'security.manage' } },
    async (req, reply) => {
      const { id } = req.params
      await resetSecondFactor({ store, actor: requestActor(req), userId: id })
      return editPage(req, reply, id, { done: '已重置动态验证码：该账号的会话已结束，下次登录时重新绑定。' })
    },
  )

  r.post(
    '/console/users/:id/status',
    { schema: { params: idParams, body: userStatusForm }, config },
    async (req, reply) => {
      try {
        await setUserStatus({ store, actor: requestActor(req), userId: req.params.id, action: req.body.action })
      } catch (err) {
        return usersPage(req, reply, 1, formProblems(err))
      }
      return reply.redirect(req.body.back === 'edit' ? `/console/users/${req.params.id}` : '/console/users', 303)
    },
  )
}
