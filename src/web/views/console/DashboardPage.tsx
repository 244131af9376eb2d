import type { PageContext } from './ConsoleLayout.js'
import { ConsoleLayout } from './ConsoleLayout.js'
import type { CaseLine } from './CaseTable.js'
import { CaseTable } from './CaseTable.js'

import type { MonthFigures } from '../../../store/caseQueryRepo.js'
import type { PanelView } from '../interaction/Panel.js'
import { InteractionPanel } from '../interaction/Panel.js'

/** Received per day of the month as a small bar chart, drawn as plain SVG (no script). */
function MonthChart(props: { figures: MonthFigures }) {
  const days = 31
  const max = Math.max(1, ...props.figures.perDay.values())
  const w = 12
  const h = 80
  return (
    <svg class="chart" viewBox={`0 0 ${days * w + 30} ${h + 20}`} role="img" aria-labelledby="chart-title">
      <title id="chart-title">{`${props.figures.month} 每日收到申请数（最多 ${max} 件）`}</title>
      <line x1="28" y1={h} x2={days * w + 30} y2={h} class="axis" />
      <text x="0" y="10" class="tick">
        {max}
      </text>
      <text x="0" y={h} class="tick">
        0
      </text>
      {Array.from({ length: days }, (_, i) => {
        const n = props.figures.perDay.get(i + 1) ?? 0
        const bh = Math.round((n / max) * (h - 10))
        return (
          <g key={i}>
            <rect x={30 + i * w} y={h - bh} width={w - 2} height={bh} class="bar">
              <title>{`${i + 1}日：${n}件`}</title>
            </rect>
            {(i + 1) % 5 === 0 ? (
              <text x={30 + i * w} y={h + 14} class="tick">
                {i + 1}
              </text>
            ) : null}
          </g>
        )
      })}
    </svg>
  )
}

export function DashboardPage(props: {
  page: PageContext
  tasks: CaseLine[]
  dueSoon: CaseLine[]
  overdue: CaseLine[]
  figures: MonthFigures | null
  notifications: { id: number; message: string; applicationId: number | null }[]
  /** unpublished annual reports of last year and their deadlines */
  reports?: { href: string; message: string; state: string }[]
  /** documents waiting for this person's publication review */
  awaitingReview?: number
  /** 政民互动 per month (issue 16) */
  interaction?: PanelView | null
}) {
  const f = props.figures
  return (
    <ConsoleLayout title="工作台" page={props.page}>
      <h1>工作台</h1>
      {props.awaitingReview ? (
        <section aria-labelledby="review-queue">
          <h2 id="review-queue">待我审核</h2>
          <p class="queue-count">
            <a href="/console/catalog#awaiting">有 {props.awaitingReview} 条主动公开信息待您审核</a>
          </p>
        </section>
      ) : null}
      {props.notifications.length ? (
        <section aria-labelledby="notes">
          <h2 id="notes">提醒</h2>
          <ul class="notes">
            {props.notifications.map((n) => (
              <li key={n.id}>
                {n.applicationId ? <a href={`/console/applications/${n.applicationId}`}>{n.message}</a> : n.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.reports?.length ? (
        <section aria-labelledby="annual-reports">
          <h2 id="annual-reports">年度报告公布期限</h2>
          <ul class="notes report-deadlines">
            {props.reports.map((r) => (
              <li class={r.state === 'overdue' ? 'warn' : undefined}>
                <a href={r.href}>{r.message}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {f ? (
        <section aria-labelledby="month">
          <h2 id="month">本月情况（{f.month}）</h2>
          <dl class="figures">
            <div>
              <dt>本月收到</dt>
              <dd>{f.received}</dd>
            </div>
            <div>
              <dt>其中网上申请</dt>
              <dd>{f.online}</dd>
            </div>
            <div>
              <dt>本月办结</dt>
              <dd>{f.answered}</dd>
            </div>
            <div>
              <dt>在办</dt>
              <dd>{f.open}</dd>
            </div>
            <div>
              <dt>即将到期</dt>
              <dd>{props.dueSoon.length}</dd>
            </div>
            <div>
              <dt>已超期</dt>
              <dd>{props.overdue.length}</dd>
            </div>
          </dl>
          <MonthChart figures={f} />
        </section>
      ) : null}
      {props.interaction ? <InteractionPanel panel={props.interaction} /> : null}
      <section aria-labelledby="overdue">
        <h2 id="overdue">已超期</h2>
        <CaseTable rows={props.overdue} caption="已超过答复期限的申请" empty="没有超期的申请。" />
      </section>
      <section aria-labelledby="soon">
        <h2 id="soon">即将到期（3个工作日内）</h2>
        <CaseTable rows={props.dueSoon} caption="3个工作日内到期的申请" empty="没有即将到期的申请。" />
      </section>
      <section aria-labelledby="tasks">
        <h2 id="tasks">我的待办</h2>
        <CaseTable rows={props.tasks} caption="待办申请（按期限先后）" empty="没有待办的申请。" />
      </section>
    </ConsoleLayout>
  )
}
