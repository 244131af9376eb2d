import { describe, expect, it } from 'vitest'
import { passwordProblems } from '../../src/domain/auth/passwordPolicy.js'

// Issue 15 finding 11: `Password@123` and `P@ssw0rd2026` were accepted (they pass the length and class rules).

const WEAK = [
  ['Password@123', 'the finding'],
  ['P@ssw0rd2026', 'the finding: l33t and a year'],
  ['woaini1314', '我爱你一生一世 in pinyin and numbers'],
  ['Woaini1314!', 'the same, capitalised with a symbol'],
  ['Woaini@520', '我爱你'],
  ['Qwer1234!', 'keyboard run'],
  ['1qaz@WSX3edc', 'keyboard columns'],
  ['Aa123456', 'the most common Chinese password shape'],
  ['Zhangwei19900101', 'a frequent name and a birthday'],
  ['Wangfang@0808', 'a frequent name and a birthday'],
  ['Abc@12345678', 'letters and a run of digits'],
  ['Huawei@123456', 'an employer and a run'],
  ['Zhengfu@2026', '政府 and the year'],
] as const

describe('weak passwords are refused, Chinese patterns included', () => {
  it.each(WEAK)('%s (%s)', (password) => {
    expect(passwordProblems(password, { username: 'li' }).join('')).toMatch(/密码/)
  })

  it('the strength problem is named in Chinese', () => {
    expect(passwordProblems('Password@123', { username: 'li' })).toEqual([
      '密码过于常见或容易猜到（如常用密码、拼音、生日、键盘顺序），请换一个',
    ])
  })

  it('a password built from the display name is refused', () => {
    expect(passwordProblems('Chenminxyz#26', { username: 'fz-office', displayName: 'chenminxyz' })).not.toEqual([])
  })

  it.each(['Gongkai#Demo2026', 'Test#Password2026', 'Temp#Reset2026x', 'Gk-Test-2026!x', 'Lantern#Quay2026'])(
    'a strong password is accepted: %s',
    (password) => {
      expect(passwordProblems(password, { username: 'li' })).toEqual([])
    },
  )
})
