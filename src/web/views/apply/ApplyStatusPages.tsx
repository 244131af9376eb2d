import type { ComponentChildren } from 'preact'
import { Layout } from '../Layout.js'

export function ReceiptPage(props: {
  queryCode: string
  receivedOn: string
  dueBy: string | null
  provisional: boolean
  agencyName: string
}) {
  return (
    <Layout title="申请已提交">
      <h1>申请已提交</h1>
      <p role="status">{props.agencyName}已收到您的政府信息公开申请。</p>
      <dl class="facts receipt">
        <dt>查询码</dt>
        <dd>
          <strong class="query-code" id="query-code">
            {props.queryCode}
          </strong>
        </dd>
        <dt>收到日期</dt>
        <dd>{props.receivedOn}</dd>
        <dt>答复期限</dt>
        <dd>
          {props.dueBy ?? '—'}
          {props.provisional ? '（暂定）' : ''}（自收到之日起20个工作日；依法延长、补正或征求意见的，另行告知）
        </dd>
      </dl>
      <p>请妥善保存查询码，凭此码查询办理进度和答复书。</p>
      <p>
        <a href={`/apply/status?code=${encodeURIComponent(props.queryCode)}`}>查看办理进度</a>
      </p>
    </Layout>
  )
}

/** What the status page shows of a case: no name, no description, nothing personal. */
export interface StatusView {
  agencyName: string
  receivedOn: string
  stageLabel: string
  dueBy: string | null
  provisional: boolean
  concludedOn: string | null
  outcomeLabel: string | null
}

export function StatusPage(props: {
  status: StatusView | null
  code: string
  notFound?: boolean
  letter?: ComponentChildren
}) {
  const s = props.status
  return (
    <Layout title="申请办理进度查询">
      <h1>申请办理进度查询</h1>
      <form method="get" action="/apply/status" class="form narrow" role="search">
        <label for="code">查询码</label>
        <input id="code" name="code" value={props.code} autocomplete="off" required />
        <button type="submit">查询</button>
      </form>
      {props.notFound ? (
        <p class="errors" role="alert">
          未找到该查询码对应的申请，请核对后重试。
        </p>
      ) : null}
      {s ? (
        <section aria-labelledby="progress">
          <h2 id="progress">办理进度</h2>
          <dl class="facts">
            <dt>受理机关</dt>
            <dd>{s.agencyName}</dd>
            <dt>收到日期</dt>
            <dd>{s.receivedOn}</dd>
            <dt>当前环节</dt>
            <dd id="stage">{s.stageLabel}</dd>
            <dt>答复期限</dt>
            <dd>
              {s.dueBy ?? '待补正后重新计算'}
              {s.provisional ? '（暂定）' : ''}
            </dd>
            {s.concludedOn ? (
              <>
                <dt>答复日期</dt>
                <dd>{s.concludedOn}</dd>
                <dt>办理结果</dt>
                <dd id="outcome">{s.outcomeLabel}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
      {props.letter ? (
        <section aria-labelledby="reply">
          <h2 id="reply">答复书</h2>
          {props.letter}
        </section>
      ) : null}
    </Layout>
  )
}
