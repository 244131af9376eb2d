import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { can, mayGrant } from '../../domain/auth/permissions.js'
import type { Role } from '../../domain/auth/roles.js'
import { isRole } from '../../domain/auth/roles.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { isCalendarDay } from '../../domain/calendar/calendarDay.js'
import type { LetterKind } from '../../domain/letters/templates.js'
import { DEFAULT_TEMPLATES, isLetterKind, LETTER_KINDS } from '../../domain/letters/templates.js'
import { createAgency, createDepartment } from '../../services/agencies.js'
import { appendAudit, audit, listAudit, verifyAuditLog } from '../../services/auditLog.js'
import { enterYearNotice, parseYearNotice, setCalendarDay } from '../../services/calendarAdmin.js'
import { ValidationError } from '../../services/errors.js'
import { saveTemplate, templateOf } from '../../services/letters/letters.js'
import { listEnteredYears, listOverrides, loadWorkCalendar } from '../../store/calendarRepo.js'
import { createUser, setUserStatus } from '../auth/accounts.js'
import type { AppContext } from '../context.js'
import { AgenciesPage, AuditPage, CalendarPage, TemplatesPage, UsersPage } from '../views/console/AdminPages.js'
import { Forbidden } from '../auth/plugin.js'
import { actorOf, formList, formString, pageContext, principal, sendHtml } from './consoleSupport.js'

type Problems = { field: string; message: string }[]

function lines(text: string): string[] {
  return text
    .split(/[\r\n,，;；]+/)
    .map((l) => l.trim())
    .filter(Boolean)
}

