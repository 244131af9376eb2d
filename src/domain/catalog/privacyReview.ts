import type { Finding } from '../privacy/index.js'
import { applyMasks } from '../privacy/index.js'
import { bodyText, textToBody } from './body.js'

// The 保密审查 step's part of de-identification (issue 17 point 2, decision 0047). The 福州 seed: "除惩戒性公示、
// 强制性信息披露外，对于其他涉及个人隐私的政府信息，公开时做好去标识化处理". The detector (domain/privacy) proposes; the
// reviewer decides each finding; publication applies what was accepted.

/** The two kinds of publication the seed exempts from de-identification. */
export const EXEMPTIONS = [
  { code: 'penalty', label: '惩戒性公示' },
  { code: 'mandatory', label: '强制性信息披露' },
] as const
type Exemption = (typeof EXEMPTIONS)[number]['code']

const PRIVACY_DECISIONS = [
  { code: 'accept', label: '采纳去标识化' },
  { code: 'keep', label: '保留原文' },
  { code: 'exempt', label: '不要求去标识化（豁免）' },
] as const

export const isExemption = (s: string | null | undefined): s is Exemption => EXEMPTIONS.some((e) => e.code === s)
export const exemptionLabel = (s: string | null) => EXEMPTIONS.find((e) => e.code === s)?.label ?? ''
export const decisionLabel = (s: string) => PRIVACY_DECISIONS.find((d) => d.code === s)?.label ?? s

/** The body's findings are 'body'; an attachment's are `attachment:<id>`. */
export const BODY_SOURCE = 'body'
export const attachmentSource = (id: number) => `attachment:${id}`

/** A finding in one version of one text (the version: SHA-256 of the text examined). */
export interface SourcedFinding extends Finding {
  source: string
  version: string
}

/** Where a decision belongs: one finding in one version of one text. */
interface FindingRef {
  source: string
  version: string
  kind: string
  start: number
  end: number
}

export const findingKey = (f: FindingRef) => `${f.source}|${f.version}|${f.start}|${f.end}|${f.kind}`

/** Why a reviewer's decision on a finding cannot be recorded, or null: 保留原文 needs its reason. */
export function decisionProblem(decision: string, reason: string): string | null {
  if (decision !== 'accept' && decision !== 'keep') return '请选择采纳去标识化或保留原文'
  if (decision === 'keep' && !reason.trim()) return '保留原文须填写理由'
  return null
}

/** Why an exemption cannot be recorded, or null: the kind named, and its reason. */
export function exemptionProblem(exempt: string, reason: string): string | null {
  if (exempt === '') return null
  if (!isExemption(exempt)) return '请选择惩戒性公示或强制性信息披露'
  if (!reason.trim()) return '标记为惩戒性公示或强制性信息披露须填写理由'
  return null
}

/**
 * Why the 保密审查 step may not approve yet, or null. Every finding is decided (an exempt document's undecided
 * findings are recorded as exempt at approval); an accepted finding in an attachment cannot be masked by the
 * platform (decision 0047), so the attachment must be replaced first.
 */
export function secrecyBlock(
  findings: readonly SourcedFinding[],
  decided: ReadonlyMap<string, string>,
  exempt: boolean,
  sourceName: (source: string) => string,
): string | null {
  const open = findings.filter((f) => !decided.has(findingKey(f)))
  if (open.length && !exempt) return `尚有 ${open.length} 项个人信息未逐项确认（采纳去标识化或保留原文），不能审核通过`
  const inFiles = findings.filter((f) => f.source !== BODY_SOURCE && decided.get(findingKey(f)) === 'accept')
  if (inFiles.length) {
    const names = [...new Set(inFiles.map((f) => `「${sourceName(f.source)}」`))].join('、')
    return `附件${names}中有 ${inFiles.length} 项个人信息须去标识化：系统不能改写附件，请退回起草人替换为去标识化后的附件`
  }
  return null
}

/** A finding in its context: the text around it, for the reviewer to judge. */
export function contextOf(text: string, f: { start: number; end: number }, width = 24) {
  const from = Math.max(0, f.start - width)
  const to = Math.min(text.length, f.end + width)
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, f.start),
    found: text.slice(f.start, f.end),
    after: text.slice(f.end, to) + (to < text.length ? '…' : ''),
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * The body as published: each accepted finding's text replaced by its mask in the text of the HTML (tags and
 * markup kept). `text` is the stored body text (`bodyText(html)`, which the findings' offsets index). Should a
 * finding run across tags (part of it bold, say), the HTML cannot be masked in place: the body is rebuilt from
 * the masked text, plain paragraphs, so that nothing accepted for masking is ever published.
 */
export function maskedBody(html: string, text: string, accepted: readonly Finding[]): { html: string; text: string } {
  if (!accepted.length) return { html, text }
  const pairs = [...new Map(accepted.map((f) => [f.found, f.masked])).entries()].sort(
    (a, b) => b[0].length - a[0].length,
  )
  const masked = html
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.startsWith('<') ? part : pairs.reduce((s, [from, to]) => s.split(esc(from)).join(esc(to)), part),
    )
    .join('')
  const maskedText = bodyText(masked)
  if (!accepted.some((f) => maskedText.includes(f.found))) return { html: masked, text: maskedText }
  const fallback = textToBody(applyMasks(text, accepted))
  return { html: fallback, text: bodyText(fallback) }
}
