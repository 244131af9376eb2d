import type { PageContext } from '../console/ConsoleLayout.js'
import { ConsoleLayout, Csrf } from '../console/ConsoleLayout.js'
import { REVIEW_STEPS, statusLabel, stepLabel } from '../../../domain/catalog/workflow.js'

// Minimal staff screens of the publication review (issue 6); the issue-4 console builds the full queue on the
// same services.

export interface StaffDocRow {
  id: number
  title: string
  status: string
  step: string | null
  docNo: string | null
  updatedAt: string
}

export function CatalogQueuePage(props: { page: PageContext; docs: StaffDocRow[] }) {
  return (
    <ConsoleLayout title="主动公开信息" page={props.page}>
      <h1>主动公开信息（发布审核）</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">文号</th>
            <th scope="col">状态</th>
            <th scope="col">当前环节</th>
          </tr>
        </thead>
        <tbody>
          {props.docs.map((d) => (
            <tr key={d.id}>
              <td>
                <a href={`/console/catalog/${d.id}`}>{d.title}</a>
              </td>
              <td>{d.docNo ?? ''}</td>
              <td>{statusLabel(d.status)}</td>
              <td>{stepLabel(d.step)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ConsoleLayout>
  )
}

export interface StaffEvent {
  seq: number
  kind: string
  step: string | null
  comment: string
  actorName: string
  actorRole: string
  onDay: string
  at: string
}

const KIND: Record<string, string> = {
  created: '起草',
  submitted: '提交审核',
  approved: '同意',
  returned: '退回',
  published: '发布',
  scheduled: '定时发布',
  withdrawn: '撤回',
  validity: '有效性变更',
  channel: '其他渠道发布',
  attached: '上传附件',
  imported: '导入',
}

/** 保密审查表: every step of the chain, who decided, when, and what they wrote. */
function ReviewRecord(props: { title: string; indexNo: string | null; events: StaffEvent[] }) {
  return (
    <table class="review-record">
      <caption>
        政府信息公开保密审查表：{props.title}
        {props.indexNo ? `（索引号 ${props.indexNo}）` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">序号</th>
          <th scope="col">环节</th>
          <th scope="col">意见</th>
          <th scope="col">办理人</th>
          <th scope="col">日期</th>
        </tr>
      </thead>
      <tbody>
        {props.events.map((e) => (
          <tr key={e.seq}>
            <td>{e.seq}</td>
            <td>{e.step ? `${stepLabel(e.step)}：${KIND[e.kind] ?? e.kind}` : (KIND[e.kind] ?? e.kind)}</td>
            <td>{e.comment}</td>
            <td>{e.actorName}</td>
            <td>{e.onDay}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function StaffDocumentPage(props: {
  page: PageContext
  doc: StaffDocRow & {
    indexNo: string | null
    publishedOn: string | null
    late: boolean
    withdrawReason: string | null
  }
  events: StaffEvent[]
  error?: string
}) {
  const d = props.doc
  const base = `/console/catalog/${d.id}`
  const step = REVIEW_STEPS.find((s) => s.code === d.step)
  return (
    <ConsoleLayout title={d.title} page={props.page}>
      <h1>{d.title}</h1>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <p class="doc-status">
        状态：<strong>{statusLabel(d.status)}</strong>
        {step ? `，当前环节：${step.label}` : ''}
        {d.publishedOn ? `，发布日期：${d.publishedOn}` : ''}
        {d.late ? '（超过《条例》第二十六条规定的20个工作日）' : ''}
        {d.withdrawReason ? `，撤回理由：${d.withdrawReason}` : ''}
      </p>
      {d.status === 'published' ? (
        <p>
          <a href={`/documents/${d.id}`}>查看公开页面</a>
        </p>
      ) : null}
      {d.status === 'draft' || d.status === 'returned' ? (
        <form method="post" action={`${base}/submit`}>
          <Csrf token={props.page.csrf} />
          <button type="submit">提交审核</button>
        </form>
      ) : null}
      {step ? (
        <form method="post" action={`${base}/decide`} class="decide-form">
          <Csrf token={props.page.csrf} />
          <input type="hidden" name="step" value={step.code} />
          <p>
            <label for="comment">{step.label}意见</label>
            <textarea id="comment" name="comment" rows={3} />
          </p>
          <button type="submit" name="decision" value="approve">
            同意
          </button>{' '}
          <button type="submit" name="decision" value="return">
            退回
          </button>
        </form>
      ) : null}
      {d.status === 'approved' ? (
        <form method="post" action={`${base}/publish`}>
          <Csrf token={props.page.csrf} />
          <label for="on">发布日期（留空为今天；填以后的日期为定时发布）</label>
          <input id="on" name="on" type="date" />
          <button type="submit">发布</button>
        </form>
      ) : null}
      {d.status === 'published' ? (
        <form method="post" action={`${base}/withdraw`}>
          <Csrf token={props.page.csrf} />
          <label for="reason">撤回理由</label>
          <input id="reason" name="reason" type="text" />
          <button type="submit">撤回</button>
        </form>
      ) : null}
      <ReviewRecord title={d.title} indexNo={d.indexNo} events={props.events} />
      <p>
        <a href={`${base}/record`}>打印保密审查表</a>
      </p>
    </ConsoleLayout>
  )
}

export function ReviewRecordPage(props: {
  page: PageContext
  title: string
  indexNo: string | null
  events: StaffEvent[]
}) {
  return (
    <ConsoleLayout title="保密审查表" page={props.page}>
      <ReviewRecord title={props.title} indexNo={props.indexNo} events={props.events} />
    </ConsoleLayout>
  )
}
