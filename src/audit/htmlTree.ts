// The element tree of a hostile HTML page, built in one linear pass (issue 15 finding 1, decision 0029).
// htmlparser2's own Parser keeps its open elements with unshift and looks a closing tag up across the whole
// stack, so a page of 90,000 nested <div> takes seconds; node-html-parser is as slow and reads text back
// recursively. Here htmlparser2's tokenizer (linear) feeds a stack of our own: push and pop at its end and a
// count of open elements per tag, so an opening or closing tag costs the same at any depth.
import { Tokenizer } from 'htmlparser2'

export interface HtmlElement {
  tag: string
  attrs: Map<string, string> | undefined
  children: HtmlNode[]
}
/** An element, or a run of text (entities decoded). */
export type HtmlNode = HtmlElement | string

/** More elements than any report page has (the largest of the corpus has about 6,000). */
export const MAX_HTML_NODES = 200_000
/** Deeper than any report page nests; deeper elements give their text to the element at this depth. */
export const MAX_HTML_DEPTH = 256

/** A page past the node budget: not read at all (the form says why). */
export class HtmlTooComplex extends Error {
  readonly code = 'REPORT_TOO_COMPLEX'
  constructor() {
    super(`网页结构过于复杂（超过 ${MAX_HTML_NODES} 个元素），无法检查：请另存为文本后粘贴`)
  }
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])
const P_CLOSERS = ['p', 'div', 'table', 'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote']
/** An opening tag closes these when they are the innermost open element (the HTML parsing rules, abridged). */
const IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'td', 'th'])],
  ['td', new Set(['td', 'th'])],
  ['th', new Set(['td', 'th'])],
  ['tbody', new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'])],
  ['tfoot', new Set(['thead', 'tbody', 'tr', 'td', 'th'])],
  ['li', new Set(['li'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['option', new Set(['option'])],
  ...P_CLOSERS.map((t): [string, ReadonlySet<string>] => [t, new Set(['p'])]),
])

/** The page's tree under a root element (tag ''), or HtmlTooComplex past the node budget. */
export function htmlTree(html: string): HtmlElement {
  const root: HtmlElement = { tag: '', attrs: undefined, children: [] }
  const stack: HtmlElement[] = [root]
  const open = new Map<string, number>()
  let nodes = 0
  let tag = ''
  let attrs: Map<string, string> | undefined
  let attrName = ''
  let attrValue = ''
  const top = () => stack[stack.length - 1] as HtmlElement // the root is never popped
  const text = (s: string) => {
    const kids = top().children
    const last = kids.length - 1
    if (typeof kids[last] === 'string') kids[last] += s
    else kids.push(s)
  }
  const pop = () => {
    const el = stack.pop() as HtmlElement // only called while an element above the root is open
    open.set(el.tag, (open.get(el.tag) ?? 1) - 1)
  }
  const openTag = () => {
    if (++nodes > MAX_HTML_NODES) throw new HtmlTooComplex()
    const closes = IMPLIES_CLOSE.get(tag)
    while (closes && stack.length > 1 && closes.has(top().tag)) pop()
    const el: HtmlElement = { tag, attrs, children: [] }
    if (stack.length > MAX_HTML_DEPTH) {
      // past the depth budget the element is not kept: its text joins its ancestor's, a line of its own
      text('\n')
      return
    }
    top().children.push(el)
    if (VOID.has(tag)) return
    stack.push(el)
    open.set(tag, (open.get(tag) ?? 0) + 1)
  }
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname: (start, end) => {
        tag = html.slice(start, end).toLowerCase()
        attrs = undefined
      },
      onattribname: (start, end) => {
        attrName = html.slice(start, end).toLowerCase()
        attrValue = ''
      },
      onattribdata: (start, end) => {
        attrValue += html.slice(start, end)
      },
      onattribentity: (cp) => {
        attrValue += String.fromCodePoint(cp)
      },
      onattribend: () => {
        ;(attrs ??= new Map()).set(attrName, attrValue)
      },
      onopentagend: openTag,
      onselfclosingtag: openTag,
      onclosetag: (start, end) => {
        const name = html.slice(start, end).toLowerCase()
        if (name === 'br') {
          tag = 'br'
          attrs = undefined
          openTag()
          return
        }
        if (!open.get(name)) return
        while (stack.length > 1) {
          const closed = top().tag
          pop()
          if (closed === name) break
        }
      },
      ontext: (start, end) => text(html.slice(start, end)),
      ontextentity: (cp) => text(String.fromCodePoint(cp)),
      oncdata: () => undefined,
      oncomment: () => undefined,
      ondeclaration: () => undefined,
      onprocessinginstruction: () => undefined,
      onend: () => undefined,
    },
  )
  tokenizer.write(html)
  tokenizer.end()
  return root
}

/** The text under `el` in document order, leaving out the tags `skip` names. */
export function textOf(el: HtmlElement, skip: ReadonlySet<string>): string {
  const parts: string[] = []
  const stack: HtmlNode[] = [el]
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (typeof n === 'string') parts.push(n)
    else if (!skip.has(n.tag)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as HtmlNode)
  }
  return parts.join('')
}
