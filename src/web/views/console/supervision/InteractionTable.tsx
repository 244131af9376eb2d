import { periodKey, periodLabel } from '../../../../domain/supervision/period.js'
import type { InteractionFigures } from '../../../../services/supervision/agencyInteraction.js'
import type { SupervisionOverview } from '../../../../services/supervision/supervisionOverview.js'
import { delta, percent } from '../../../presenters/supervision.js'

/** The comparison's 政民互动 part: letters, consultations and surveys of each agency, each number opening its records. */
export function InteractionTable(props: { overview: SupervisionOverview }) {
  const o = props.overview
  const total = o.interactionTotal
  if (!total) return null
  const key = periodKey(o.period)
  const drill = (agency: number, fact: string) =>
    `/console/supervision/interaction?agency=${agency}&period=${key}&fact=${fact}`
  const cells = (f: InteractionFigures, before: InteractionFigures, agency: number | null) => {
    const n = (v: number, fact: string) => (agency === null ? v : <a href={drill(agency, fact)}>{v}</a>)
    return (
      <>
        <td>
          {n(f.lettersReceived, 'lettersReceived')}（{delta(f.lettersReceived, before.lettersReceived)}）
        </td>
        <td>{n(f.lettersAnswered, 'lettersAnswered')}</td>
        <td>{percent(f.lettersOnTime, f.lettersAnswered)}</td>
        <td>
          {agency === null ? (
            f.lettersOverdueNow
          ) : (
            <a href={drill(agency, 'lettersOverdue')} class={f.lettersOverdueNow > 0 ? 'overdue-now' : undefined}>
              {f.lettersOverdueNow}
            </a>
          )}
        </td>
        <td>
          {n(f.consultations, 'consultations')}（{f.comments}）
        </td>
        <td>
          {n(f.surveys, 'surveys')}（{f.surveyAnswers}）
        </td>
      </>
    )
  }
  return (
    <>
      <h2 id="interaction">政民互动</h2>
      <div class="table-scroll">
        <table id="interaction-comparison" aria-labelledby="interaction">
          <caption>{periodLabel(o.period)}各单位政民互动情况</caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">收到来信（较上期）</th>
              <th scope="col">办结来信</th>
              <th scope="col">按时办结率</th>
              <th scope="col">目前超期来信</th>
              <th scope="col">意见征集（条意见）</th>
              <th scope="col">问卷调查（份答卷）</th>
            </tr>
          </thead>
          <tbody>
            {o.lines.map((l) => (
              <tr key={l.agency.id} data-agency={l.agency.name}>
                <th scope="row" class={`unit depth-${Math.min(l.agency.depth, 3)}`}>
                  {l.agency.name}
                </th>
                {cells(l.interaction.now, l.interaction.before, l.agency.id)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">合计</th>
              {cells(total.now, total.before, null)}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  )
}
