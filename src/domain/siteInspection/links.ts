import { parse } from 'node-html-parser'

// 《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）“链接可用性”：首页及其他页面不能正常访问的链接（含图片、附件）。

export type LinkTarget =
  | { kind: 'internal'; path: string }
  | { kind: 'external'; url: string }
  | { kind: 'unsafe'; href: string }
  | { kind: 'skip' }

/** Every link a page makes: a[href], link[href], img[src], script[src]. */
export function linksOf(html: string): string[] {
  const root = parse(html)
  const out: string[] = []
  for (const el of root.querySelectorAll('a[href], link[href]')) out.push(el.getAttribute('href') ?? '')
  for (const el of root.querySelectorAll('img[src], script[src]')) out.push(el.getAttribute('src') ?? '')
  return out.filter((h) => h !== '')
}

/** Where a link on the page at `pagePath` goes, as the site inspection treats it. */
export function classifyLink(href: string, pagePath: string, siteOrigin: string): LinkTarget {
  const h = href.trim()
  if (h.startsWith('#') || /^(mailto|tel):/i.test(h)) return { kind: 'skip' }
  if (/^\s*(javascript|data|vbscript):/i.test(h)) return { kind: 'unsafe', href: h }
  let url: URL
  try {
    url = new URL(h, `${siteOrigin}${pagePath}`)
  } catch {
    return { kind: 'unsafe', href: h }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'unsafe', href: h }
  if (url.origin !== siteOrigin) return { kind: 'external', url: url.href }
  return { kind: 'internal', path: `${url.pathname}${url.search}` }
}
