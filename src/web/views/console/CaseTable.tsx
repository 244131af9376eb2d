import { channelText, DueDay, outcomeText, stateText } from './labels.js'

/** A case as the dashboard's lists show it. */
export interface CaseLine {
  id: number
  ref: string
  applicantName: string
  state: string
  dueBy: string | null
  dueProvisional: boolean
  department: string | null
}

/** A case as the application list shows it: with channel, receipt date and outcome. */
export interface ListRow extends CaseLine {
  channel: string
  receivedOn: string
  outcome: string | null
  /** the agency's name (shown when the list spans agencies) */
  agency: string
}

/** The one table of cases in the console; the application list's rows add three columns. */
export function CaseTable(
  props: { caption?: string; empty: string } & (
    { full?: false; rows: CaseLine[] } | { full: true; rows: ListRow[]; showAgency?: boolean }
  ),
) {
  if (props.rows.length === 0) return <p class="empty">{props.empty}</p>
  const full = props.full === true
  const showAgency = props.full === true && props.showAgency === true
  return (
    <table>
      {props.caption ? <caption>{props.caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">编号</th>
          {showAgency ? <th scope="col">机关</th> : null}
          <th scope="col">申请人</th>
          {full ? <th scope="col">方式</th> : null}
          {full ? <th scope="col">收到日期</th> : null}
          <th scope="col">状态</th>
          <th scope="col">承办处室</th>
          <th scope="col">答复期限</th>
          {full ? <th scope="col">办理结果</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r: CaseLine & Partial<ListRow>) => (
          <tr key={r.id}>
            <td>
              <a href={`/console/applications/${r.id}`}>{r.ref}</a>
            </td>
            {showAgency ? <td>{r.agency}</td> : null}
            <td>{r.applicantName}</td>
            {full ? <td>{channelText(r.channel ?? '')}</td> : null}
            {full ? <td>{r.receivedOn}</td> : null}
            <td>{stateText(r.state)}</td>
            <td>{r.department ?? '未分办'}</td>
            <td>
              <DueDay day={r.dueBy} provisional={r.dueProvisional} />
            </td>
            {full ? <td>{outcomeText(r.outcome ?? null)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
