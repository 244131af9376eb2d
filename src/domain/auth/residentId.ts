// GB 11643-1999《公民身份号码》: 17 digits and a check character (ISO 7064 MOD 11-2).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** null when the 居民身份证号码 is well formed; otherwise the Chinese reason. */
export function residentIdProblem(id: string): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return '居民身份证号码应为18位（最后一位可为X）'
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0)
  if (CHECK[sum % 11] !== id[17]) return '居民身份证号码校验位不符，请核对'
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  if (month < 1 || month > 12 || day < 1 || day > 31) return '居民身份证号码中的出生日期无效'
  return null
}
