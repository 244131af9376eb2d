import { periodKey, periodLabel, previousPeriod } from '../../../../domain/supervision/period.js'
import { WEIGHT_LABELS } from '../../../../domain/supervision/score.js'
import type { ScoreWeights } from '../../../../domain/supervision/score.js'
import type { BulletinRow } from '../../../../store/supervisionRepo.js'
import type { SupervisionOverview } from '../../../../services/supervision/supervisionOverview.js'
import { delta, percent } from '../../../presenters/supervision.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Csrf } from '../ConsoleLayout.js'
import { InteractionTable } from './InteractionTable.js'

const WEIGHT_FIELDS: { key: keyof ScoreWeights; name: string }[] = [
  { key: 'onTime', name: 'wOnTime' },
  { key: 'notOverdue', name: 'wNotOverdue' },
  { key: 'upheld', name: 'wUpheld' },
  { key: 'proactive', name: 'wProactive' },
]

const SORTS = [
  { key: 'score', label: '综合得分' },
  { key: 'received', label: '收到申请' },
  { key: 'onTime', label: '按时答复' },
  { key: 'overdueNow', label: '目前超期' },
  { key: 'correctedRate', label: '纠正率' },
  { key: 'proactive', label: '主动公开' },
  { key: 'tree', label: '机构层级' },
] as const

