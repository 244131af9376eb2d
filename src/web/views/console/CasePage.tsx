import type { ApplicationClock } from '../../../domain/application/clock.js'
import type { ApplicationEvent } from '../../../domain/application/events.js'
import type { CaseStep } from '../../../domain/auth/caseSteps.js'
import { EVENT_LABELS } from '../../../domain/application/states.js'
import { IMPORT_WARNINGS } from '../../../domain/report/ledger.js'
import { letterTitle } from '../../../domain/letters/templates.js'
import type { LetterKind } from '../../../domain/letters/templates.js'
import type { PageContext } from './ConsoleLayout.js'
import { CaseActions } from './CaseActions.js'
import { DisclosedUpload } from '../apply/DisclosedUpload.js'
import type { SimilarEarlierView } from '../../presenters/caseDuplicates.js'
import { CaseDuplicates } from './CaseDuplicates.js'
import type { ApplicantFact, ReviewView } from '../../presenters/casePage.js'
import type { CaseFileLink } from './CaseApplicant.js'
import { CaseApplicant } from './CaseApplicant.js'
import { CaseReviews } from './CaseReviews.js'
import { ConsoleLayout, Errors } from './ConsoleLayout.js'
import { channelText, DueDay, outcomeText, stateText } from './labels.js'

export interface CaseView {
  id: number
  ref: string
  queryCode: string
  agencyName: string
  channel: string
  applicantKind: string
  applicantName: string
  applicant: Record<string, unknown>
  /** 《条例》第二十九条's particulars as given (issue 13 part 3) */
  applicantFacts: ApplicantFact[]
  description: string
  department: string | null
  state: string
  events: ApplicationEvent[]
  clock: ApplicationClock
  files: CaseFileLink[]
  reviews: ReviewView[]
}

export function eventDetail(e: ApplicationEvent): string {
  switch (e.kind) {
    case 'registered':
      return `方式：${channelText(e.channel)}`
    case 'assigned':
      return `转至：${e.departmentName ?? e.departmentId}`
    case 'supplementRequested':
      return `补正事项：${e.request}；补正期限：${e.completeBy}`
    case 'consultationStarted':
      return `征求对象：${e.with}`
    case 'consultationEnded':
      return `意见：${e.reply}${e.position ? `（${{ agrees: '同意公开', objects: '不同意公开', noReply: '逾期未提出意见' }[e.position]}）` : ''}`
    case 'thirdPartyNotified':
      return `告知：${e.with}；公开内容：${e.content}；理由：${e.reason}`
    case 'correctionRequested':
      return `要求更正：${e.request}`
    case 'correctionAnswered':
      return `${{ corrected: '予以更正', notVerified: '不予更正', transferred: '转送', referred: '告知向有权机关提出' }[e.result]}${e.to ? `：${e.to}` : ''}`
    case 'feeNoticed':
      return `金额：${e.amountYuan} 元`
    case 'extended':
      return `延长 ${e.days} 个工作日；批准人：${e.approvedBy}（${e.approvedOn}）；理由：${e.reason}`
    case 'answered':
      return e.items.map((i) => `${i.request}：${outcomeText(i.result)}`).join('；')
    case 'delivered':
      return `方式：${{ electronic: '电子', paper: '纸质', pickup: '自取', post: '邮寄' }[e.method]}`
    case 'withdrawn':
      return `理由：${e.reason}`
    default:
      return ''
  }
}

/** what the ledger import could not tell about this case (台账导入提示) */
function importWarnings(applicant: Record<string, unknown>): string[] {
  const w = applicant[IMPORT_WARNINGS]
  return Array.isArray(w) ? w.filter((x): x is string => typeof x === 'string') : []
}

