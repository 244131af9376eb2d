import type { StaffOutbox, StaffOutboxLine } from '../../../services/notifications/listOutboxForStaff.js'
import type { PageContext } from '../console/ConsoleLayout.js'
import { ConsoleLayout, Csrf } from '../console/ConsoleLayout.js'

const STATE: Record<string, string> = { pending: '待发送', retrying: '等待重试', failed: '发送失败', sent: '已发送' }
const CHANNEL = { email: '电子邮件', sms: '短信' }

/** UTC instant → Beijing time, 2026-12-04 09:30 */
function beijing(iso: string): string {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : new Date(t + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

function Rows(props: { lines: StaffOutboxLine[]; csrf: string; requeue: boolean; label: string }) {
  if (props.lines.length === 0) return <p class="empty">无</p>
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={props.label}>
      <table>
        <thead>
          <tr>
            <th scope="col">申请</th>
            <th scope="col">事项</th>
            <th scope="col">方式</th>
            <th scope="col">收件人</th>
            <th scope="col">状态</th>
            <th scope="col">已尝试</th>
            <th scope="col">下次尝试</th>
            <th scope="col">最近错误</th>
            {props.requeue ? <th scope="col">操作</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.lines.map((m) => (
            <tr key={m.id}>
              <td>{m.applicationId ? <a href={`/console/applications/${m.applicationId}`}>查看</a> : '—'}</td>
              <td>{m.topicLabel}</td>
              <td>{CHANNEL[m.channel]}</td>
              <td>{m.recipient}</td>
              <td>{STATE[m.state] ?? m.state}</td>
              <td>{m.attempts} 次</td>
              <td>{m.state === 'failed' ? '—' : beijing(m.nextAttemptAt)}</td>
              <td>{m.lastError ?? ''}</td>
              {props.requeue ? (
                <td>
                  {m.state === 'failed' ? (
                    <form method="post" action={`/console/outbox/${m.id}/retry`} class="inline">
                      <Csrf token={props.csrf} />
                      <button type="submit">重新发送</button>
                    </form>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Messages to applicants that failed or wait (issue 14 point 3): staff see them and send a failed one again. */
export function OutboxPage(props: { page: PageContext; outbox: StaffOutbox }) {
  const o = props.outbox
  return (
    <ConsoleLayout title="申请人消息" page={props.page}>
      <h1>申请人消息（电子邮件、短信）</h1>
      <p class="hint">
        发送失败的消息按 1、5、30 分钟和 2、12
        小时后自动重试；第六次仍失败的列为“发送失败”，请核对收件人或邮件、短信服务后重新发送。
      </p>
      <h2 id="failed">发送失败（{o.failed.length}）</h2>
      <Rows lines={o.failed} csrf={props.page.csrf} requeue={o.canRequeue} label="发送失败的消息" />
      <h2 id="queued">待发送和等待重试（{o.queued.length}）</h2>
      <Rows lines={o.queued} csrf={props.page.csrf} requeue={false} label="待发送的消息" />
    </ConsoleLayout>
  )
}
