import type { QuestionResult, SurveyQuestion } from '../../../domain/interaction/surveys.js'
import { Layout } from '../Layout.js'
import type { FormValues, Problems } from './parts.js'
import { Csrf, ErrorSummary, Field, inputOf, PortalTabs, textareaOf } from './parts.js'

export interface ConsultationView {
  id: number
  title: string
  explanation: string
  draftText: string
  opensOn: string
  closesOn: string
  status: string
  feedback: string | null
  feedbackOn: string | null
}

/** 意见征集: the draft, the comments the office let through, the comment form while open, and 采纳情况. */
export function ConsultationPage(props: {
  csrf: string
  consultation: ConsultationView
  open: boolean
  comments: { id: number; name: string; body: string }[]
  finalDocument: { id: number; title: string } | null
  sent?: boolean
  values?: FormValues
  errors?: Problems
}) {
  const c = props.consultation
  const e = props.errors
  return (
    <Layout title={c.title} path={`/interaction/consultations/${c.id}`}>
      <PortalTabs />
      <h1>{c.title}</h1>
      <p class="muted">
        征集期：{c.opensOn} 至 {c.closesOn}
        {c.status === 'closed' ? '（已结束）' : ''}
      </p>
      <h2>起草说明</h2>
      <p class="pre">{c.explanation}</p>
      <details>
        <summary>草案全文</summary>
        <p class="pre">{c.draftText}</p>
      </details>
      {c.feedback ? (
        <section aria-labelledby="feedback-h" id="feedback">
          <h2 id="feedback-h">意见采纳情况（{c.feedbackOn}）</h2>
          <p class="pre">{c.feedback}</p>
          {props.finalDocument ? (
            <p>
              正式文件：<a href={`/documents/${props.finalDocument.id}`}>{props.finalDocument.title}</a>
            </p>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="comments-h">
        <h2 id="comments-h">公众意见（{props.comments.length}条）</h2>
        {props.comments.length ? (
          <ul class="plain">
            {props.comments.map((x) => (
              <li key={x.id} class="column-box">
                <strong>{x.name}：</strong>
                <span class="pre">{x.body}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">暂无公开的意见。</p>
        )}
      </section>
      {props.sent ? (
        <p class="ok" role="status">
          您的意见已提交，经审核后公开。感谢参与！
        </p>
      ) : null}
      {props.open ? (
        <section aria-labelledby="comment-h">
          <h2 id="comment-h">提出意见</h2>
          <ErrorSummary errors={e} />
          <form method="post" action={`/interaction/consultations/${c.id}/comments`} class="form" novalidate>
            <Csrf token={props.csrf} />
            <Field name="name" label="姓名或称呼" errors={e}>
              {inputOf(props.values, e)('name', { autocomplete: 'name' })}
            </Field>
            <Field name="body" label="意见内容" hint="意见经审核后公开" errors={e}>
              {textareaOf(props.values, e)('body', { rows: 6 })}
            </Field>
            <button type="submit">提交意见</button>
          </form>
        </section>
      ) : null}
    </Layout>
  )
}

export function SurveyPage(props: {
  csrf: string
  survey: { id: number; title: string; intro: string; opensOn: string; closesOn: string }
  questions: SurveyQuestion[]
  open: boolean
  values?: Record<string, string[]>
  errors?: Problems
}) {
  const s = props.survey
  const e = props.errors
  const v = props.values ?? {}
  const err = (name: string) =>
    e
      ?.filter((x) => x.field === name)
      .map((x) => (
        <p class="field-error" key={x.message}>
          {x.message}
        </p>
      ))
  return (
    <Layout title={s.title} path={`/interaction/surveys/${s.id}`}>
      <PortalTabs />
      <h1>{s.title}</h1>
      <p class="muted">
        调查期：{s.opensOn} 至 {s.closesOn}。<a href={`/interaction/surveys/${s.id}/results`}>查看实时结果</a>
      </p>
      {s.intro ? <p class="pre">{s.intro}</p> : null}
      {props.open ? (
        <>
          <ErrorSummary errors={e} />
          <form method="post" action={`/interaction/surveys/${s.id}`} class="form" novalidate>
            <Csrf token={props.csrf} />
            <Field
              name="code"
              label="参与码"
              hint="参与码由机关发放，每个参与码只能提交一次答卷；无需注册账号"
              errors={e}
            >
              {inputOf({ code: v.code?.[0] ?? '' }, e)('code', { autocomplete: 'off' })}
            </Field>
            {props.questions.map((q, i) => (
              <fieldset key={i} id={`f-q${i}`}>
                <legend>
                  {i + 1}. {q.text}（{q.type === 'single' ? '单选' : q.type === 'multiple' ? '多选' : '选答'}）
                </legend>
                {q.type === 'open' ? (
                  <textarea name={`q${i}`} aria-label={`第${i + 1}题回答`} rows={4}>
                    {v[`q${i}`]?.[0] ?? ''}
                  </textarea>
                ) : (
                  q.options.map((o, k) => (
                    <label key={k} class="check">
                      <input
                        type={q.type === 'single' ? 'radio' : 'checkbox'}
                        name={`q${i}`}
                        value={String(k)}
                        checked={v[`q${i}`]?.includes(String(k))}
                      />{' '}
                      {o}
                    </label>
                  ))
                )}
                {err(`q${i}`)}
              </fieldset>
            ))}
            <button type="submit">提交答卷</button>
          </form>
        </>
      ) : (
        <p class="empty">该调查不在进行期间。</p>
      )}
    </Layout>
  )
}

export function SurveyResultsPage(props: {
  survey: { id: number; title: string }
  answerCount: number
  results: QuestionResult[]
  sent?: boolean
}) {
  const s = props.survey
  return (
    <Layout title={`${s.title} 调查结果`} path={`/interaction/surveys/${s.id}/results`}>
      <PortalTabs />
      <h1>{s.title}：实时结果</h1>
      {props.sent ? (
        <p class="ok" role="status">
          答卷已提交，感谢参与！
        </p>
      ) : null}
      <p>
        已收到答卷 <strong id="answer-count">{props.answerCount}</strong> 份。
      </p>
      {props.results.map((r, i) => (
        <section key={i} aria-labelledby={`r${i}`}>
          <h2 id={`r${i}`}>
            {i + 1}. {r.text}
          </h2>
          {r.type === 'open' ? (
            r.texts.length ? (
              <ul>
                {r.texts.map((t, k) => (
                  <li key={k}>{t}</li>
                ))}
              </ul>
            ) : (
              <p class="empty">暂无回答。</p>
            )
          ) : (
            <>
              <img
                class="survey-chart"
                src={`/interaction/surveys/${s.id}/chart.svg?q=${i}`}
                alt={r.options.map((o) => `${o.label}${o.count}人`).join('，')}
              />
              <table>
                <thead>
                  <tr>
                    <th scope="col">选项</th>
                    <th scope="col">人数</th>
                  </tr>
                </thead>
                <tbody>
                  {r.options.map((o) => (
                    <tr key={o.label}>
                      <td>{o.label}</td>
                      <td>{o.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      ))}
    </Layout>
  )
}
