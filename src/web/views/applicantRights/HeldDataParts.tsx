import type { HeldData, RetentionStatus } from '../../../services/applicantRights/heldData.js'

export function retentionText(r: RetentionStatus): string {
  switch (r.status) {
    case 'open':
      return '申请尚在办理中，办结后按本机关保存期限保存。'
    case 'disputed':
      return '该申请的行政复议或诉讼尚未终结，终结前不会匿名化。'
    case 'done':
      return `已于 ${r.on} 匿名化。`
    case 'scheduled':
      return `将于 ${r.caseDue} 匿名化（上传的材料于 ${r.filesDue}、消息正文于 ${r.messagesDue} 删除）。`
  }
}

/** The held data as a page shows it (masked), shared by the applicant's page and the staff's printable page. */
export function HeldDataSections(props: { h: HeldData; full?: boolean }) {
  const h = props.h
  // the applicant reads "您"; staff read of "申请人"
  const who = props.full ? '申请人' : '您'
  return (
    <>
      <section aria-labelledby="held-case">
        <h2 id="held-case">申请</h2>
        <dl class="facts">
          <dt>受理机关</dt>
          <dd>{h.agencyName}</dd>
          <dt>案件编号</dt>
          <dd>{h.caseRef}</dd>
          <dt>收到日期</dt>
          <dd>{h.receivedOn}</dd>
          <dt>办理状态</dt>
          <dd>{h.stateLabel}</dd>
          <dt>申请人类别</dt>
          <dd>{h.applicantKindLabel}</dd>
          <dt>匿名化时间</dt>
          <dd id="held-retention">{retentionText(h.retention)}</dd>
        </dl>
      </section>
      <section aria-labelledby="held-fields">
        <h2 id="held-fields">保存的个人信息</h2>
        {props.full ? null : <p class="hint">页面上部分遮盖显示；完整内容见下载的副本。</p>}
        <table aria-labelledby="held-fields">
          <thead>
            <tr>
              <th scope="col">项目</th>
              <th scope="col">内容</th>
            </tr>
          </thead>
          <tbody>
            {h.fields.map((f) => (
              <tr key={f.key}>
                <th scope="row">{f.label}</th>
                <td>{props.full ? f.full : f.shown}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="held-files">
        <h2 id="held-files">{who}上传的材料</h2>
        {h.files.length === 0 ? (
          <p class="empty">没有保存{who}上传的材料。</p>
        ) : (
          <ul class="files">
            {h.files.map((f) => (
              <li key={f.id}>
                {f.fileName}（{f.mime}，{f.size} 字节）
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="held-messages">
        <h2 id="held-messages">发给{who}的消息</h2>
        {h.messages.length === 0 ? (
          <p class="empty">没有发给{who}的短信或电子邮件。</p>
        ) : (
          <table aria-labelledby="held-messages">
            <thead>
              <tr>
                <th scope="col">事项</th>
                <th scope="col">方式</th>
                <th scope="col">接收方</th>
                <th scope="col">发送时间</th>
              </tr>
            </thead>
            <tbody>
              {h.messages.map((m, i) => (
                <tr key={i}>
                  <td>{m.topicLabel}</td>
                  <td>{m.channel}</td>
                  <td>{props.full ? m.recipient : m.recipientShown}</td>
                  <td>{m.sentAt ? m.sentAt.slice(0, 16).replace('T', ' ') : '未发送'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
