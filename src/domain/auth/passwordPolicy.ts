import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { CHINESE_PASSWORD_WORDS } from './chinesePasswords.js'

/** Password policy (GB/T 22239-2019 等保 2.0 三级: complexity, length, periodic change is the agency's call). */
const MIN_PASSWORD_LENGTH = 10

/**
 * At least 10^9 guesses by zxcvbn's estimate (between its scores 3 and 4): below it are `Password@123`,
 * `P@ssw0rd2026` and the Chinese patterns of chinesePasswords.ts, e.g. `Huawei@123456` (10^8).
 */
const MIN_GUESSES_LOG10 = 9

let estimator: ZxcvbnFactory | undefined

/** log10 of the guesses needed; the estimator is built on first use (its dictionaries take some 70 ms). */
function strengthOf(password: string, userInputs: string[]): number {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...dictionary, chinese: [...CHINESE_PASSWORD_WORDS] },
    graphs: adjacencyGraphs,
  })
  return estimator.check(password, userInputs).guessesLog10
}

/** Chinese problems with a proposed password; empty when it is acceptable. */
export function passwordProblems(password: string, context: { username: string; displayName?: string }): string[] {
  const problems: string[] = []
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`密码至少${MIN_PASSWORD_LENGTH}位`)
  if (password.length > 128) problems.push('密码不能超过128位')
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类')
  if (context.username && password.toLowerCase().includes(context.username.toLowerCase())) {
    problems.push('密码不能包含用户名')
  }
  if (/(.)\1\1\1/.test(password)) problems.push('密码不能包含4个以上连续相同的字符')
  if (problems.length === 0 && strengthOf(password, [context.username, context.displayName ?? '']) < MIN_GUESSES_LOG10)
    problems.push('密码过于常见或容易猜到（如常用密码、拼音、生日、键盘顺序），请换一个')
  return problems
}
