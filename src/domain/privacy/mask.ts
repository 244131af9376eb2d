import type { Finding, PersonalDataKind } from './findings.js'
import { surnameOf } from './surnames.js'

// The masks follow the forms Chinese agencies and banks print (GB/T 35273 个人信息去标识化 practice): enough is kept to
// tell two records apart, never enough to reach the person. Separators the writer used are kept, so a masked text
// reads like the original.

/** replaces the digits at the given positions (counted over digits only) with *, keeping every other character */
function maskDigits(s: string, keep: (i: number, total: number) => boolean): string {
  const total = (s.match(/[0-9Xx]/g) ?? []).length
  let i = 0
  let out = ''
  for (const ch of s) {
    if (/[0-9Xx]/.test(ch)) {
      out += keep(i, total) ? ch : '*'
      i++
    } else out += ch
  }
  return out
}

function maskId(found: string): string {
  const s = found.replace(/\s/g, '')
  return s.slice(0, 4) + '*'.repeat(Math.max(0, s.length - 8)) + s.slice(-4)
}

function maskMobile(found: string): string {
  // the country code, when written, stays; of the 11 national digits the 4th to 7th are hidden (138****0000)
  const m = /^(\+?86[ -]?|0086[ -]?)?(.*)$/.exec(found)
  const prefix = m?.[1] ?? ''
  return prefix + maskDigits(m?.[2] ?? found, (i) => i < 3 || i >= 7)
}

function maskLandline(found: string): string {
  // area code kept, the local number's middle hidden, its last four kept: 0591-****4321; an extension stays
  const m = /^([(（]?\s*0\d{2,3}\s*[)）]?\s*[-—–－ ]?\s*)?(\d{3,4}[ -]?\d{4})(.*)$/.exec(found)
  if (!m) return maskDigits(found, (i, n) => i >= n - 4)
  return (m[1] ?? '') + maskDigits(m[2] ?? '', (i, n) => i >= n - 4) + (m[3] ?? '')
}

function maskBankCard(found: string): string {
  // first four (the issuing bank) and last four, no separators: 6222***********1234 (the length stays visible)
  const d = found.replace(/\D/g, '')
  return d.slice(0, 4) + '*'.repeat(Math.max(0, d.length - 8)) + d.slice(-4)
}

function maskPlate(found: string): string {
  // province and issuing office kept (闽A), the serial hidden but its last two: 闽A·***45
  const head = found.slice(0, 2)
  const rest = found.slice(2)
  const sep = /^[·•・.．\s-]/.test(rest) ? rest[0]! : ''
  const serial = rest.slice(sep.length)
  return head + sep + '*'.repeat(Math.max(0, serial.length - 2)) + serial.slice(-2)
}

const PLACE_END = /(?:大道|路|街|巷|弄|胡同|村|社区|小区|花园|新村|家园|公寓|苑|组)/g

function maskAddress(found: string): string {
  // kept down to the street, village or estate; every number after it (号, 栋, 单元, 室, 组) hidden
  let keep = 0
  for (const m of found.matchAll(PLACE_END)) {
    const after = found.slice(m.index + m[0].length)
    // a street is kept only if a number follows it: 五四路158号 keeps 五四路, not the 号 after it
    if (/\d/.test(found.slice(0, m.index))) break
    if (/^[\d一二三四五六七八九十百零〇\u4e00-\u9fa5]/.test(after)) keep = m.index + m[0].length
  }
  if (keep === 0) keep = Math.max(0, found.search(/\d/))
  return (
    found.slice(0, keep) + found.slice(keep).replace(/[\d一二三四五六七八九十百零〇]+|[A-Za-z](?=[栋幢座#号])/g, '*')
  )
}

function maskName(found: string): string {
  if (found.includes('·')) return found.split('·')[0] + '·某某'
  const surname = surnameOf(found) ?? found.slice(0, 1)
  return surname + (found.length - surname.length >= 2 ? '某某' : '某')
}

export function maskFinding(kind: PersonalDataKind, found: string): string {
  switch (kind) {
    case 'idNumber':
      return maskId(found)
    case 'mobile':
      return maskMobile(found)
    case 'landline':
      return maskLandline(found)
    case 'bankCard':
      return maskBankCard(found)
    case 'plate':
      return maskPlate(found)
    case 'address':
      return maskAddress(found)
    case 'name':
      return maskName(found)
  }
}

/**
 * A number whose kind no detector decided (a field the applicant filled in, a term staff searched by), masked by its
 * shape with the same masks as a finding: an ID number, a mainland mobile or a landline; anything else keeps its
 * last four characters.
 */
export function maskNumber(v: string): string {
  const bare = v.replace(/[\s-]/g, '')
  if (/^\d{17}[\dXx]$|^\d{15}$/.test(bare)) return maskId(bare)
  if (/^(\+?86|0086)?1\d{10}$/.test(bare)) return maskMobile(v)
  if (/^0\d{9,11}$/.test(bare)) return maskLandline(v)
  return v.length <= 4 ? '*'.repeat(v.length) : '*'.repeat(v.length - 4) + v.slice(-4)
}

/** An e-mail address: the mailbox's first character and the domain (z***@example.com). */
export function maskEmail(v: string): string {
  const at = v.indexOf('@')
  return at <= 0 ? '*'.repeat(v.length) : `${v.slice(0, 1)}***${v.slice(at)}`
}

/** Where a message went: an e-mail address or a phone number. */
export function maskContact(v: string): string {
  return v.includes('@') ? maskEmail(v) : maskNumber(v)
}

/** the text with each finding replaced by its `masked` form (findings that overlap an earlier one are skipped) */
export function applyMasks(text: string, findings: readonly Finding[]): string {
  let out = ''
  let at = 0
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue
    out += text.slice(at, f.start) + f.masked
    at = f.end
  }
  return out + text.slice(at)
}
