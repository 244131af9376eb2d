import type { FieldProblem } from '../../../../services/errors.js'
import type { presentAuditLog } from '../../../presenters/admin.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Errors } from '../ConsoleLayout.js'
import { Pager } from '../Pager.js'

type Shown = ReturnType<typeof presentAuditLog>

/** The audit chain: filtered by actor, action and Beijing days, a page at a time, and whether it verifies. */
export function AuditPage(
  props: Shown & {
    page: PageContext
    filter: { actor: string; action: string; from: string; to: string }
    errors?: FieldProblem[]
  },
) {
  const f = props.filter
  const href = (p: number) => `/console/audit?${new URLSearchParams({ ...f, page: String(p) }).toString()}`
  const pager = <Pager total={props.total} pageNo={props.pageNo} pageSize={props.pageSize} unit="条" href={href} />
  return (
    <ConsoleLayout title="审计日志" page={props.page}>
      <h1>审计日志</h1>
      {props.verify.ok ? (
        <p class="ok">
          哈希链与密钥签名校验通过（共 {props.verify.count} 条，SM3）
          {props.verify.anchor
            ? `，与第 ${props.verify.anchor.n} 个锚点（${props.verify.anchor.at}，截至第 ${props.verify.anchor.seq} 条）相符。`
            : '；尚无锚点，截断或清空无法发现：请运行 gongkai audit-log anchor。'}
        </p>
      ) : (
        <div class="errors" role="alert">
          <p>哈希链校验失败：</p>
          <ul>
            {props.verify.problems.map((p) => (
              <li key={p.message}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      <Errors errors={props.errors} />
      <form method="get" action="/console/audit" class="filters" role="search" aria-label="筛选审计日志">
        <label for="a-actor">操作人</label>
        <select id="a-actor" name="actor">
          <option value="">全部</option>
          {props.actors.map((a) => (
            <option key={a} value={a} selected={a === f.actor}>
              {a}
            </option>
          ))}
        </select>
        <label for="a-action">操作</label>
        <select id="a-action" name="action">
          <option value="">全部</option>
          {props.actions.map((a) => (
            <option key={a.code} value={a.code} selected={a.code === f.action}>
              {a.label}
            </option>
          ))}
        </select>
        <label for="a-from">起始日期</label>
        <input id="a-from" name="from" type="date" value={f.from} />
        <label for="a-to">截止日期</label>
        <input id="a-to" name="to" type="date" value={f.to} />
        <button type="submit">筛选</button>
      </form>
      <p class="actions">
        导出所选记录：<a href={`/console/audit/export.csv?${new URLSearchParams(f).toString()}`}>CSV</a>
        {' · '}
        <a href={`/console/audit/export.xlsx?${new URLSearchParams(f).toString()}`}>Excel（XLSX）</a>
      </p>
      {pager}
      {props.rows.length === 0 ? (
        <p class="empty">没有符合条件的记录。</p>
      ) : (
        // focusable: on a phone the table scrolls sideways, and a keyboard must reach it too
        <table tabIndex={0} aria-label="审计记录">
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">时间（北京时间）</th>
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
                <td>
                  {r.actionLabel} <code>{r.action}</code>
                </td>
                <td>
                  {r.targetType} {r.targetId}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.total > props.pageSize ? pager : null}
    </ConsoleLayout>
  )
}
