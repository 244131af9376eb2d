import { LetterHtml } from '../../../services/letters/LetterHtml.js'
import type { Letter } from '../../../domain/letters/composeLetter.js'
import { Layout } from '../Layout.js'

type Problems = { field: string; message: string }[]

function ApplyAssets(props: { print?: boolean }) {
  return (
    <>
      <link rel="stylesheet" href="/assets/apply.css" />
      {props.print ? <script src="/assets/print.js" defer /> : null}
    </>
  )
}

function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />
}

function FieldErrors(props: { errors?: Problems; id: string }) {
  if (!props.errors?.length) return null
  return (
    <div class="errors" role="alert" id={props.id}>
      <ul>
        {props.errors.map((e) => (
          <li key={e.field + e.message}>{e.message}</li>
        ))}
      </ul>
    </div>
  )
}

/** 申请回执: what the applicant keeps (printable): query code, receipt date, legal reply date, how to follow. */
export function ReceiptPage(props: {
  queryCode: string
  receivedOn: string
  dueBy: string | null
  provisional: boolean
  agencyName: string
  /** the day the receipt is printed */
  issuedOn: string
}) {
  const statusUrl = `/apply/status?code=${encodeURIComponent(props.queryCode)}`
  return (
    <Layout title="政府信息公开申请回执">
      <ApplyAssets print />
      <div class="receipt-sheet" id="receipt">
        <h1>政府信息公开申请回执</h1>
        <p role="status">申请已提交。{props.agencyName}已收到您的政府信息公开申请。</p>
        <dl class="facts receipt">
          <dt>受理机关</dt>
          <dd>{props.agencyName}</dd>
          <dt>查询码</dt>
          <dd>
            <strong class="query-code" id="query-code">
              {props.queryCode}
            </strong>
          </dd>
          <dt>收到申请日期</dt>
          <dd id="received-on">{props.receivedOn}</dd>
          <dt>法定答复期限</dt>
          <dd>
            <span id="due-by">{props.dueBy ?? '—'}</span>
            {props.provisional ? '（暂定：该年度节假日安排尚未公布）' : ''}
            <br />
            依《中华人民共和国政府信息公开条例》第三十三条，自收到申请之日起20个工作日内答复；需要延长的，经批准可延长不超过20个工作日并告知您。需要补正、征求第三方或其他机关意见、缴纳信息处理费的，依法另行计算并告知您。
          </dd>
          <dt>回执日期</dt>
          <dd>{props.issuedOn}</dd>
        </dl>
        <h2>如何查询办理进度</h2>
        <ol>
          <li>
            访问本平台“依申请公开”栏目的<a href={statusUrl}>办理进度查询</a>页面（/apply/status），输入查询码。
          </li>
          <li>可看到每个办理环节及日期、告知书和答复书；需要补正的，可在该页面在线提交补正材料。</li>
          <li>您留下电子邮箱或手机号码的，收到申请、需要补正、延期、答复时我们会通知您。</li>
        </ol>
        <p>请妥善保存本回执和查询码。查询码是查看答复的凭证，请勿告诉他人。</p>
      </div>
      <p class="receipt-tools">
        <button type="button" data-print hidden>
          打印回执
        </button>
        <span>（也可使用浏览器的“打印”功能打印或另存为 PDF）</span>
        <a href={statusUrl}>查看办理进度</a>
      </p>
    </Layout>
  )
}

/** What the status page shows of a case: no name, no description, nothing personal. */
export interface StatusView {
  queryCode: string
  agencyName: string
  receivedOn: string
  stageLabel: string
  dueBy: string | null
  provisional: boolean
  concludedOn: string | null
  outcomeLabel: string | null
  deliveredOn: string | null
  steps: { label: string; on: string }[]
  supplement: { request: string; completeBy: string; requestedOn: string } | null
  letters: Letter[]
  disclosedFiles: { id: number; fileName: string; size: string }[]
  secondFactor: 'idTail' | 'email' | 'phone'
  secondFactorLabel: string
  downloadsUnlocked: boolean
}

function Supplement(props: { s: StatusView; csrf: string; errors?: Problems }) {
  const sup = props.s.supplement
  if (!sup) return null
  return (
    <section aria-labelledby="supplement" class="missing">
      <h2 id="supplement">需要补正</h2>
      <p>
        {props.s.agencyName}于{sup.requestedOn}告知您补正申请。需要补正的事项：
      </p>
      <p id="missing-what">{sup.request}</p>
      <p>
        请于{' '}
        <span class="by" id="complete-by">
          {sup.completeBy}
        </span>{' '}
        前补正。答复期限自收到补正后的申请之日起重新计算（20个工作日）；无正当理由逾期不补正的，视为放弃申请。
      </p>
      <form
        method="post"
        action="/apply/supplement"
        enctype="multipart/form-data"
        class="form supplement-form"
        aria-labelledby="supplement-form-title"
      >
        <h3 id="supplement-form-title">在线提交补正</h3>
        <FieldErrors errors={props.errors} id="supplement-errors" />
        <Csrf token={props.csrf} />
        <input type="hidden" name="code" value={props.s.queryCode} />
        <label for="f-text">补正内容</label>
        <textarea id="f-text" name="text" rows={5} required />
        <label for="f-supplementFile">补正材料（可选；PDF、JPEG 或 PNG，每个不超过5MB）</label>
        <input
          id="f-supplementFile"
          name="supplementFile"
          type="file"
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        />
        <button type="submit">提交补正</button>
      </form>
    </section>
  )
}

