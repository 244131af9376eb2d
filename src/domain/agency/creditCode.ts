// GB 32100-2015《法人和其他组织统一社会信用代码编码规则》: 18 characters, the last a check character.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** The check character for the first 17 characters, or null if one of them is not allowed. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? '')
    if (v < 0) return null
    sum += v * (WEIGHTS[i] as number)
  }
  const c = 31 - (sum % 31)
  return ALPHABET[c === 31 ? 0 : c] ?? null
}

/** null when valid; otherwise the Chinese reason. */
export function creditCodeProblem(code: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return '统一社会信用代码应为18位数字或大写字母（不含 I、O、Z、S、V）'
  const expected = creditCodeCheckChar(code.slice(0, 17))
  if (expected !== code[17]) return `统一社会信用代码校验位错误（按 GB 32100-2015 应为 ${expected ?? '?'}）`
  return null
}
