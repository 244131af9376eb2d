import { ROLES } from '../../../domain/auth/roles.js'
import { LETTER_KINDS } from '../../../domain/letters/templates.js'
import type { LetterKind } from '../../../domain/letters/templates.js'
import type { PageContext } from './ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from './ConsoleLayout.js'

type Problems = { field: string; message: string }[] | undefined

export function CalendarPage(props: {
  page: PageContext
  years: { year: number; source: string; created_by: string | null }[]
  knownYears: number[]
  overrides: { day: string; kind: string; note: string; created_by: string | null }[]
  errors?: Problems
  done?: string
}) {
  return (
    <ConsoleLayout title="工作日历" page={props.page}>
      <h1>工作日历</h1>
      <Errors errors={props.errors} />
      {props.done ? (
        <p class="ok" role="status">
          {props.done}
        </p>
      ) : null}
      <p>已知节假日安排的年份：{props.knownYears.join('、')}</p>
      <section aria-labelledby="year">
        <h2 id="year">录入全年节假日安排（国务院办公厅通知）</h2>
        <form method="post" action="/console/calendar/year" class="form">
          <Csrf token={props.page.csrf} />
          <label for="year-no">年份</label>
          <input id="year-no" name="year" type="number" min="2004" max="2100" required />
          <label for="holidays">放假日期（每行一个日期或范围，如 2027-01-01 或 2027-02-06~2027-02-13）</label>
          <textarea id="holidays" name="holidays" rows={8} required />
          <label for="workdays">调休上班日期（每行一个）</label>
          <textarea id="workdays" name="workdays" rows={4} />
          <label for="source">通知来源</label>
          <input id="source" name="source" placeholder="国办发明电〔2026〕X号" required />
          <button type="submit">录入全年安排</button>
        </form>
      </section>
      <section aria-labelledby="day">
        <h2 id="day">单日调整</h2>
        <form method="post" action="/console/calendar/day" class="form">
          <Csrf token={props.page.csrf} />
          <label for="day-day">日期</label>
          <input id="day-day" name="day" type="date" required />
          <label for="day-kind">设为</label>
          <select id="day-kind" name="kind">
            <option value="holiday">放假</option>
            <option value="workday">上班</option>
            <option value="clear">取消调整</option>
          </select>
          <label for="day-note">说明</label>
          <input id="day-note" name="note" />
          <button type="submit">保存</button>
        </form>
      </section>
      <section aria-labelledby="list">
        <h2 id="list">已录入</h2>
        <table>
          <caption>全年安排</caption>
          <thead>
            <tr>
              <th scope="col">年份</th>
              <th scope="col">来源</th>
              <th scope="col">录入人</th>
            </tr>
          </thead>
          <tbody>
            {props.years.map((y) => (
              <tr key={y.year}>
                <td>{y.year}</td>
                <td>{y.source}</td>
                <td>{y.created_by ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>单日调整</caption>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">类型</th>
              <th scope="col">说明</th>
              <th scope="col">录入人</th>
            </tr>
          </thead>
          <tbody>
            {props.overrides.map((o) => (
              <tr key={o.day}>
                <td>{o.day}</td>
                <td>{o.kind === 'holiday' ? '放假' : '上班'}</td>
                <td>{o.note}</td>
                <td>{o.created_by ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </ConsoleLayout>
  )
}

export function UsersPage(props: {
  page: PageContext
  users: {
    id: number
    username: string
    display_name: string
    roles: string
    agency: string | null
    locked: boolean
    disabled: boolean
  }[]
  agencies: { id: number; name: string }[]
  departments: { id: number; name: string; agency: string }[]
  errors?: Problems
}) {
  return (
    <ConsoleLayout title="用户与权限" page={props.page}>
      <h1>用户与权限</h1>
      <Errors errors={props.errors} />
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
              <td>{u.username}</td>
              <td>{u.display_name}</td>
              <td>{u.agency ?? '全部'}</td>
              <td>{u.roles}</td>
              <td>{u.disabled ? '已停用' : u.locked ? '已锁定' : '正常'}</td>
              <td>
                <form method="post" action={`/console/users/${u.id}/status`} class="inline">
                  <Csrf token={props.page.csrf} />
                  <input type="hidden" name="action" value={u.disabled ? 'enable' : 'disable'} />
                  <button type="submit">{u.disabled ? `启用 ${u.username}` : `停用 ${u.username}`}</button>
                </form>
                {u.locked ? (
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
      <h2 id="new-user">新增用户</h2>
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
        <fieldset>
          <legend>角色</legend>
          {ROLES.map((r) => (
            <label key={r.code} class="check">
              <input type="checkbox" name="roles" value={r.code} /> {r.label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>处室（处室承办人）</legend>
          {props.departments.map((d) => (
            <label key={d.id} class="check">
              <input type="checkbox" name="departmentIds" value={String(d.id)} /> {d.agency} · {d.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>被监督机关（监督人员）</legend>
          {props.agencies.map((a) => (
            <label key={a.id} class="check">
              <input type="checkbox" name="supervisedAgencyIds" value={String(a.id)} /> {a.name}
            </label>
          ))}
        </fieldset>
        <button type="submit">新增用户</button>
      </form>
    </ConsoleLayout>
  )
}

export function AgenciesPage(props: {
  page: PageContext
  agencies: { id: number; name: string; code: string; departments: string[] }[]
  canAddAgency: boolean
  errors?: Problems
}) {
  return (
    <ConsoleLayout title="机关与处室" page={props.page}>
      <h1>机关与处室</h1>
      <Errors errors={props.errors} />
      <table>
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">统一社会信用代码</th>
            <th scope="col">处室</th>
          </tr>
        </thead>
        <tbody>
          {props.agencies.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>{a.code}</td>
              <td>{a.departments.join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="new-dept">新增处室</h2>
      <form method="post" action="/console/departments" class="form" aria-labelledby="new-dept">
        <Csrf token={props.page.csrf} />
        <label for="d-agency">机关</label>
        <select id="d-agency" name="agencyId">
          {props.agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <label for="d-name">处室名称</label>
        <input id="d-name" name="name" required />
        <button type="submit">新增处室</button>
      </form>
      {props.canAddAgency ? (
        <>
          <h2 id="new-agency">新增机关</h2>
          <form method="post" action="/console/agencies" class="form" aria-labelledby="new-agency">
            <Csrf token={props.page.csrf} />
            <label for="a-name">机关名称</label>
            <input id="a-name" name="name" required />
            <label for="a-code">统一社会信用代码</label>
            <input id="a-code" name="code" required />
            <label for="a-review">行政复议机关（答复书中载明）</label>
            <input id="a-review" name="reviewBody" />
            <label for="a-court">管辖法院</label>
            <input id="a-court" name="court" />
            <button type="submit">新增机关</button>
          </form>
        </>
      ) : null}
    </ConsoleLayout>
  )
}

export function TemplatesPage(props: {
  page: PageContext
  agencies: { id: number; name: string }[]
  agencyId: number
  bodies: Record<LetterKind, string>
  errors?: Problems
  saved?: boolean
}) {
  return (
    <ConsoleLayout title="文书模板" page={props.page}>
      <h1>文书模板</h1>
      <p>
        花括号中为占位符，生成文书时替换。救济途径（行政复议机关、60日期限、行政诉讼）由系统按法律自动附在每份文书末尾，不能删除。
      </p>
      <Errors errors={props.errors} />
      {props.saved ? (
        <p class="ok" role="status">
          模板已保存。
        </p>
      ) : null}
      {LETTER_KINDS.map((k) => (
        <form key={k.code} method="post" action="/console/templates" class="form">
          <Csrf token={props.page.csrf} />
          <input type="hidden" name="kind" value={k.code} />
          <input type="hidden" name="agencyId" value={String(props.agencyId)} />
          <label for={`t-${k.code}`}>{k.label}</label>
          <textarea id={`t-${k.code}`} name="body" rows={6}>
            {props.bodies[k.code]}
          </textarea>
          <button type="submit">保存「{k.label}」</button>
        </form>
      ))}
    </ConsoleLayout>
  )
}

export function AuditPage(props: {
  page: PageContext
  rows: { seq: number; at: string; actor: string; ip: string; action: string; target_type: string; target_id: string }[]
  verify: { ok: boolean; count: number; problems: { message: string }[] } | null
}) {
  return (
    <ConsoleLayout title="审计日志" page={props.page}>
      <h1>审计日志</h1>
      {props.verify ? (
        props.verify.ok ? (
          <p class="ok">哈希链校验通过（共 {props.verify.count} 条，SM3）。</p>
        ) : (
          <div class="errors" role="alert">
            <p>哈希链校验失败：</p>
            <ul>
              {props.verify.problems.map((p) => (
                <li key={p.message}>{p.message}</li>
              ))}
            </ul>
          </div>
        )
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">时间（UTC）</th>
            <th scope="col">操作人</th>
            <th scope="col">地址</th>
            <th scope="col">操作</th>
            <th scope="col">对象</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.seq}>
              <td>{r.seq}</td>
              <td>{r.at}</td>
              <td>{r.actor}</td>
              <td>{r.ip}</td>
              <td>{r.action}</td>
              <td>
                {r.target_type} {r.target_id}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ConsoleLayout>
  )
}
