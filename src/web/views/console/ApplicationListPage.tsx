import { CHANNELS } from '../../../domain/application/applicant.js'
import { CASE_STATES } from '../../../domain/application/states.js'
import type { PageContext } from './ConsoleLayout.js'
import { ConsoleLayout } from './ConsoleLayout.js'
import type { ListRow } from './CaseTable.js'
import { CaseTable } from './CaseTable.js'
import { CodeOptions } from '../CodeOptions.js'

export function ApplicationListPage(props: {
  page: PageContext
  rows: ListRow[]
  total: number
  pageNo: number
  pageSize: number
  filter: { state: string; channel: string; due: string; q: string; agency: number | null }
  canRegister: boolean
  /** the agencies in scope when there are several: the 机关 column and filter */
  agencies: { id: number; name: string }[] | null
}) {
  const f = props.filter
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize))
  const query = { state: f.state, channel: f.channel, due: f.due, q: f.q, agency: f.agency ? String(f.agency) : '' }
  const link = (p: number) => `/console/applications?${new URLSearchParams({ ...query, page: String(p) }).toString()}`
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
        <input id="q" name="q" value={f.q} placeholder="编号、申请人全名或电话、内容或查询码" />
        {props.agencies ? (
          <>
            <label for="agency">机关</label>
            <select id="agency" name="agency">
              <option value="">全部</option>
              {props.agencies.map((a) => (
                <option key={a.id} value={String(a.id)} selected={a.id === f.agency}>
                  {a.name}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <label for="state">状态</label>
        <select id="state" name="state">
          <option value="">全部</option>
          <CodeOptions items={CASE_STATES} selected={f.state} />
        </select>
        <label for="channel">申请方式</label>
        <select id="channel" name="channel">
          <option value="">全部</option>
          <CodeOptions items={CHANNELS} selected={f.channel} />
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
      <p>
        共 {props.total} 件{' '}
        <a href={`/console/applications/export.xlsx?${new URLSearchParams(query).toString()}`} id="export-ledger">
          导出台账（Excel，按当前筛选条件）
        </a>
      </p>
      <CaseTable full showAgency={props.agencies !== null} rows={props.rows} empty="没有符合条件的申请。" />
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
