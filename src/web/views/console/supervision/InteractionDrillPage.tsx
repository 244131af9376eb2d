import type { Period } from '../../../../domain/supervision/period.js'
import { periodKey, periodLabel } from '../../../../domain/supervision/period.js'
import type { InteractionFact } from '../../../../services/supervision/agencyInteraction.js'
import { INTERACTION_DRILL_FACTS } from '../../../../services/supervision/agencyInteraction.js'
import type { InteractionDrillRow } from '../../../../store/supervisionInteractionRepo.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout } from '../ConsoleLayout.js'

const STATUS: Record<string, string> = {
  received: '待办',
  routed: '已转办',
  answered: '已办结',
  open: '征集中',
  closed: '已结束',
}
const HREF = {
  letter: '/console/interaction/letters/',
  consultation: '/console/interaction/consultations/',
  survey: '/console/interaction/surveys/',
} as const
const DAY = {
  lettersReceived: '收到日期',
  lettersAnswered: '办结日期',
  lettersOverdue: '收到日期',
  consultations: '截止日期',
  surveys: '开始日期',
} as const

/** The letters, consultations or surveys behind one interaction figure of the comparison (read-only). */
export function InteractionDrillPage(props: {
  page: PageContext
  agency: string
  period: Period
  fact: InteractionFact
  rows: InteractionDrillRow[]
}) {
  const what = INTERACTION_DRILL_FACTS[props.fact]
  const when = props.fact === 'lettersOverdue' ? '（截至今日）' : `（${periodLabel(props.period)}）`
  const letters = props.fact.startsWith('letters')
  return (
    <ConsoleLayout title={`${props.agency} ${what}`} page={props.page}>
      <p>
        <a href={`/console/supervision?period=${periodKey(props.period)}#interaction`}>← 返回监督考核</a>
      </p>
      <h1>
        {props.agency}：{what}
        {when}
      </h1>
      <p>共 {props.rows.length} 件。</p>
      {props.rows.length ? (
        <div class="table-scroll">
          <table id="drill">
            <caption>
              {what}
              {when}
            </caption>
            <thead>
              <tr>
                <th scope="col">{letters ? '来信主题' : '标题'}</th>
                <th scope="col">{DAY[props.fact]}</th>
                {letters ? <th scope="col">状态</th> : null}
                {letters ? <th scope="col">办理期限</th> : null}
                {letters ? <th scope="col">逾期办结</th> : null}
                {props.fact === 'consultations' ? <th scope="col">状态</th> : null}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr key={`${r.kind}-${r.id}`}>
                  <td>
                    <a href={`${HREF[r.kind]}${r.id}`}>{r.title}</a>
                  </td>
                  <td>{r.day}</td>
                  {letters ? <td>{STATUS[r.status] ?? r.status}</td> : null}
                  {letters ? <td>{r.dueOn ?? '—'}</td> : null}
                  {letters ? <td>{r.answeredLate ? '是' : ''}</td> : null}
                  {props.fact === 'consultations' ? <td>{STATUS[r.status] ?? r.status}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">该期间没有记录。</p>
      )}
    </ConsoleLayout>
  )
}
