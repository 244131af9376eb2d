import { roleLabel, isRole } from '../../../domain/auth/roles.js'
import { stepLabel } from '../../../domain/catalog/workflow.js'
import type { PageContext } from '../console/ConsoleLayout.js'
import { ConsoleLayout } from '../console/ConsoleLayout.js'
import type { PrivacyPanel } from '../../../services/catalog/privacyReview.js'
import { beijing } from './beijingTime.js'
import { PrivacyRecord } from './PrivacyReview.js'

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
  privacyDecided: '个人信息逐项确认',
  privacyExempt: '标记不要求去标识化',
  privacyExemptCleared: '取消不要求去标识化的标记',
  privacyMasked: '发布时去标识化',
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
  /** issue 17: the personal-data findings and their decisions */
  privacy?: PrivacyPanel
}) {
  return (
    <ConsoleLayout title="保密审查表" page={props.page}>
      <h1>政府信息公开保密审查表</h1>
      <ReviewRecord title={props.title} indexNo={props.indexNo} events={props.events} />
      {props.privacy ? <PrivacyRecord privacy={props.privacy} /> : null}
      <p class="no-print">
        <a href={`/console/catalog/${props.id}`}>返回该信息</a>（用浏览器的“打印”打印本表）
      </p>
    </ConsoleLayout>
  )
}
