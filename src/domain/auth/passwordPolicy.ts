/** Password policy (GB/T 22239-2019 等保 2.0 三级: complexity, length, periodic change is the agency's call). */
const MIN_PASSWORD_LENGTH = 10

/** Chinese problems with a proposed password; empty when it is acceptable. */
export function passwordProblems(password: string, context: { username: string }): string[] {
  const problems: string[] = []
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`密码至少${MIN_PASSWORD_LENGTH}位`)
  if (password.length > 128) problems.push('密码不能超过128位')
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类')
  if (context.username && password.toLowerCase().includes(context.username.toLowerCase())) {
    problems.push('密码不能包含用户名')
  }
  if (/(.)\1\1\1/.test(password)) problems.push('密码不能包含4个以上连续相同的字符')
  return problems
}
