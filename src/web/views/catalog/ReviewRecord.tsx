import { roleLabel, isRole } from '../../../domain/auth/roles.js'
import { stepLabel } from '../../../domain/catalog/workflow.js'
import type { PageContext } from '../console/ConsoleLayout.js'
import { ConsoleLayout } from '../console/ConsoleLayout.js'

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
  edited: '修改',
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

/** An instant of the record in Beijing time (the office reads it there, whatever the server's zone). */
function beijing(at: string): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return ''
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

const roleName = (r: string) => (isRole(r) ? roleLabel(r) : r)

/** 保密审查表: every step of the chain, who decided in which role, when, and what they wrote. */
export function ReviewRecord(props: { title: string; indexNo: string | null; events: StaffEvent[] }) {
  return (
    <div class="table-scroll">
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
            <th scope="col">记录时间（北京时间）</th>
          </tr>
        </thead>
        <tbody>
          {props.events.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{e.step ? `${stepLabel(e.step)}：${KIND[e.kind] ?? e.kind}` : (KIND[e.kind] ?? e.kind)}</td>
              <td>{e.comment}</td>
              <td>
                {e.actorName}
                {e.actorRole ? `（${roleName(e.actorRole)}）` : ''}
              </td>
              <td>{e.onDay}</td>
              <td>{beijing(e.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The printable 保密审查表 (the console's frame is hidden when printed). */
export function ReviewRecordPage(props: {
  page: PageContext
  id: number
  title: string
  indexNo: string | null
  events: StaffEvent[]
}) {
  return (
    <ConsoleLayout title="保密审查表" page={props.page}>
      <h1>政府信息公开保密审查表</h1>
      <ReviewRecord title={props.title} indexNo={props.indexNo} events={props.events} />
      <p class="no-print">
        <a href={`/console/catalog/${props.id}`}>返回该信息</a>（用浏览器的“打印”打印本表）
      </p>
    </ConsoleLayout>
  )
}
