// A results page shows a short passage around the first query word, the words marked. The snippet is data
// (plain text segments), so the view escapes it like any other text.

export interface SnippetPart {
  text: string
  hit: boolean
}

/** Splits `text` into marked and plain parts wherever one of `terms` occurs (case-insensitive). */
export function markTerms(text: string, terms: readonly string[]): SnippetPart[] {
  const words = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length)
  if (words.length === 0) return [{ text, hit: false }]
  const lower = text.toLowerCase()
  const parts: SnippetPart[] = []
  let i = 0
  let plain = ''
  while (i < text.length) {
    const w = words.find((x) => lower.startsWith(x, i))
    if (w) {
      if (plain) parts.push({ text: plain, hit: false })
      plain = ''
      parts.push({ text: text.slice(i, i + w.length), hit: true })
      i += w.length
    } else {
      plain += text[i]
      i++
    }
  }
  if (plain) parts.push({ text: plain, hit: false })
  return parts
}

/** About `width` characters of `text` around the first occurrence of a term, marked. */
export function snippet(text: string, terms: readonly string[], width = 120): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim()
  const lower = flat.toLowerCase()
  let first = -1
  for (const t of terms) {
    const at = t ? lower.indexOf(t) : -1
    if (at >= 0 && (first < 0 || at < first)) first = at
  }
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 3))
  const end = Math.min(flat.length, start + width)
  const cut = `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
  return markTerms(cut, terms)
}