/** The supervisor's comparison of the agencies of their subtree, with the 通报 and the report collection. */
export function OverviewPage(props: { page: PageContext; overview: SupervisionOverview; bulletins: BulletinRow[] }) {
  const o = props.overview
  const key = periodKey(o.period)
  const quarters = [1, 2, 3, 4].flatMap((q) => [`${o.period.year}Q${q}`]).concat([String(o.period.year)])
  const prevYear = periodKey(previousPeriod({ ...o.period, quarter: null }))
  const drill = (agency: number, fact: string) =>
    `/console/supervision/cases?agency=${agency}&period=${key}&fact=${encodeURIComponent(fact)}`
  const groups = Object.keys(o.total.now.outcomes)
  return (
    <ConsoleLayout title="监督考核" page={props.page}>
      <h1>监督考核：{o.scope.root.name}及所属单位</h1>
      <form method="get" action="/console/supervision" class="filters" aria-label="期间、排序和评分权重">
        <input type="hidden" name="root" value={String(o.scope.root.id)} />
        <label for="period">期间</label>
        <select id="period" name="period">
          {[...quarters, prevYear].map((p) => (
            <option key={p} value={p} selected={p === key}>
              {p.includes('Q') ? `${p.slice(0, 4)}年第${'一二三四'[Number(p.slice(5)) - 1]}季度` : `${p}年全年`}
            </option>
          ))}
        </select>
        <label for="sort">排序</label>
        <select id="sort" name="sort">
          {SORTS.map((s) => (
            <option key={s.key} value={s.key} selected={s.key === o.sort}>
              {s.label}
            </option>
          ))}
        </select>
        {WEIGHT_FIELDS.map((w) => (
          <span key={w.key} class="weight">
            <label for={w.name}>{WEIGHT_LABELS[w.key]}权重</label>
            <input
              id={w.name}
              name={w.name}
              type="number"
              min="0"
              max="100"
              step="1"
              value={String(o.weights[w.key])}
            />
          </span>
        ))}
        <button type="submit">比较</button>
      </form>
      <p class="muted">
        {periodLabel(o.period)}与上一期（{periodLabel(o.previous)}
        ）比较。各项数字与各单位年度报告用同一计算得出；综合得分＝按时答复率、无超期未办、复议诉讼未被纠正、主动公开数量四项按上述权重加权（满分100，说明见决策记录0042）。点击数字查看对应案件。
      </p>
      <div class="table-scroll">
        <table id="comparison">
          <caption>{periodLabel(o.period)}各单位政务公开工作情况</caption>
          <thead>
            <tr>
              <th scope="col">排名</th>
              <th scope="col">单位</th>
              <th scope="col">收到申请（较上期）</th>
              <th scope="col">办结</th>
              <th scope="col">按时答复率</th>
              <th scope="col">逾期答复</th>
              <th scope="col">目前超期</th>
              {groups.map((g) => (
                <th scope="col" key={g}>
                  {g}
                </th>
              ))}
              <th scope="col">复议（纠正）</th>
              <th scope="col">诉讼（纠正）</th>
              <th scope="col">纠正率</th>
              <th scope="col">主动公开</th>
              <th scope="col">综合得分（较上期）</th>
            </tr>
          </thead>
          <tbody>
            {o.lines.map((l) => (
              <tr key={l.agency.id} data-agency={l.agency.name}>
                <td>{l.rank}</td>
                <th scope="row" class={`unit depth-${Math.min(l.agency.depth, 3)}`}>
                  {l.agency.name}
                </th>
                <td>
                  <a href={drill(l.agency.id, 'received')}>{l.now.received}</a>（
                  {delta(l.now.received, l.before.received)}）
                </td>
                <td>
                  <a href={drill(l.agency.id, 'answered')}>{l.now.answered}</a>
                </td>
                <td>{percent(l.now.onTime, l.now.answered)}</td>
                <td>
                  <a href={drill(l.agency.id, 'late')}>{l.now.late}</a>
                </td>
                <td>
                  <a href={drill(l.agency.id, 'overdue')} class={l.now.overdueNow > 0 ? 'overdue-now' : undefined}>
                    {l.now.overdueNow}
                  </a>
                </td>
                {groups.map((g) => (
                  <td key={g}>
                    <a href={drill(l.agency.id, `group:${g}`)}>{l.now.outcomes[g] ?? 0}</a>
                  </td>
                ))}
                <td>
                  {l.now.reviews.decided}（<a href={drill(l.agency.id, 'corrected')}>{l.now.reviews.corrected}</a>）
                </td>
                <td>
                  {l.now.lawsuits.decided}（{l.now.lawsuits.corrected}）
                </td>
                <td>{l.now.correctedRate === null ? '—' : percent(l.now.correctedRate, 1)}</td>
                <td>{l.now.proactive}</td>
                <td>
                  {l.score === null ? '—' : l.score.toFixed(1)}
                  {l.score !== null && l.scoreBefore !== null ? `（${delta(l.score, l.scoreBefore)}）` : ''}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td></td>
              <th scope="row">合计</th>
              <td>
                {o.total.now.received}（{delta(o.total.now.received, o.total.before.received)}）
              </td>
              <td>{o.total.now.answered}</td>
              <td>{percent(o.total.now.onTime, o.total.now.answered)}</td>
              <td>{o.total.now.late}</td>
              <td>{o.total.now.overdueNow}</td>
              {groups.map((g) => (
                <td key={g}>{o.total.now.outcomes[g] ?? 0}</td>
              ))}
              <td>
                {o.total.now.reviews.decided}（{o.total.now.reviews.corrected}）
              </td>
              <td>
                {o.total.now.lawsuits.decided}（{o.total.now.lawsuits.corrected}）
              </td>
              <td>{o.total.now.correctedRate === null ? '—' : percent(o.total.now.correctedRate, 1)}</td>
              <td>{o.total.now.proactive}</td>
              <td></td>
            </tr>
          </tfoot>
        </table>
      </div>
      {o.interactionTotal ? <InteractionTable overview={o} /> : null}
      <h2 id="bulletins">季度通报</h2>
      <form method="post" action="/console/supervision/bulletins" class="form" aria-labelledby="bulletins">
        <Csrf token={props.page.csrf} />
        <input type="hidden" name="root" value={String(o.scope.root.id)} />
        {WEIGHT_FIELDS.map((w) => (
          <input key={w.key} type="hidden" name={w.name} value={String(o.weights[w.key])} />
        ))}
        <label for="bulletin-period">通报季度</label>
        <select id="bulletin-period" name="period">
          {quarters.slice(0, 4).map((p) => (
            <option key={p} value={p} selected={p === key}>
              {`${p.slice(0, 4)}年第${'一二三四'[Number(p.slice(5)) - 1]}季度`}
            </option>
          ))}
        </select>
        <button type="submit">生成通报</button>
      </form>
      {props.bulletins.length ? (
        <ul>
          {props.bulletins.map((b) => (
            <li key={b.id}>
              <a href={`/console/supervision/bulletins/${b.id}`}>{b.title}</a>（
              {b.status === 'published' ? '已发布' : '草稿'}）
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">尚未生成通报。</p>
      )}
      <h2>年度报告收集</h2>
      <p>
        <a href={`/console/supervision/reports?root=${o.scope.root.id}`}>查看各单位年度报告发布和审读情况</a>
      </p>
    </ConsoleLayout>
  )
}
