import {
  LETTER_KINDS,
  letterKindLabel,
  letterStateLabel,
  RATINGS,
  ratingLabel,
} from '../../../domain/interaction/letters.js'
import type { LetterStatus } from '../../../services/interaction/letterStatus.js'
import { Layout } from '../Layout.js'
import type { FormValues, Problems } from './parts.js'
import { Csrf, ErrorSummary, Field, inputOf, PortalTabs, textareaOf } from './parts.js'

export function LetterFormPage(props: {
  csrf: string
  agencies: { code: string; name: string }[]
  values?: FormValues
  errors?: Problems
}) {
  const v = props.values ?? {}
  const e = props.errors
  const input = inputOf(v, e)
  const area = textareaOf(v, e)
  return (
    <Layout title="我要写信" path="/interaction/letters/new">
      <h1>我要写信</h1>
      <PortalTabs />
      <p>
        请如实填写。咨询一般在5个工作日内、建议投诉举报一般在15个工作日内答复（以各机关设定的期限为准，节假日顺延）。
      </p>
      <ErrorSummary errors={e} />
      <form method="post" action="/interaction/letters" class="form" novalidate>
        <Csrf token={props.csrf} />
        <Field name="agency" label="写信给（机关）" errors={e}>
          <select id="f-agency" name="agency">
            <option value="">请选择</option>
            {props.agencies.map((a) => (
              <option key={a.code} value={a.code} selected={v.agency === a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <fieldset id="f-kind">
          <legend>来信类型</legend>
          {LETTER_KINDS.map((k) => (
            <label key={k.code} class="check">
              <input type="radio" name="kind" value={k.code} checked={v.kind === k.code} /> {k.label}
            </label>
          ))}
          {e?.find((x) => x.field === 'kind') ? (
            <p class="field-error">{e.find((x) => x.field === 'kind')?.message}</p>
          ) : null}
        </fieldset>
        <Field name="subject" label="标题" errors={e}>
          {input('subject', { maxlength: 100 })}
        </Field>
        <Field name="body" label="内容" hint="请写明事项、时间、地点等（至少10个字）" errors={e}>
          {area('body', { rows: 8 })}
        </Field>
        <Field name="name" label="姓名" errors={e}>
          {input('name', { autocomplete: 'name' })}
        </Field>
        <Field name="phone" label="联系电话" errors={e}>
          {input('phone', { autocomplete: 'tel', inputmode: 'tel' })}
        </Field>
        <Field name="email" label="电子邮箱（选填）" errors={e}>
          {input('email', { autocomplete: 'email', type: 'email' })}
        </Field>
        <label class="check">
          <input type="checkbox" name="wantsPublic" checked={v.wantsPublic === 'on'} />{' '}
          同意在隐去姓名、电话等个人信息后公开本信及答复（仅限咨询、建议；投诉、举报一律不公开）
        </label>
        <label class="check">
          <input type="checkbox" name="aboutDisclosure" checked={v.aboutDisclosure === 'on'} />{' '}
          本信是对机关政府信息公开工作的投诉或举报
        </label>
        <button type="submit">提交来信</button>
      </form>
    </Layout>
  )
}

export function LetterReceiptPage(props: {
  queryCode: string
  agencyName: string
  receivedOn: string
  dueOn: string
  provisional: boolean
}) {
  return (
    <Layout title="来信已提交">
      <h1>来信已提交</h1>
      <p class="ok">
        {props.agencyName}已收到您的来信（{props.receivedOn}）。
      </p>
      <p>
        您的查询码：
        <span class="query-code" id="query-code">
          {props.queryCode}
        </span>
      </p>
      <p>
        答复期限：{props.dueOn}
        {props.provisional ? <span class="provisional">（暂定）</span> : null}
      </p>
      <p>
        请妥善保存查询码，凭查询码<a href={`/interaction/letters/status?code=${props.queryCode}`}>查看答复并评价</a>。
      </p>
    </Layout>
  )
}

export function LetterStatusPage(props: {
  csrf: string
  code: string
  status: LetterStatus | null
  notFound?: boolean
  rated?: boolean
  errors?: Problems
}) {
  const s = props.status
  return (
    <Layout title="来信查询与评价" path="/interaction/letters/status">
      <h1>来信查询与评价</h1>
      <PortalTabs />
      <form method="get" action="/interaction/letters/status" class="form narrow">
        <label for="f-code">查询码</label>
        <input id="f-code" name="code" value={props.code} autocomplete="off" />
        <button type="submit">查询</button>
      </form>
      {props.notFound ? (
        <p class="errors" role="alert">
          未找到该查询码对应的来信，请核对查询码。
        </p>
      ) : null}
      {props.rated ? <p class="ok">感谢您的评价。</p> : null}
      <ErrorSummary errors={props.errors} />
      {s ? (
        <section aria-labelledby="letter-h">
          <h2 id="letter-h">
            【{letterKindLabel(s.kind)}】{s.subject}
          </h2>
          <dl class="facts">
            <dt>受理机关</dt>
            <dd>{s.agencyName}</dd>
            <dt>收信日期</dt>
            <dd>{s.receivedOn}</dd>
            <dt>答复期限</dt>
            <dd>
              {s.dueOn}
              {s.provisional ? '（暂定）' : ''}
            </dd>
            <dt>办理状态</dt>
            <dd id="letter-state">{letterStateLabel(s.status)}</dd>
          </dl>
          <p class="pre">{s.body}</p>
          {s.answer ? (
            <section aria-labelledby="answer-h">
              <h3 id="answer-h">答复（{s.answeredOn}）</h3>
              <p class="pre" id="letter-answer">
                {s.answer}
              </p>
              {s.rating ? (
                <p>
                  您的评价：<strong id="letter-rating">{ratingLabel(s.rating)}</strong>
                </p>
              ) : (
                <form method="post" action="/interaction/letters/rate" class="form" novalidate>
                  <Csrf token={props.csrf} />
                  <input type="hidden" name="code" value={s.queryCode} />
                  <fieldset id="f-rating">
                    <legend>请评价本次答复</legend>
                    {RATINGS.map((r) => (
                      <label key={r.code} class="check">
                        <input type="radio" name="rating" value={r.code} /> {r.label}
                      </label>
                    ))}
                  </fieldset>
                  <button type="submit">提交评价</button>
                </form>
              )}
            </section>
          ) : null}
        </section>
      ) : null}
    </Layout>
  )
}
