import type { ApplicationClock } from '../../../domain/application/clock.js'
import type { ApplicationEvent } from '../../../domain/application/events.js'
import { ANSWER_KINDS, OUTCOMES } from '../../../domain/application/outcomes.js'
import { CHANNELS } from '../../../domain/application/applicant.js'
import { LETTER_CHANNELS, PRESUMED_DELIVERY_DAYS } from '../../../domain/application/receipt.js'
import { reviewEligibility } from '../../../domain/application/reviewEligibility.js'
import { EVENT_LABELS } from '../../../domain/application/states.js'
import type { CaseStep } from '../../../domain/auth/caseSteps.js'
import { STEP_PERMISSION } from '../../../domain/auth/caseSteps.js'
import {
  AnswerDetailFields,
  ConsultationPositionField,
  CorrectionAnswerFields,
  CorrectionRequestFields,
  ThirdPartyNoticeFields,
} from './CaseDecisionFields.js'
import { Csrf } from './ConsoleLayout.js'

function Field(props: { id: string; label: string; children: preact.ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
    </div>
  )
}

/** How a letter went out and, if known, when it was received (decision 0006: else presumed by channel). */
function LetterReceiptFields(props: { prefix: string; who: string }) {
  return (
    <>
      <Field id={`${props.prefix}-via`} label="发送方式">
        <select id={`${props.prefix}-via`} name="via">
          {LETTER_CHANNELS.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={`${props.prefix}-received`}
        label={`${props.who}收到日期（已知时填写，也可收到回执后补记；未填时邮寄按发出后第${PRESUMED_DELIVERY_DAYS.post}日推定收到）`}
      >
        <input id={`${props.prefix}-received`} name="receivedOn" type="date" />
      </Field>
    </>
  )
}

function ActionForm(props: {
  kind: CaseStep
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

/**
 * The forms of the steps a viewer may record on a case (each step's permission is the domain's
 * STEP_PERMISSION: a case.act step posts to /act, a case.decide step to /decide), and the registration of a
 * review or lawsuit where reviewEligibility allows one.
 */
export function CaseActions(props: {
  id: number
  events: ApplicationEvent[]
  clock: ApplicationClock
  csrf: string
  steps: CaseStep[]
  canDecide: boolean
  departments: { id: number; name: string }[]
  feeQuote: { amountYuan: number; basis: string } | null
  today: string
  /** 第三十二条: third parties that objected, to whom a notice of disclosure may go */
  objectingParties?: string[]
}) {
  const form = (kind: CaseStep, children?: preact.ComponentChildren) =>
    props.steps.includes(kind) ? (
      <ActionForm
        kind={kind}
        id={props.id}
        csrf={props.csrf}
        today={props.today}
        route={STEP_PERMISSION[kind] === 'case.act' ? 'act' : 'decide'}
      >
        {children}
      </ActionForm>
    ) : null
  return (
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
      {form(
        'supplementReceived',
        <>
          <Field id="sup-via" label="补正方式">
            <select id="sup-via" name="via">
              <option value="">与申请方式相同</option>
              {CHANNELS.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </select>
          </Field>
          <Field id="sup-at" label="提交时间（网上或传真补正时填写，如 23:30）">
            <input id="sup-at" name="at" type="time" />
          </Field>
          <p class="hint">
            网上或传真补正在非工作日或下班后提交的，以下一个工作日为收到之日（《条例》第三十一条第（三）项）。
          </p>
        </>,
      )}
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
          <LetterReceiptFields prefix="cs" who="对方" />
        </>,
      )}
      {form(
        'consultationEnded',
        <>
          <Field id="ce-reply" label="意见">
            <input id="ce-reply" name="reply" required />
          </Field>
          <ConsultationPositionField />
        </>,
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
          <LetterReceiptFields prefix="fee" who="申请人" />
        </>,
      )}
      {form(
        'letterReceived',
        <Field id="lr-received" label="对方收到征求意见函或收费通知的日期（回执所载）">
          <input id="lr-received" name="receivedOn" type="date" required />
        </Field>,
      )}
      {form(
        'reasonsRequested',
        <Field id="rr-request" label="要求说明理由的事项（申请数量、频次明显超过合理范围，《条例》第三十五条）">
          <textarea id="rr-request" name="request" required />
        </Field>,
      )}
      {form(
        'bulkDeferred',
        <>
          <p class="hint">
            申请人说明的理由合理，但无法在《条例》第三十三条规定的期限内答复的，可以确定延迟答复的合理期限并告知申请人。
            理由不合理的，以“不予处理（无正当理由大量反复申请）”答复。
          </p>
          <Field id="bd-due" label="延迟答复期限">
            <input id="bd-due" name="dueOn" type="date" required />
          </Field>
          <Field id="bd-reason" label="无法在规定期限内答复的理由">
            <input id="bd-reason" name="reason" required />
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
          <AnswerDetailFields />
        </>,
      )}
      {form('thirdPartyNotified', <ThirdPartyNoticeFields parties={props.objectingParties ?? []} />)}
      {form('correctionRequested', <CorrectionRequestFields />)}
      {form('correctionAnswered', <CorrectionAnswerFields />)}
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
      {props.canDecide && reviewEligibility(props.events, props.clock).ok ? (
        <details class="action">
          <summary>登记行政复议或行政诉讼</summary>
          <form method="post" action={`/console/applications/${props.id}/reviews`} class="form">
            <Csrf token={props.csrf} />
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
  )
}
