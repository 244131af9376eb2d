import type { ApplicationClock } from '../../../domain/application/clock.js'
import type { ApplicationEvent, EventKind } from '../../../domain/application/events.js'
import { ANSWER_KINDS, OUTCOMES } from '../../../domain/application/outcomes.js'
import { EVENT_LABELS } from '../../../domain/application/states.js'
import { IMPORT_WARNINGS } from '../../../domain/report/ledger.js'
import { letterTitle } from '../../../domain/letters/templates.js'
import type { LetterKind } from '../../../domain/letters/templates.js'
import type { PageContext } from './ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from './ConsoleLayout.js'
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
  description: string
  department: string | null
  state: string
  events: ApplicationEvent[]
  clock: ApplicationClock
  files: { id: number; file_name: string; mime: string; size: number }[]
}

export const ACT_KINDS: EventKind[] = [
  'supplementRequested',
  'supplementReceived',
  'supplementLapsed',
  'consultationStarted',
  'consultationEnded',
  'feeNoticed',
  'feePaid',
  'feeLapsed',
]
export const DECIDE_KINDS: EventKind[] = ['assigned', 'extended', 'answered', 'delivered', 'withdrawn', 'archived']

function eventDetail(e: ApplicationEvent): string {
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
      return `意见：${e.reply}`
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

function Field(props: { id: string; label: string; children: preact.ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
    </div>
  )
}

function ActionForm(props: {
  kind: EventKind
  id: number
  csrf: string
  today: string
  route: 'act' | 'decide'
  children?: preact.ComponentChildren
}) {
  const f = `${props.kind}-`
  return (
    <details class="action">
      <summary>{EVENT_LABELS[props.kind]}</summary>
      <form method="post" action={`/console/applications/${props.id}/${props.route}`} class="form">
        <Csrf token={props.csrf} />
        <input type="hidden" name="kind" value={props.kind} />
        <Field id={`${f}on`} label="日期">
          <input id={`${f}on`} name="on" type="date" value={props.today} required />
        </Field>
        {props.children}
        <button type="submit">确认：{EVENT_LABELS[props.kind]}</button>
      </form>
    </details>
  )
}

export function CasePage(props: {
  page: PageContext
  c: CaseView
  allowed: EventKind[]
  canAct: boolean
  canDecide: boolean
  departments: { id: number; name: string }[]
  letters: { seq: number; kind: LetterKind; on: string }[]
  feeQuote: { amountYuan: number; basis: string } | null
  today: string
  errors?: { field: string; message: string }[]
}) {
  const { c } = props
  const k = c.clock
  const show = (kind: EventKind) =>
    props.allowed.includes(kind) && (ACT_KINDS.includes(kind) ? props.canAct : props.canDecide)
  const form = (kind: EventKind, children?: preact.ComponentChildren) =>
    show(kind) ? (
      <ActionForm
        kind={kind}
        id={c.id}
        csrf={props.page.csrf}
        today={props.today}
        route={ACT_KINDS.includes(kind) ? 'act' : 'decide'}
      >
        {children}
      </ActionForm>
    ) : null
  return (
    <ConsoleLayout title={`申请 ${c.ref}`} page={props.page}>
      <h1>申请 {c.ref}</h1>
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
            {c.files.length ? (
              <>
                <dt>附件</dt>
                <dd>
                  {c.files.map((f) => (
                    <span key={f.id}>
                      {f.file_name}（{f.mime}，{Math.ceil(f.size / 1024)} KB）{' '}
                    </span>
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
      <section aria-labelledby="pauses">
        <h2 id="pauses">不计入期限的时间</h2>
        {k.pauses.length === 0 ? (
          <p class="empty">无。</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">事由</th>
                <th scope="col">起</th>
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
                  <td>{p.open ? `${p.to}（进行中）` : p.to}</td>
                  <td>{p.limit}</td>
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
      {props.canAct || props.canDecide ? (
        <section aria-labelledby="actions">
          <h2 id="actions">办理</h2>
          {form(
            'assigned',
            <Field id="assigned-dept" label="承办处室">
              <select id="assigned-dept" name="departmentId" required>
                {props.departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </Field>,
          )}
          {form(
            'supplementRequested',
            <>
              <Field id="sr-request" label="需要补正的事项">
                <textarea id="sr-request" name="request" required />
              </Field>
              <Field id="sr-by" label="补正期限">
                <input id="sr-by" name="completeBy" type="date" required />
              </Field>
            </>,
          )}
          {form('supplementReceived')}
          {form('supplementLapsed')}
          {form(
            'consultationStarted',
            <>
              <Field id="cs-party" label="征求对象类型">
                <select id="cs-party" name="party">
                  <option value="thirdParty">第三方（第三十二条）</option>
                  <option value="otherAgency">其他机关（第三十四条）</option>
                </select>
              </Field>
              <Field id="cs-with" label="征求对象">
                <input id="cs-with" name="with" required />
              </Field>
            </>,
          )}
          {form(
            'consultationEnded',
            <Field id="ce-reply" label="意见">
              <input id="ce-reply" name="reply" required />
            </Field>,
          )}
          {form(
            'feeNoticed',
            <>
              <p class="hint">
                金额由系统按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）超额累进计算。
                {props.feeQuote ? `${props.feeQuote.basis}，应收 ${props.feeQuote.amountYuan} 元。` : ''}
              </p>
              <Field id="fee-method" label="计收方式">
                <select id="fee-method" name="method">
                  <option value="byCount">按件计收（同一申请人本自然月累计）</option>
                  <option value="byPages">按量计收（按页数）</option>
                </select>
              </Field>
              <Field id="fee-pages" label="页数（按量计收时填写）">
                <input id="fee-pages" name="pages" type="number" min="1" step="1" />
              </Field>
            </>,
          )}
          {form('feePaid')}
          {form('feeLapsed')}
          {form(
            'extended',
            <>
              <Field id="ext-days" label="延长工作日（1至20）">
                <input id="ext-days" name="days" type="number" min="1" max="20" value="20" required />
              </Field>
              <Field id="ext-by" label="批准人（政府信息公开工作机构负责人）">
                <input id="ext-by" name="approvedBy" required />
              </Field>
              <Field id="ext-on" label="批准日期">
                <input id="ext-on" name="approvedOn" type="date" value={props.today} required />
              </Field>
              <Field id="ext-reason" label="延期理由">
                <input id="ext-reason" name="reason" required />
              </Field>
            </>,
          )}
          {form(
            'answered',
            <>
              <Field id="ans-result" label="处理结果">
                <select id="ans-result" name="result">
                  {OUTCOMES.map((o) => (
                    <option key={o.code} value={o.code}>
                      {o.group} {o.label}
                    </option>
                  ))}
                  {ANSWER_KINDS.map((o) => (
                    <option key={o.code} value={o.code}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="ans-text" label="答复内容">
                <textarea id="ans-text" name="replyText" required />
              </Field>
            </>,
          )}
          {form(
            'delivered',
            <Field id="del-method" label="送达方式">
              <select id="del-method" name="method">
                <option value="electronic">电子</option>
                <option value="post">邮寄</option>
                <option value="paper">纸质当面</option>
                <option value="pickup">自取</option>
              </select>
            </Field>,
          )}
          {form(
            'withdrawn',
            <Field id="wd-reason" label="撤回理由">
              <input id="wd-reason" name="reason" required />
            </Field>,
          )}
          {form('archived')}
          {props.canDecide && ['answered', 'delivered', 'archived'].includes(c.state) ? (
            <details class="action">
              <summary>登记行政复议或行政诉讼</summary>
              <form method="post" action={`/console/applications/${c.id}/reviews`} class="form">
                <Csrf token={props.page.csrf} />
                <Field id="rv-kind" label="类型">
                  <select id="rv-kind" name="kind">
                    <option value="review">行政复议</option>
                    <option value="lawsuitDirect">行政诉讼（未经复议）</option>
                    <option value="lawsuitAfterReview">行政诉讼（复议后）</option>
                  </select>
                </Field>
                <Field id="rv-filed" label="申请（起诉）日期">
                  <input id="rv-filed" name="filedOn" type="date" value={props.today} required />
                </Field>
                <Field id="rv-body" label="复议机关或法院">
                  <input id="rv-body" name="body" required />
                </Field>
                <button type="submit">登记</button>
              </form>
            </details>
          ) : null}
        </section>
      ) : null}
    </ConsoleLayout>
  )
}
