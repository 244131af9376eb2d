import { GRANTABLE_ROLES } from '../../../../domain/auth/roles.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../ConsoleLayout.js'
import type { FieldProblem } from '../../../../services/errors.js'
import { Pager } from '../Pager.js'

export function UsersPage(props: {
  page: PageContext
  users: {
    id: number
    username: string
    displayName: string
    roles: string
    agency: string | null
    locked: boolean
    disabled: boolean
  }[]
  total: number
  pageNo: number
  pageSize: number
  agencies: { id: number; name: string }[]
  departments: { id: number; name: string; agency: string }[]
  errors?: FieldProblem[]
}) {
  const pager = (
    <Pager
      total={props.total}
      pageNo={props.pageNo}
      pageSize={props.pageSize}
      unit="个账号"
      href={(p) => `/console/users?page=${p}`}
    />
  )
  // 三员分立 (decision 0032): each form shows to whoever's work it is
  const can = props.page.user?.can ?? {}
  return (
    <ConsoleLayout title="用户与权限" page={props.page}>
      <h1>用户与权限</h1>
      <Errors errors={props.errors} />
      {can['user.manage'] ? (
        <p>
          <a href="#new-user">新增用户</a>
        </p>
      ) : null}
      {pager}
      <table>
        <thead>
          <tr>
            <th scope="col">用户名</th>
            <th scope="col">姓名</th>
            <th scope="col">机关</th>
            <th scope="col">角色</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr key={u.id}>
              <td>
                <a href={`/console/users/${u.id}`}>{u.username}</a>
              </td>
              <td>{u.displayName}</td>
              <td>{u.agency ?? '全部'}</td>
              <td>{u.roles}</td>
              <td>{u.disabled ? '已停用' : u.locked ? '已锁定' : '正常'}</td>
              <td>
                <a href={`/console/users/${u.id}`} aria-label={`编辑 ${u.username} 的角色、密码`}>
                  编辑
                </a>{' '}
                {can['user.manage'] ? (
                  <form method="post" action={`/console/users/${u.id}/status`} class="inline">
                    <Csrf token={props.page.csrf} />
                    <input type="hidden" name="action" value={u.disabled ? 'enable' : 'disable'} />
                    <button type="submit" aria-label={u.disabled ? `启用 ${u.username}` : `停用 ${u.username}`}>
                      {u.disabled ? '启用' : '停用'}
                    </button>
                  </form>
                ) : null}
                {u.locked && can['user.manage'] ? (
                  <form method="post" action={`/console/users/${u.id}/status`} class="inline">
                    <Csrf token={props.page.csrf} />
                    <input type="hidden" name="action" value="unlock" />
                    <button type="submit">解除锁定 {u.username}</button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pager}
      {can['user.manage'] ? <h2 id="new-user">新增用户</h2> : null}
      {can['user.manage'] ? (
        <form method="post" action="/console/users" class="form" aria-labelledby="new-user">
          <Csrf token={props.page.csrf} />
          <label for="u-name">用户名</label>
          <input id="u-name" name="username" required />
          <label for="u-display">姓名</label>
          <input id="u-display" name="displayName" required />
          <label for="u-pass">初始密码（首次登录须修改）</label>
          <input id="u-pass" name="password" type="password" autocomplete="new-password" required />
          <label for="u-agency">机关</label>
          <select id="u-agency" name="agencyId">
            {props.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          {can['user.grant'] ? (
            <fieldset>
              <legend>角色</legend>
              {GRANTABLE_ROLES.map((r) => (
                <label key={r.code} class="check">
                  <input type="checkbox" name="roles" value={r.code} /> {r.label}
                </label>
              ))}
            </fieldset>
          ) : (
            <p class="hint">新账号的角色由安全保密管理员授予（三员分立）。</p>
          )}
          <fieldset>
            <legend>处室（处室承办人）</legend>
            {props.departments.map((d) => (
              <label key={d.id} class="check">
                <input type="checkbox" name="departmentIds" value={String(d.id)} /> {d.agency} · {d.name}
              </label>
            ))}
          </fieldset>
          <label for="u-supervised">被监督机关（监督人员：该机关及其全部下级机关）</label>
          <select id="u-supervised" name="supervisedRootId">
            <option value="">（不适用）</option>
            {props.agencies.map((a) => (
              <option key={a.id} value={String(a.id)}>
                {a.name}
              </option>
            ))}
          </select>
          <button type="submit">新增用户</button>
        </form>
      ) : null}
    </ConsoleLayout>
  )
}
