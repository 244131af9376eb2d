import { GRANTABLE_ROLES } from '../../../../domain/auth/roles.js'
import type { FieldProblem } from '../../../../services/errors.js'
import type { presentUser } from '../../../presenters/admin.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../ConsoleLayout.js'

type ShownUser = ReturnType<typeof presentUser>

/** One account: its roles and scope, a password reset, and disabling or enabling it. */
export function UserEditPage(props: { page: PageContext; user: ShownUser; errors?: FieldProblem[]; done?: string }) {
  const u = props.user
  const csrf = props.page.csrf
  // 三员分立 (decision 0032): each form shows to whoever's work it is
  const can = props.page.user?.can ?? {}
  return (
    <ConsoleLayout title={`账号：${u.username}`} page={props.page}>
      <p>
        <a href="/console/users">← 用户与权限</a>
      </p>
      <h1>
        {u.displayName}（{u.username}）
      </h1>
      <p>
        机关：{u.agency ?? '全部（不属于某一机关）'}；状态：{u.disabled ? '已停用' : '正常'}
        {u.mustChangePassword ? '；下次登录须修改密码' : ''}
      </p>
      {props.done ? (
        <p class="ok" role="status">
          {props.done}
        </p>
      ) : null}
      <Errors errors={props.errors} />
      {can['user.grant'] ? <h2 id="access">角色和权限范围</h2> : null}
      {can['user.grant'] ? (
        <form method="post" action={`/console/users/${u.id}/access`} class="form" aria-labelledby="access">
          <Csrf token={csrf} />
          <fieldset>
            <legend>角色</legend>
            {GRANTABLE_ROLES.map((r) => (
              <label key={r.code} class="check">
                <input type="checkbox" name="roles" value={r.code} checked={u.roles.includes(r.code)} /> {r.label}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>处室（处室承办人、处室负责人）</legend>
            {u.departments.length === 0 ? <p class="empty">该机关尚无处室。</p> : null}
            {u.departments.map((d) => (
              <label key={d.id} class="check">
                <input
                  type="checkbox"
                  name="departmentIds"
                  value={String(d.id)}
                  checked={u.departmentIds.includes(d.id)}
                />{' '}
                {d.name}
              </label>
            ))}
          </fieldset>
          <label for="u-supervised">被监督机关（监督人员：该机关及其全部下级机关）</label>
          <select id="u-supervised" name="supervisedRootId">
            <option value="">（不适用）</option>
            {u.agencies.map((a) => (
              <option key={a.id} value={String(a.id)} selected={u.supervisedRootId === a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <button type="submit">保存角色和权限范围</button>
        </form>
      ) : null}
      {can['security.manage'] ? (
        <>
          <h2 id="totp">动态验证码</h2>
          <form method="post" action={`/console/users/${u.id}/totp-reset`} class="form" aria-labelledby="totp">
            <Csrf token={csrf} />
            <p class="hint">手机丢失或更换时重置：该账号立即退出登录，下次登录时重新绑定。</p>
            <button type="submit">重置动态验证码</button>
          </form>
        </>
      ) : null}
      {can['user.manage'] ? <h2 id="reset">重置密码</h2> : null}
      {can['user.manage'] ? (
        <form method="post" action={`/console/users/${u.id}/password`} class="form" aria-labelledby="reset">
          <Csrf token={csrf} />
          <label for="reset-pass">临时密码（本人下次登录时须修改）</label>
          <input id="reset-pass" name="password" type="password" autocomplete="new-password" required />
          <button type="submit">重置密码</button>
        </form>
      ) : null}
      {can['user.manage'] ? <h2 id="status">停用或启用</h2> : null}
      {can['user.manage'] ? (
        <form method="post" action={`/console/users/${u.id}/status`} class="form" aria-labelledby="status">
          <Csrf token={csrf} />
          <input type="hidden" name="action" value={u.disabled ? 'enable' : 'disable'} />
          <input type="hidden" name="back" value="edit" />
          <p class="hint">{u.disabled ? '启用后该账号可再次登录。' : '停用后该账号立即退出登录，且不能再登录。'}</p>
          <button type="submit">{u.disabled ? '启用该账号' : '停用该账号'}</button>
        </form>
      ) : null}
    </ConsoleLayout>
  )
}
