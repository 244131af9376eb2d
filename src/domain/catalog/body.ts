import sanitizeHtml from 'sanitize-html'

// Rich text of a document body: the tags an editor produces for a government notice, no scripts, no styles,
// links only to http(s), mailto and site-relative addresses.
/** The tags a body may keep. */
export const BODY_TAGS: readonly string[] = [
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'ul',
  'ol',
  'li',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'blockquote',
]
/** The attributes each tag may keep. */
export const BODY_ATTRIBUTES: Readonly<Record<string, string[]>> = {
  a: ['href', 'title'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
}
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...BODY_TAGS],
  allowedAttributes: { ...BODY_ATTRIBUTES },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
}

/** The body as it is stored and shown: sanitised HTML. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS)
}

/** Plain text of a body (for search and snippets): tags dropped, entities decoded, blank runs collapsed. */
export function bodyText(html: string): string {
  // a table row is a line, its cells apart (a report's figures are not run together: 「48 0 1 49」, not 「48149」)
  const lines = html
    .replace(/<\/(p|h[2-4]|li|tr|blockquote|caption)>|<br\s*\/?>/gi, '$&\n')
    .replace(/<\/t[dh]>/gi, '$& ')
  const text = sanitizeHtml(lines, {
    allowedTags: [],
    allowedAttributes: {},
  })
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Plain text made into a body: one paragraph per line (imports and the demo). */
export function textToBody(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${esc(l)}</p>`)
    .join('')
}

/**
 * What a drafter typed into the body field, as a stored body (decision 0019): pasted rich text (it holds a
 * paragraph, heading, list, table, quote or line-break tag) is sanitised; anything else is plain text, one
 * paragraph per line, a stray `<tag>` in it shown as typed.
 */
export function bodyFromInput(input: string): string {
  return /<(p|h[1-6]|ul|ol|table|blockquote|div|br)\b[^>]*>/i.test(input) ? sanitizeBody(input) : textToBody(input)
}

/**
 * A stored body as the drafting form shows it again: plain paragraphs as lines of text (what `textToBody` made
 * of them), anything richer as its HTML. `bodyFromInput(bodyForEditing(b))` gives `b` back.
 */
export function bodyForEditing(html: string): string {
  if (!/^(<p>[^<]*<\/p>)*$/.test(html)) return html
  return bodyText(html)
}
