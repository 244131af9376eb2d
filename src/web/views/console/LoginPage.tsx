import type { PageContext } from './ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from './ConsoleLayout.js'

export function LoginPage(props: { page: PageContext; next: string; message?: string; username?: string }) {
  return (
    <ConsoleLayout title="登录" page={props.page}>
      <h1>工作人员登录</h1>
      {props.message ? <Errors errors={[{ field: 'login', message: props.message }]} /> : null}
      <form method="post" action="/console/login" class="form narrow">
        <Csrf token={props.page.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <label for="username">用户名</label>
        <input id="username" name="username" autocomplete="username" required value={props.username ?? ''} />
        <label for="password">密码</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">登录</button>
      </form>
    </ConsoleLayout>
  )
}

export function PasswordPage(props: {
  page: PageContext
  forced: boolean
  errors?: { field: string; message: string }[]
  done?: boolean
}) {
  return (
    <ConsoleLayout title="修改密码" page={props.page}>
      <h1>修改密码</h1>
      {props.forced ? <p class="banner">首次登录须修改管理员设置的初始密码。</p> : null}
      {props.done ? <p class="ok">密码已修改。</p> : null}
      <Errors errors={props.errors} />
      <form method="post" action="/console/password" class="form narrow">
        <Csrf token={props.page.csrf} />
        <label for="current">当前密码</label>
        <input id="current" name="current" type="password" autocomplete="current-password" required />
        <label for="next">新密码（至少10位，含大写字母、小写字母、数字、符号中的三类）</label>
        <input id="next" name="next" type="password" autocomplete="new-password" required />
        <button type="submit">保存新密码</button>
      </form>
    </ConsoleLayout>
  )
}
