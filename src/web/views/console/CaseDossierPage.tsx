import { EVENT_LABELS } from '../../../domain/application/states.js'
import type { Letter } from '../../../domain/letters/composeLetter.js'
import { LetterHtml } from '../../../services/letters/LetterHtml.js'
import type { CaseView } from './CasePage.js'
import { eventDetail } from './CasePage.js'
import type { PageContext } from './ConsoleLayout.js'
import { ConsoleLayout } from './ConsoleLayout.js'
import { channelText, DueDay, outcomeText, stateText } from './labels.js'

/** The printable 案卷 of a case: facts, the applicant, every date, the history, reviews, and each letter in full. */
export function CaseDossierPage(props: { page: PageContext; c: CaseView; letters: Letter[]; printedOn: string }) {
  const { c } = props
  const k = c.clock
  const facts: [string, string][] = [
    ['机关', c.agencyName],
    ['编号', c.ref],
    ['查询码', c.queryCode],
    ['申请方式', channelText(c.channel)],
    ['所需信息', c.description],
    ['承办处室', c.department ?? '未分办'],
    ['状态', stateText(c.state)],
    ['办理结果', k.outcome ? outcomeText(k.outcome) : '尚未答复'],
  ]
  return (
    <ConsoleLayout title={`案卷 ${c.ref}`} page={props.page}>
      <article class="dossier">
        <h1>政府信息公开申请案卷（{c.ref}）</h1>
        <p class="muted">
          打印日期：{props.printedOn}。<span class="no-print">使用浏览器的“打印”功能打印或存为 PDF。</span>{' '}
          <a class="no-print" href={`/console/applications/${c.id}`}>
            返回申请
          </a>
        </p>
        <h2>一、申请事项</h2>
        <dl class="facts">
          {facts.map(([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd class="pre">{value}</dd>
            </>
          ))}
        </dl>
        <h2>二、申请人</h2>
        <dl class="facts">
          {c.applicantFacts.map((f) => (
            <>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </>
          ))}
          <dt>附件</dt>
          <dd>{c.files.length ? c.files.map((f) => f.fileName).join('、') : '无'}</dd>
        </dl>
        <h2>三、期限</h2>
        <dl class="facts">
          <dt>收到日期</dt>
          <dd>{k.receivedOn}</dd>
          <dt>答复期限</dt>
          <dd>{k.dueBy ? <DueDay day={k.dueBy.day} provisional={k.dueBy.provisional} /> : '待补正后重新计算'}</dd>
          <dt>延期后期限</dt>
          <dd>
            {k.dueByExtended ? <DueDay day={k.dueByExtended.day} provisional={k.dueByExtended.provisional} /> : '—'}
          </dd>
          <dt>办结日期</dt>
          <dd>
            {k.concludedOn ?? '—'}
            {k.answeredLate ? '（逾期答复）' : ''}
          </dd>
        </dl>
        <h2>四、办理过程</h2>
        <ol class="timeline">
          {c.events.map((e, i) => (
            <li key={i}>
              <strong>{e.on}</strong> {EVENT_LABELS[e.kind]}
              {e.actor ? <span class="muted">（{e.actor}）</span> : null}
              <div>{eventDetail(e)}</div>
            </li>
          ))}
        </ol>
        <h2>五、行政复议和行政诉讼</h2>
        {c.reviews.length === 0 ? (
          <p>无。</p>
        ) : (
          <ul>
            {c.reviews.map((r) => (
              <li key={r.id}>
                {r.kindLabel}：{r.body}，{r.filedOn} 收到（立案），结果：{r.resultLabel}
                {r.decidedOn ? `（${r.decidedOn} 审结）` : ''}
              </li>
            ))}
          </ul>
        )}
        <h2>六、文书</h2>
        {props.letters.length === 0 ? <p>尚未生成文书。</p> : props.letters.map((l) => <LetterHtml letter={l} />)}
      </article>
    </ConsoleLayout>
  )
}
