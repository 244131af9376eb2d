import type { Period } from '../../../../domain/supervision/period.js'
import { periodKey, periodLabel } from '../../../../domain/supervision/period.js'
import type { DrillFact } from '../../../../services/supervision/supervisedCases.js'
import { drillFactLabel } from '../../../../services/supervision/supervisedCases.js'
import type { CountedCaseRow } from '../../../../store/supervisionRepo.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout } from '../ConsoleLayout.js'
import { outcomeText, stateText } from '../labels.js'

/** The cases behind one figure of the comparison (read-only; each opens the case page). */
export function DrillPage(props: {
  page: PageContext
  agency: string
  agencyId: number
  period: Period
  fact: DrillFact
  rows: CountedCaseRow[]
}) {
  const what = drillFactLabel(props.fact)
  const when = props.fact === 'overdue' ? '（截至今日）' : `（${periodLabel(props.period)}）`
  return (
    <ConsoleLayout title={`${props.agency} ${what}`} page={props.page}>
      <p>
        <a href={`/console/supervision?period=${periodKey(props.period)}`}>← 返回监督考核</a>
      </p>
      <h1>
        {props.agency}：{what}
        {when}
      </h1>
      <p>共 {props.rows.length} 件。</p>
      <div class="table-scroll">
        <table id="drill">
          <caption>
            {what}
            {when}的申请
          </caption>
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">收到日期</th>
              <th scope="col">状态</th>
              <th scope="col">答复期限</th>
              <th scope="col">办结日期</th>
              <th scope="col">结果</th>
              <th scope="col">逾期答复</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/console/applications/${r.id}`}>{r.ref}</a>
                </td>
                <td>{r.receivedOn}</td>
                <td>{stateText(r.state)}</td>
                <td>{r.dueBy ?? '—'}</td>
                <td>{r.concludedOn ?? '—'}</td>
                <td>{outcomeText(r.outcome)}</td>
                <td>{r.answeredLate ? '是' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ConsoleLayout>
  )
}
