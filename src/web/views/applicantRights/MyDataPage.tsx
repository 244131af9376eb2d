import type { ApplicantOwnData } from '../../../services/applicantRights/applicantOwnData.js'
import { Layout } from '../Layout.js'
import { HeldDataSections } from './HeldDataParts.js'

type Problems = { field: string; message: string }[]

/** 我的个人信息: what the agency holds about the applicant of a case, after the second factor (issue 17 point 5). */
export function MyDataPage(props: { data: ApplicantOwnData; csrf: string; errors?: Problems; codeSent?: boolean }) {
  const d = props.data
  const q = encodeURIComponent(d.queryCode)
  return (
    <Layout title="我的个人信息">
      <link rel="stylesheet" href="/assets/apply.css" />
      <p>
        <a href={`/apply/status?code=${q}`}>申请办理进度查询</a> › 我的个人信息
      </p>
      <h1>我的个人信息</h1>
      <p class="hint">
        依《中华人民共和国个人信息保护法》第四十五条，您可以查阅、复制本机关因办理您的政府信息公开申请而保存的个人信息。
      </p>
      {d.locked ? (
        <section aria-labelledby="verify">
          <h2 id="verify">身份验证</h2>
          <p>为保护您的个人信息，请先完成身份验证（申请时选择的方式：{d.secondFactorLabel}）。</p>
          {props.errors?.length ? (
            <div class="errors" role="alert" id="verify-errors">
              <ul>
                {props.errors.map((e) => (
                  <li key={e.field + e.message}>{e.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {d.secondFactor !== 'idTail' ? (
            <form method="post" action="/apply/me/code" class="form narrow verify-form">
              <input type="hidden" name="_csrf" value={props.csrf} />
              <input type="hidden" name="code" value={d.queryCode} />
              <button type="submit">{props.codeSent ? '重新发送验证码' : '发送验证码'}</button>
              {props.codeSent ? <p role="status">验证码已发送，15分钟内有效。</p> : null}
            </form>
          ) : null}
          <form method="post" action="/apply/me/verify" class="form narrow verify-form">
            <input type="hidden" name="_csrf" value={props.csrf} />
            <input type="hidden" name="code" value={d.queryCode} />
            <label for="me-answer">{d.secondFactor === 'idTail' ? '证件号码后6位' : '验证码'}</label>
            <input id="me-answer" name="answer" autocomplete="off" required maxLength={20} />
            <button type="submit">验证身份</button>
          </form>
        </section>
      ) : (
        <>
          <p>
            <a href={`/apply/me/export.json?code=${q}`} download>
              下载完整副本（JSON）
            </a>
          </p>
          <HeldDataSections h={d.held} />
        </>
      )}
    </Layout>
  )
}