export function CasePage(props: {
  page: PageContext
  c: CaseView
  /** the steps the case allows and the viewer may record */
  steps: CaseStep[]
  canAct: boolean
  canDecide: boolean
  departments: { id: number; name: string }[]
  letters: { seq: number; kind: LetterKind; on: string }[]
  feeQuote: { amountYuan: number; basis: string } | null
  /** 第三十六条第（六）项: the same applicant's earlier applications with a similar request */
  similarEarlier?: SimilarEarlierView
  /** 第三十二条: third parties that objected */
  objectingParties?: string[]
  today: string
  errors?: { field: string; message: string }[]
}) {
  const { c } = props
  const k = c.clock
  return (
    <ConsoleLayout title={`申请 ${c.ref}`} page={props.page}>
      <h1>申请 {c.ref}</h1>
      <p class="no-print">
        <a href={`/console/applications/${c.id}/file`}>打印案卷</a>
        {' · '}
        <a href={`/console/applications/${c.id}/personal-data`}>导出申请人个人信息</a>
      </p>
      <Errors errors={props.errors} />
      <section aria-labelledby="facts" class="two-col">
        <div>
          <h2 id="facts">申请信息</h2>
          <dl class="facts">
            <dt>机关</dt>
            <dd>{c.agencyName}</dd>
            <dt>申请人</dt>
            <dd>{c.applicantName}</dd>
            <dt>申请方式</dt>
            <dd>{channelText(c.channel)}</dd>
            <dt>查询码</dt>
            <dd>
              <code>{c.queryCode}</code>
            </dd>
            <dt>所需信息</dt>
            <dd class="pre">{c.description}</dd>
            <dt>承办处室</dt>
            <dd>{c.department ?? '未分办'}</dd>
            <dt>状态</dt>
            <dd>{stateText(c.state)}</dd>
            {k.outcome ? (
              <>
                <dt>办理结果</dt>
                <dd>{outcomeText(k.outcome)}</dd>
              </>
            ) : null}
            {importWarnings(c.applicant).length ? (
              <>
                <dt>导入提示</dt>
                <dd class="provisional">
                  {importWarnings(c.applicant).map((w) => (
                    <p>{w}</p>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>
        </div>
        <div>
          <h2 id="dates">期限（系统计算）</h2>
          {k.provisional ? <p class="provisional">部分日期跨入尚未录入节假日安排的年份，标注“暂定”。</p> : null}
          <dl class="facts" aria-labelledby="dates">
            <dt>收到日期</dt>
            <dd>{k.receivedOn}</dd>
            <dt>补正告知最迟</dt>
            <dd>
              <DueDay day={k.supplementBy.day} provisional={k.supplementBy.provisional} />
            </dd>
            <dt>答复期限</dt>
            <dd>{k.dueBy ? <DueDay day={k.dueBy.day} provisional={k.dueBy.provisional} /> : '待补正后重新计算'}</dd>
            <dt>延期后期限</dt>
            <dd>
              {k.dueByExtended ? <DueDay day={k.dueByExtended.day} provisional={k.dueByExtended.provisional} /> : '—'}
            </dd>
            <dt>现行期限</dt>
            <dd>
              {k.deadline ? <DueDay day={k.deadline.day} provisional={k.deadline.provisional} /> : '—'}
              {k.overdue ? <strong class="overdue">（已超期）</strong> : null}
              {k.dueSoon ? <strong class="soon">（即将到期）</strong> : null}
              {k.paused ? <span>（计时暂停中）</span> : null}
            </dd>
            {k.workingDaysLeft !== null ? (
              <>
                <dt>剩余工作日</dt>
                <dd>{k.workingDaysLeft}</dd>
              </>
            ) : null}
            {k.concludedOn ? (
              <>
                <dt>办结日期</dt>
                <dd>
                  {k.concludedOn}
                  {k.answeredLate ? '（逾期答复）' : ''}
                </dd>
              </>
            ) : null}
          </dl>
        </div>
      </section>
      <CaseApplicant facts={c.applicantFacts} files={c.files} />
      {props.page.user?.can['case.decide'] ? (
        <DisclosedUpload caseId={c.id} csrf={props.page.csrf} state={c.state} />
      ) : null}
      <section aria-labelledby="pauses">
        <h2 id="pauses">不计入期限的时间</h2>
        {k.pauses.length === 0 ? (
          <p class="empty">无。</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">事由</th>
                <th scope="col">起（发出）</th>
                <th scope="col">对方收到</th>
                <th scope="col">止</th>
                <th scope="col">法定上限</th>
                <th scope="col">扣除工作日</th>
                <th scope="col">依据</th>
              </tr>
            </thead>
            <tbody>
              {k.pauses.map((p, i) => (
                <tr key={i}>
                  <td>
                    {
                      {
                        thirdPartyConsultation: '征求第三方意见',
                        agencyConsultation: '征求其他机关意见',
                        feeNotice: '收费通知至缴费',
                      }[p.kind]
                    }
                  </td>
                  <td>{p.from}</td>
                  <td>{p.receiptPresumed ? `${p.receivedOn}（推定送达）` : p.receivedOn}</td>
                  <td>{p.open ? `${p.to}（进行中）` : p.to}</td>
                  <td>
                    {p.limit}
                    {p.deemedConsent ? '（逾期未答复，视为同意：《条例》第三十四条）' : ''}
                  </td>
                  <td>{p.workingDays}</td>
                  <td>{p.ground}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="timeline">
        <h2 id="timeline">办理过程</h2>
        <ol class="timeline">
          {c.events.map((e, i) => (
            <li key={i}>
              <strong>{e.on}</strong> {EVENT_LABELS[e.kind]}
              {e.actor ? <span class="muted">（{e.actor}）</span> : null}
              <div>{eventDetail(e)}</div>
            </li>
          ))}
        </ol>
      </section>
      {props.similarEarlier ? <CaseDuplicates id={c.id} earlier={props.similarEarlier} /> : null}
      <section aria-labelledby="letters">
        <h2 id="letters">文书</h2>
        {props.letters.length === 0 ? (
          <p class="empty">尚未生成文书。</p>
        ) : (
          <ul>
            {props.letters.map((l) => (
              <li key={l.seq}>
                {letterTitle(l.kind)}（{l.on}）：
                <a href={`/console/applications/${c.id}/letters/${l.seq}.html`}>打印版</a>{' '}
                <a href={`/console/applications/${c.id}/letters/${l.seq}.docx`}>Word 文档</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <CaseReviews caseId={c.id} reviews={c.reviews} canDecide={props.canDecide} csrf={props.page.csrf} />
      {props.canAct || props.canDecide ? (
        <CaseActions
          id={c.id}
          events={c.events}
          clock={k}
          csrf={props.page.csrf}
          steps={props.steps}
          canDecide={props.canDecide}
          departments={props.departments}
          feeQuote={props.feeQuote}
          today={props.today}
          objectingParties={props.objectingParties ?? []}
        />
      ) : null}
    </ConsoleLayout>
  )
}
