import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout } from '../ConsoleLayout.js'

export function AuditPage(props: {
  page: PageContext
  rows: {
    seq: number
    at: string
    actor: string
    ip: string
    action: string
    actionLabel: string
    targetType: string
    targetId: string
  }[]
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
    </ConsoleLayout>
  )
}
