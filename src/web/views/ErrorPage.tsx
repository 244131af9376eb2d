import type { DisplayMode } from './Layout.js'
import { Layout } from './Layout.js'

/** What a person is told when a page cannot be shown: in Chinese, with the fields at fault and no stack trace. */
interface ErrorPageProps {
  status: number
  message: string
  /** the fields at fault (a form or a query string), each named in Chinese */
  errors?: { field: string; message: string }[]
  /** the id under which a 500 was logged, to quote to the administrator */
  incident?: string
  /** a console page's error links back to the console, a portal page's to the portal */
  console: boolean
  mode?: DisplayMode
}

const TITLES: Record<number, string> = {
  400: '提交的内容有误',
  401: '请先登录',
  403: '无权访问',
  404: '未找到页面',
  409: '操作与当前状态冲突',
  413: '上传的内容过大',
  415: '不支持的提交格式',
  422: '不符合法定要求',
  429: '操作过于频繁',
}

function errorTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? '系统错误' : '请求无法完成')
}

export function ErrorPage(props: ErrorPageProps) {
  const title = errorTitle(props.status)
  const showMessage = props.message !== title && !props.errors?.length
  return (
    <Layout title={title} mode={props.mode}>
      <section class="error-page" aria-labelledby="error-title">
        <h1 id="error-title">{title}</h1>
        {showMessage ? <p class="error-message">{props.message}</p> : null}
        {props.errors?.length ? (
          <div class="errors" role="alert">
            <p>请修改以下问题：</p>
            <ul>
              {props.errors.map((e) => (
                <li key={e.field + e.message}>{e.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {props.incident ? (
          <p class="incident">
            事件编号：<strong>{props.incident}</strong>
            （如仍不能完成，请把这个编号告诉系统管理员，以便查找原因。）
          </p>
        ) : null}
        <p class="error-links">
          {props.console ? (
            <>
              {props.status === 401 ? (
                <>
                  <a href="/console/login">登录</a> ·{' '}
                </>
              ) : null}
              <a href="/console">返回工作台</a> · <a href="/">门户首页</a>
            </>
          ) : (
            <>
              <a href="/">返回首页</a> · <a href="/search">信息检索</a>
            </>
          )}
        </p>
      </section>
    </Layout>
  )
}
