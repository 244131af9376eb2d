/**
 * Personal data removed from a letter before it is published (《个人信息保护法》第四条、第二十八条: a citizen's
 * ID number, phone, e-mail and name are personal information). What cannot be recognised by its shape (an
 * address, a neighbour's name) is the office's to remove before it consents: docs/decisions/0036-letters.md.
 */
const PATTERNS: readonly [RegExp, string][] = [
  // 居民身份证号码 (GB 11643): 17 digits and a check character
  [/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, '[身份证号已隐去]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[邮箱已隐去]'],
  // mobile numbers, and landlines with an area code
  [/(?<!\d)1[3-9]\d{9}(?!\d)/g, '[电话已隐去]'],
  [/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, '[电话已隐去]'],
]

/** `text` without ID numbers, e-mail addresses, phone numbers and the given names (the writer's). */
export function redactPersonalData(text: string, names: readonly string[] = []): string {
  let out = text
  for (const [re, mask] of PATTERNS) out = out.replace(re, mask)
  for (const name of names) {
    const n = name.trim()
    if (n.length >= 2) out = out.split(n).join(`${n.slice(0, 1)}某`)
  }
  return out
}
