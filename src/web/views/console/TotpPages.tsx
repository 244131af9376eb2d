import type { PageContext } from './ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from './ConsoleLayout.js'

type Problems = { field: string; message: string }[] | undefined

function CodeField(props: { label: string; hint: string }) {
  return (
    <>
      <label for="code">{props.label}</label>
      <p id="code-hint" class="hint">
        {props.hint}
      </p>
      <input
        id="code"
        name="code"
        inputmode="numeric"
        autocomplete="one-time-code"
        aria-describedby="code-hint"
        maxlength={20}
        required
      />
    </>
  )
}

/** The second step of signing in: the code of one's authenticator app. */
export function TotpPage(props: { page: PageContext; errors?: Problems }) {
  return (
    <ConsoleLayout title="动态验证码" page={props.page}>
      <h1>输入动态验证码</h1>
      <p>密码已核对。请打开手机上的验证器应用，输入本平台当前显示的6位数字。</p>
      <Errors errors={props.errors} />
      <form method="post" action="/console/totp" class="form narrow">
        <Csrf token={props.page.csrf} />
        <CodeField label="动态验证码" hint="6位数字，每30秒更新。手机丢失时可输入一个恢复码（形如 1a2b3-c4d5e）。" />
        <button type="submit">验证</button>
      </form>
    </ConsoleLayout>
  )
}

/** Enrolment: the QR code and the key typed by hand, then a first code to prove the app holds it. */
export function TotpEnrolPage(props: {
  page: PageContext
  required: boolean
  secret: string
  /** data: URL of the QR code (SVG) */
  qr: string
  errors?: Problems
}) {
  const grouped = props.secret.replace(/(.{4})/g, '$1 ').trim()
  return (
    <ConsoleLayout title="绑定动态验证码" page={props.page}>
      <h1>绑定动态验证码</h1>
      {props.required ? <p class="banner">管理员账号须使用动态验证码（双因素认证）登录。请先完成绑定。</p> : null}
      <ol class="steps">
        <li>在手机上打开验证器应用（如腾讯身份验证器、Microsoft Authenticator、Google Authenticator、FreeOTP）。</li>
        <li>扫描下方二维码；无法扫描时，选择手动输入密钥。</li>
        <li>输入应用显示的6位数字，完成绑定。</li>
      </ol>
      <figure class="totp-qr">
        <img src={props.qr} width={200} height={200} alt="动态验证码绑定二维码（内容为下方密钥）" />
        <figcaption>
          手动输入的密钥：
          <code id="totp-secret" data-secret={props.secret}>
            {grouped}
          </code>
          （基于时间，6位，30秒）
        </figcaption>
      </figure>
      <Errors errors={props.errors} />
      <form method="post" action="/console/totp/enrol" class="form narrow">
        <Csrf token={props.page.csrf} />
        <CodeField label="应用显示的验证码" hint="6位数字，每30秒更新。" />
        <button type="submit">完成绑定</button>
      </form>
    </ConsoleLayout>
  )
}

/** After enrolment: the recovery codes, shown this once. */
export function RecoveryCodesPage(props: { page: PageContext; codes: string[]; next: string }) {
  return (
    <ConsoleLayout title="恢复码" page={props.page}>
      <h1>动态验证码已绑定</h1>
      <p class="ok">以后登录时，输入密码后还须输入验证器应用显示的验证码。</p>
      <h2>恢复码</h2>
      <p>手机丢失时，每个恢复码可代替验证码使用一次。请打印或抄写后妥善保管；本页关闭后不再显示。</p>
      <ul class="recovery-codes">
        {props.codes.map((c) => (
          <li>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href={props.next}>已保存，进入工作台</a>
      </p>
    </ConsoleLayout>
  )
}
