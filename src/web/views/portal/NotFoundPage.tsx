import type { DisplayMode } from '../Layout.js'
import { Layout } from '../Layout.js'

export function NotFoundPage(props: { what: string; mode: DisplayMode }) {
  return (
    <Layout title="未找到" mode={props.mode}>
      <h1>未找到{props.what}</h1>
      <p>该页面不存在或信息已不再公开。</p>
      <p>
        <a href="/">返回首页</a> · <a href="/search">信息检索</a>
      </p>
    </Layout>
  )
}