function DisclosedFiles(props: { s: StatusView; csrf: string; errors?: Problems; codeSent?: boolean }) {
  const s = props.s
  if (s.disclosedFiles.length === 0) return null
  const q = encodeURIComponent(s.queryCode)
  return (
    <section aria-labelledby="files">
      <h2 id="files">公开的政府信息文件</h2>
      {s.downloadsUnlocked ? (
        <ul class="files">
          {s.disclosedFiles.map((f) => (
            <li key={f.id}>
              <a href={`/apply/files/${f.id}?code=${q}`}>{f.fileName}</a>（{f.size}）
            </li>
          ))}
        </ul>
      ) : (
        <>
          <ul class="files">
            {s.disclosedFiles.map((f) => (
              <li key={f.id}>
                {f.fileName}（{f.size}）
              </li>
            ))}
          </ul>
          <p>下载前请完成身份验证（申请时选择的方式：{s.secondFactorLabel}）。首次下载之日记为送达日期。</p>
          <FieldErrors errors={props.errors} id="verify-errors" />
          {s.secondFactor !== 'idTail' ? (
            <form method="post" action="/apply/status/code" class="form narrow verify-form">
              <Csrf token={props.csrf} />
              <input type="hidden" name="code" value={s.queryCode} />
              <button type="submit">{props.codeSent ? '重新发送验证码' : '发送验证码'}</button>
              {props.codeSent ? <p role="status">验证码已发送，15分钟内有效。</p> : null}
            </form>
          ) : null}
          <form method="post" action="/apply/status/verify" class="form narrow verify-form">
            <Csrf token={props.csrf} />
            <input type="hidden" name="code" value={s.queryCode} />
            <label for="f-answer">{s.secondFactor === 'idTail' ? '证件号码后6位' : '验证码'}</label>
            <input id="f-answer" name="answer" autocomplete="off" required maxLength={20} />
            <button type="submit">验证并下载</button>
          </form>
        </>
      )}
    </section>
  )
}

export function StatusPage(props: {
  status: StatusView | null
  code: string
  csrf: string
  notFound?: boolean
  /** a supplement that came back with problems, or a verification that failed */
  supplementErrors?: Problems
  verifyErrors?: Problems
  supplementSent?: boolean
  codeSent?: boolean
}) {
  const s = props.status
  return (
    <Layout title="申请办理进度查询">
      <ApplyAssets />
      <h1>申请办理进度查询</h1>
      <form method="get" action="/apply/status" class="form narrow lookup" role="search">
        <label for="code">查询码</label>
        <input id="code" name="code" value={props.code} autocomplete="off" required />
        <button type="submit">查询</button>
      </form>
      {props.notFound ? (
        <p class="errors" role="alert">
          未找到该查询码对应的申请，请核对后重试。
        </p>
      ) : null}
      {/* a supplement refused where the page has no supplement form (the case needs none) */}
      {s && !s.supplement ? <FieldErrors errors={props.supplementErrors} id="supplement-errors" /> : null}
      {props.supplementSent ? (
        <p role="status" class="notice" id="supplement-sent">
          补正材料已提交。答复期限自收到补正之日起重新计算，见下方“答复期限”。
        </p>
      ) : null}
      {s ? (
        <>
          <section aria-labelledby="progress">
            <h2 id="progress">办理进度</h2>
            <dl class="facts">
              <dt>受理机关</dt>
              <dd>{s.agencyName}</dd>
              <dt>收到日期</dt>
              <dd>{s.receivedOn}</dd>
              <dt>当前环节</dt>
              <dd id="stage">{s.stageLabel}</dd>
              <dt>答复期限</dt>
              <dd id="due-by">
                {s.dueBy ?? '待补正后重新计算'}
                {s.provisional ? '（暂定）' : ''}
              </dd>
              {s.concludedOn ? (
                <>
                  <dt>答复日期</dt>
                  <dd>{s.concludedOn}</dd>
                  <dt>办理结果</dt>
                  <dd id="outcome">{s.outcomeLabel}</dd>
                </>
              ) : null}
              {s.deliveredOn ? (
                <>
                  <dt>送达日期</dt>
                  <dd id="delivered-on">{s.deliveredOn}</dd>
                </>
              ) : null}
            </dl>
          </section>
          <Supplement s={s} csrf={props.csrf} errors={props.supplementErrors} />
          <section aria-labelledby="steps-title">
            <h2 id="steps-title">办理过程</h2>
            <ol class="steps" id="steps">
              {s.steps.map((st, i) => (
                <li key={i}>
                  <span class="date">{st.on}</span>
                  {st.label}
                </li>
              ))}
            </ol>
          </section>
          <DisclosedFiles s={s} csrf={props.csrf} errors={props.verifyErrors} codeSent={props.codeSent} />
          <section aria-labelledby="my-data">
            <h2 id="my-data">我的个人信息</h2>
            <p>
              查看本机关保存的您的个人信息、上传的材料、发给您的消息以及匿名化的时间，并可下载完整副本（需完成身份验证）：
              <a href={`/apply/me?code=${encodeURIComponent(s.queryCode)}`}>查看我的个人信息</a>
            </p>
          </section>
          {s.letters.length ? (
            <section aria-labelledby="reply">
              <h2 id="reply">告知书和答复书</h2>
              {[...s.letters].reverse().map((l) => (
                <LetterHtml key={l.number} letter={l} />
              ))}
            </section>
          ) : null}
        </>
      ) : null}
    </Layout>
  )
}
