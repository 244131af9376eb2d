import { channelLabel } from '../../../domain/interaction/channels.js'
import { onTimeRate, percent, satisfactionRate } from '../../../domain/interaction/rates.js'
import type { InteractionFacts } from '../../../domain/interaction/yearFacts.js'
import { Table } from './parts.js'

export interface PanelView {
  year: number
  months: { month: string; facts: InteractionFacts }[]
  total: InteractionFacts
  overdueLetters: number
  dueSoonLetters: number
}

/**
 * The year's 政民互动 per month (the dashboard shows it, and the desk): letters, the two rates, responses,
 * consultations, surveys, other channels and posts, each counted from records.
 */
export function InteractionPanel(props: { panel: PanelView }) {
  const p = props.panel
  const t = p.total
  return (
    <section aria-labelledby="interaction-panel">
      <h2 id="interaction-panel">政民互动（{p.year}年）</h2>
      <dl class="figures">
        <div>
          <dt>来信</dt>
          <dd id="panel-letters">{t.letters.received}</dd>
        </div>
        <div>
          <dt>按时办结率</dt>
          <dd id="panel-on-time">{percent(onTimeRate(t.letters))}</dd>
        </div>
        <div>
          <dt>满意率</dt>
          <dd id="panel-satisfaction">{percent(satisfactionRate(t.letters))}</dd>
        </div>
        <div>
          <dt>超期未答复</dt>
          <dd class={p.overdueLetters ? 'overdue' : undefined}>
            <a href="/console/interaction">{p.overdueLetters}</a>
          </dd>
        </div>
        <div>
          <dt>即将到期</dt>
          <dd>{p.dueSoonLetters}</dd>
        </div>
      </dl>
      <Table
        caption="按月统计（全年一次性录入的其他渠道数量只计入全年合计）"
        columns={[
          '月份',
          '收到来信',
          '答复',
          '按时办结率',
          '满意率',
          '回应关切',
          '意见征集',
          '在线调查答卷',
          '其他渠道受理',
          '新媒体发布（录入）',
        ]}
      >
        {[...p.months.map((m) => ({ label: m.month, f: m.facts })), { label: '全年合计', f: t }].map(({ label, f }) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{f.letters.received}</td>
            <td>{f.letters.answered}</td>
            <td>{percent(onTimeRate(f.letters))}</td>
            <td>{percent(satisfactionRate(f.letters))}</td>
            <td>{f.responseEvents}</td>
            <td>{f.consultations.held}</td>
            <td>{f.surveys.answers}</td>
            <td>
              {f.channels.length ? f.channels.map((c) => `${channelLabel(c.channel)}${c.received}`).join('、') : 0}
            </td>
            <td>{Object.values(f.accountPosts).reduce((a, b) => a + b, 0)}</td>
          </tr>
        ))}
      </Table>
    </section>
  )
}