export const consoleAdminRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.store.db

  async function calendarPage(
    req: FastifyRequest,
    reply: Parameters<typeof pageContext>[2],
    errors?: Problems,
    done?: string,
  ) {
    const cal = await loadWorkCalendar(db)
    return sendHtml(
      reply,
      CalendarPage({
        page: await pageContext(ctx, req, reply),
        years: (await listEnteredYears(db)).map((y) => ({ ...y, year: Number(y.year) })),
        knownYears: [...cal.knownYears].sort(),
        overrides: await listOverrides(db),
        errors,
        done,
      }),
      errors ? 400 : 200,
    )
  }

  app.get('/console/calendar', { config: { permission: 'calendar.manage' } }, (req, reply) => calendarPage(req, reply))

  app.post('/console/calendar/year', { config: { permission: 'calendar.manage' } }, async (req, reply) => {
    const b = req.body as Record<string, unknown>
    try {
      const notice = parseYearNotice({
        year: Number(formString(b, 'year')),
        holidays: lines(formString(b, 'holidays')),
        workdays: lines(formString(b, 'workdays')),
        source: formString(b, 'source'),
      })
      const { refreshed } = await enterYearNotice(ctx.store, notice, ctx.today(), principal(req).username)
      await audit(ctx.store, {
        ...actorOf(req),
        action: 'calendar.year',
        targetType: 'calendar',
        targetId: notice.year,
        detail: { ...notice },
      })
      return calendarPage(
        req,
        reply,
        undefined,
        `已录入${notice.year}年安排（放假 ${notice.holidays.length} 天，调休上班 ${notice.workdays.length} 天），已重新计算 ${refreshed} 件在办申请的期限。`,
      )
    } catch (err) {
      if (err instanceof ValidationError) return calendarPage(req, reply, err.errors)
      throw err
    }
  })

  app.post('/console/calendar/day', { config: { permission: 'calendar.manage' } }, async (req, reply) => {
    const b = req.body as Record<string, unknown>
    const day = formString(b, 'day')
    const kind = formString(b, 'kind')
    if (!isCalendarDay(day))
      return calendarPage(req, reply, [{ field: 'day', message: '日期应为有效日期（YYYY-MM-DD）' }])
    if (kind !== 'holiday' && kind !== 'workday' && kind !== 'clear')
      return calendarPage(req, reply, [{ field: 'kind', message: '请选择放假、上班或取消调整' }])
    const { refreshed } = await setCalendarDay(
      ctx.store,
      { day: day as CalendarDay, kind, note: formString(b, 'note') },
      ctx.today(),
      principal(req).username,
    )
    await audit(ctx.store, {
      ...actorOf(req),
      action: 'calendar.day',
      targetType: 'calendar',
      targetId: day,
      detail: { kind, note: formString(b, 'note') },
    })
    return calendarPage(req, reply, undefined, `已保存 ${day}，已重新计算 ${refreshed} 件在办申请的期限。`)
  })

  async function usersPage(req: FastifyRequest, reply: Parameters<typeof pageContext>[2], errors?: Problems) {
    const p = principal(req)
    const agencies = (await db.selectFrom('agencies').select(['id', 'name']).orderBy('id').execute())
      .map((a) => ({ id: Number(a.id), name: a.name }))
      .filter((a) => can(p, 'user.manage', { agencyId: a.id }))
    const ids = agencies.map((a) => a.id)
    const users = await db
      .selectFrom('users')
      .leftJoin('agencies', 'agencies.id', 'users.agency_id')
      .select([
        'users.id',
        'users.username',
        'users.display_name',
        'users.roles',
        'users.locked_until',
        'users.disabled',
        'users.agency_id',
        'agencies.name as agency',
      ])
      .orderBy('users.id')
      .execute()
    const departments = ids.length
      ? await db
          .selectFrom('departments')
          .innerJoin('agencies', 'agencies.id', 'departments.agency_id')
          .select(['departments.id', 'departments.name', 'agencies.name as agency'])
          .where('departments.agency_id', 'in', ids)
          .execute()
      : []
    const now = new Date().toISOString()
    return sendHtml(
      reply,
      UsersPage({
        page: await pageContext(ctx, req, reply),
        users: users
          .filter((u) => p.roles.includes('sysAdmin') || (u.agency_id !== null && ids.includes(Number(u.agency_id))))
          .map((u) => ({
            ...u,
            id: Number(u.id),
            locked: u.locked_until !== null && u.locked_until > now,
            disabled: u.disabled === 1,
          })),
        agencies,
        departments: departments.map((d) => ({ ...d, id: Number(d.id) })),
        errors,
      }),
      errors ? 400 : 200,
    )
  }

  app.get('/console/users', { config: { permission: 'user.manage' } }, (req, reply) => usersPage(req, reply))

  app.post('/console/users', { config: { permission: 'user.manage' } }, async (req, reply) => {
    const b = req.body as Record<string, unknown>
    const roles = formList(b, 'roles').filter(isRole) as Role[]
    const wantsAgency = roles.some((r) => r !== 'sysAdmin' && r !== 'supervisor')
    const agencyId = wantsAgency ? Number(formString(b, 'agencyId')) || null : null
    if (!mayGrant(principal(req), roles, agencyId ?? principal(req).agencyId)) throw new Forbidden('无权授予这些角色')
    try {
      await createUser(
        ctx.store,
        {
          username: formString(b, 'username'),
          displayName: formString(b, 'displayName'),
          password: formString(b, 'password'),
          roles,
          agencyId,
          departmentIds: formList(b, 'departmentIds').map(Number),
          supervisedAgencyIds: formList(b, 'supervisedAgencyIds').map(Number),
          mustChangePassword: true,
        },
        actorOf(req),
      )
    } catch (err) {
      if (err instanceof ValidationError) return usersPage(req, reply, err.errors)
      throw err
    }
    return reply.redirect('/console/users', 303)
  })

  app.post<{ Params: { id: string } }>(
    '/console/users/:id/status',
    { config: { permission: 'user.manage' } },
    async (req, reply) => {
      const p = principal(req)
      const target = await db
        .selectFrom('users')
        .select(['id', 'agency_id', 'roles'])
        .where('id', '=', Number(req.params.id))
        .executeTakeFirst()
      const action = formString(req.body, 'action')
      if (!target) return usersPage(req, reply, [{ field: 'userId', message: '用户不存在' }])
      const roles = (JSON.parse(target.roles) as string[]).filter(isRole) as Role[]
      // the same rule as granting: an agency administrator manages only agency roles of their own agency
      if (!mayGrant(p, roles, target.agency_id === null ? null : Number(target.agency_id)))
        throw new Forbidden('无权管理该用户')
      if (Number(target.id) === p.userId && action === 'disable')
        return usersPage(req, reply, [{ field: 'action', message: '不能停用自己的账号' }])
      if (action !== 'disable' && action !== 'enable' && action !== 'unlock')
        return usersPage(req, reply, [{ field: 'action', message: '操作无效' }])
      await setUserStatus(ctx.store, Number(target.id), action, actorOf(req))
      return reply.redirect('/console/users', 303)
    },
  )

  async function agenciesPage(req: FastifyRequest, reply: Parameters<typeof pageContext>[2], errors?: Problems) {
    const p = principal(req)
    const agencies = (await db.selectFrom('agencies').select(['id', 'name', 'code']).orderBy('id').execute()).filter(
      (a) => can(p, 'department.manage', { agencyId: Number(a.id) }),
    )
    const depts = await db.selectFrom('departments').select(['agency_id', 'name']).orderBy('id').execute()
    return sendHtml(
      reply,
      AgenciesPage({
        page: await pageContext(ctx, req, reply),
        agencies: agencies.map((a) => ({
          id: Number(a.id),
          name: a.name,
          code: a.code,
          departments: depts.filter((d) => Number(d.agency_id) === Number(a.id)).map((d) => d.name),
        })),
        canAddAgency: can(p, 'agency.manage'),
        errors,
      }),
      errors ? 400 : 200,
    )
  }

  app.get('/console/agencies', { config: { permission: 'department.manage' } }, (req, reply) =>
    agenciesPage(req, reply),
  )

  app.post('/console/agencies', { config: { permission: 'agency.manage' } }, async (req, reply) => {
    const b = req.body as Record<string, unknown>
    const remedies = {
      reviewBody: formString(b, 'reviewBody').trim() || undefined,
      court: formString(b, 'court').trim() || undefined,
    }
    try {
      const id = await createAgency(ctx.store, {
        name: formString(b, 'name'),
        code: formString(b, 'code'),
        settings: remedies.reviewBody || remedies.court ? { remedies } : {},
      })
      await audit(ctx.store, {
        ...actorOf(req),
        action: 'agency.create',
        targetType: 'agency',
        targetId: id,
        detail: { name: formString(b, 'name') },
      })
    } catch (err) {
      if (err instanceof ValidationError) return agenciesPage(req, reply, err.errors)
      throw err
    }
    return reply.redirect('/console/agencies', 303)
  })

  app.post('/console/departments', { config: { permission: 'department.manage' } }, async (req, reply) => {
    const b = req.body as Record<string, unknown>
    const agencyId = Number(formString(b, 'agencyId'))
    const name = formString(b, 'name').trim()
    if (!can(principal(req), 'department.manage', { agencyId })) throw new Forbidden('无权管理该机关的处室')
    if (!name || name.length > 50)
      return agenciesPage(req, reply, [{ field: 'name', message: '请填写处室名称（不超过50字）' }])
    const clash = await db
      .selectFrom('departments')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('name', '=', name)
      .executeTakeFirst()
    if (clash) return agenciesPage(req, reply, [{ field: 'name', message: `处室「${name}」已存在` }])
    const id = await createDepartment(ctx.store, agencyId, name)
    await ctx.store.db.transaction().execute((trx) =>
      appendAudit(trx, {
        ...actorOf(req),
        action: 'department.create',
        targetType: 'department',
        targetId: id,
        detail: { agencyId, name },
      }),
    )
    return reply.redirect('/console/agencies', 303)
  })

  async function templatesPage(
    req: FastifyRequest<{ Querystring: { agency?: string } }>,
    reply: Parameters<typeof pageContext>[2],
    agencyIdWanted?: number,
    errors?: Problems,
    saved?: boolean,
  ) {
    const p = principal(req)
    const agencies = (await db.selectFrom('agencies').select(['id', 'name']).orderBy('id').execute())
      .map((a) => ({ id: Number(a.id), name: a.name }))
      .filter((a) => can(p, 'letter.template', { agencyId: a.id }))
    const agencyId = agencies.find((a) => a.id === (agencyIdWanted ?? Number(req.query.agency)))?.id ?? agencies[0]?.id
    if (agencyId === undefined) throw new Forbidden('没有可管理模板的机关')
    const bodies = { ...DEFAULT_TEMPLATES }
    for (const k of LETTER_KINDS) bodies[k.code] = await templateOf(db, agencyId, k.code)
    return sendHtml(
      reply,
      TemplatesPage({ page: await pageContext(ctx, req, reply), agencies, agencyId, bodies, errors, saved }),
      errors ? 400 : 200,
    )
  }

  app.get<{ Querystring: { agency?: string } }>(
    '/console/templates',
    { config: { permission: 'letter.template' } },
    (req, reply) => templatesPage(req, reply),
  )

  app.post<{ Querystring: { agency?: string } }>(
    '/console/templates',
    { config: { permission: 'letter.template' } },
    async (req, reply) => {
      const b = req.body as Record<string, unknown>
      const agencyId = Number(formString(b, 'agencyId'))
      const kind = formString(b, 'kind')
      if (!can(principal(req), 'letter.template', { agencyId })) throw new Forbidden('无权修改该机关的模板')
      if (!isLetterKind(kind)) return templatesPage(req, reply, agencyId, [{ field: 'kind', message: '文书类型无效' }])
      try {
        await saveTemplate(db, agencyId, kind as LetterKind, formString(b, 'body'), actorOf(req))
      } catch (err) {
        if (err instanceof ValidationError) return templatesPage(req, reply, agencyId, err.errors)
        throw err
      }
      return templatesPage(req, reply, agencyId, undefined, true)
    },
  )

  app.get('/console/audit', { config: { permission: 'audit.read' } }, async (req, reply) => {
    const rows = await listAudit(db, { limit: 200 })
    return sendHtml(
      reply,
      AuditPage({
        page: await pageContext(ctx, req, reply),
        rows: rows.map((r) => ({ ...r, seq: Number(r.seq) })),
        verify: await verifyAuditLog(db),
      }),
    )
  })
}
