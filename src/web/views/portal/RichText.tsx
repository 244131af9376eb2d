import type { ComponentChildren } from 'preact'
import { h } from 'preact'
import type { Node as HtmlNode } from 'node-html-parser'
import { HTMLElement, TextNode, parse } from 'node-html-parser'
import { BODY_ATTRIBUTES, BODY_TAGS } from '../../../domain/catalog/body.js'

// A document body is stored sanitised (domain/catalog/body.ts). It is still rendered through preact, node by
// node, with the same allow-list: text is escaped by preact and no raw HTML reaches the page.
const TAGS = new Set(BODY_TAGS)
const ATTRS = BODY_ATTRIBUTES
const SAFE_URL = /^(https?:|mailto:|\/(?!\/)|#)/i

function convert(node: HtmlNode, key: number): ComponentChildren {
  if (node instanceof TextNode) return node.text
  if (!(node instanceof HTMLElement)) return null
  const kids = node.childNodes.map((c, i) => convert(c, i))
  const tag = node.rawTagName?.toLowerCase()
  if (!tag || !TAGS.has(tag)) return kids
  const props: Record<string, string | number> = { key }
  for (const name of ATTRS[tag] ?? []) {
    const v = node.getAttribute(name)
    if (v === undefined) continue
    if (name === 'href' && !SAFE_URL.test(v.trim())) continue
    props[name] = v
  }
  // demoted headings keep the page outline (the title is the only h1)
  const el = h(tag, props, ...(tag === 'br' ? [] : kids))
  // a wide table scrolls in its own box, reachable by keyboard; the page keeps the screen's width
  return tag === 'table' ? h('div', { key, class: 'table-scroll', tabIndex: 0 }, el) : el
}

export function RichText(props: { html: string }) {
  const root = parse(props.html)
  return <div class="doc-body">{root.childNodes.map((c, i) => convert(c, i))}</div>
}
