import type { ComponentChildren } from 'preact'
import { render } from 'preact-render-to-string'

/** 适老化 display: large text and high contrast, chosen by a link (a cookie; no script, see /a11y). */
export type DisplayMode = 'normal' | 'elder'

/** The page frame of every server-rendered page: Chinese, no inline script, works without JavaScript. */
export function Layout(props: { title: string; children: ComponentChildren; mode?: DisplayMode; path?: string }) {
  const back = encodeURIComponent(props.path ?? '/')
  const elder = props.mode === 'elder'
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - gongkai 政府信息公开平台`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body class={elder ? 'elder' : undefined}>
        <a class="skip" href="#main">
          跳到正文
        </a>
        <header class="site-header">
          <a href="/" class="brand">
            gongkai 政府信息公开平台
          </a>
          <nav class="site-nav" aria-label="主导航">
            <a href="/">首页</a>
            <a href="/search">信息检索</a>
            <a href="/interaction">政民互动</a>
            <a href="/apply">依申请公开</a>
            <a href="/report-check">年报体检</a>
            <a href={`/a11y?mode=${elder ? 'normal' : 'elder'}&back=${back}`}>
              {elder ? '标准模式' : '适老化模式（大字、高对比）'}
            </a>
          </nav>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site-footer">依据《中华人民共和国政府信息公开条例》（国务院令第711号）</footer>
      </body>
    </html>
  )
}

/** Renders a page to an HTML document; every text node and attribute is escaped by preact. */
export function renderPage(node: preact.VNode): string {
  return `<!doctype html>${render(node)}`
}
