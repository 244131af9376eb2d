import { CHANNELS } from '../../../domain/application/applicant.js'
import { CASE_STATES } from '../../../domain/application/states.js'
import type { PageContext } from './ConsoleLayout.js'
import { ConsoleLayout } from './ConsoleLayout.js'
import { channelText, DueDay, outcomeText, stateText } from './labels.js'

export interface ListRow {
  id: number
  ref: string
  applicant_name: string
  channel: string
  received_on: string
  state: string
  due_by: string | null
  due_provisional: number
  outcome: string | null
  department: string | null
}

export function ApplicationListPage(props: {
  page: PageContext
  rows: ListRow[]
  total: number
  pageNo: number
  pageSize: number
  filter: { state: string; channel: string; due: string; q: string }
  canRegister: boolean
}) {
  const f = props.filter
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize))
  const link = (p: number) => `/console/applications?${new URLSearchParams({ ...f, page: String(p) }).toString()}`
  return (
    <ConsoleLayout title="依申请公开" page={props.page}>
      <h1>依申请公开</h1>
      {props.canRegister ? (
        <p>
          <a href="/console/applications/new" class="button">
            登记信函、当面等申请
          </a>
        </p>
      ) : null}
      <form method="get" action="/console/applications" class="filters" role="search">
        <label for="q">搜索</label>
        <input id="q" name="q" value={f.q} placeholder="编号、申请人、内容或查询码" />
        <label for="state">状态</label>
        <select id="state" name="state">
          <option value="">全部</option>
          {CASE_STATES.map((s) => (
            <option key={s.code} value={s.code} selected={f.state === s.code}>
              {s.label}
            </option>
          ))}
        </select>
        <label for="channel">申请方式</label>
        <select id="channel" name="channel">
          <option value="">全部</option>
          {CHANNELS.map((c) => (
            <option key={c.code} value={c.code} selected={f.channel === c.code}>
              {c.label}
            </option>
          ))}
        </select>
        <label for="due">期限</label>
        <select id="due" name="due">
          <option value="">全部</option>
          <option value="soon" selected={f.due === 'soon'}>
            即将到期
          </option>
          <option value="overdue" selected={f.due === 'overdue'}>
            已超期
          </option>
        </select>
        <button type="submit">筛选</button>
      </form>
      <p>共 {props.total} 件</p>
      {props.rows.length === 0 ? (
        <p class="empty">没有符合条件的申请。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">申请人</th>
              <th scope="col">方式</th>
              <th scope="col">收到日期</th>
              <th scope="col">状态</th>
              <th scope="col">承办处室</th>
              <th scope="col">答复期限</th>
              <th scope="col">办理结果</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/console/applications/${r.id}`}>{r.ref}</a>
                </td>
                <td>{r.applicant_name}</td>
                <td>{channelText(r.channel)}</td>
                <td>{r.received_on}</td>
                <td>{stateText(r.state)}</td>
                <td>{r.department ?? '未分办'}</td>
                <td>
                  <DueDay day={r.due_by} provisional={r.due_provisional === 1} />
                </td>
                <td>{outcomeText(r.outcome)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label="分页" class="pager">
        {props.pageNo > 1 ? <a href={link(props.pageNo - 1)}>上一页</a> : null}
        <span>
          第 {props.pageNo} / {pages} 页
        </span>
        {props.pageNo < pages ? <a href={link(props.pageNo + 1)}>下一页</a> : null}
      </nav>
    </ConsoleLayout>
  )
}
