import { expect, it } from 'vitest'
import {
  identityKey,
  maskedSearchTerm,
  normaliseName,
  normalisePhone,
} from '../../src/domain/personalData/searchKeys.js'

// What the keyed hash index hashes (decision 0045): one normal form however a name or number is typed.

it.each([
  ['139 1234 5678', '13912345678'],
  ['139-1234-5678', '13912345678'],
  ['+86 139 1234 5678', '13912345678'],
  ['0086-13912345678', '13912345678'],
  ['０５７０－１２３４５６７', '05701234567'], // full-width, as typed with a Chinese input method
  ['86-571-8888-8888', '8657188888888'], // not a mobile: the 86 is kept
  ['1234', ''], // too short to be a number
])('the phone %s is compared as %s', (typed, normal) => {
  expect(normalisePhone(typed)).toBe(normal)
})

it.each([
  ['诸葛  明亮', '诸葛明亮'],
  ['阿依古丽·买买提', '阿依古丽买买提'],
  ['ＷＡＮＧ Xiao', 'wangxiao'],
])('the name %s is compared as %s', (typed, normal) => {
  expect(normaliseName(typed)).toBe(normal)
})

it('the same applicant is the name with the ID number, its check letter in either case', () => {
  expect(identityKey('王 小明', '11010519491231002x')).toBe(identityKey('王小明', '11010519491231002X'))
  expect(identityKey('王小明', '110105194912310011')).not.toBe(identityKey('王小明', '11010519491231002X'))
})

it.each([
  ['13912345678', '139****5678'],
  ['查 139-1234-5678 的申请', '查 139-****-5678 的申请'],
  ['11010519491231002X', '1101**********002X'],
  ['QZ2020-011', 'QZ2020-011'],
  ['2026-11-24', '2026-11-24'],
  ['王小明', '王小明'],
])('a search for %s is audited as %s', (q, audited) => {
  expect(maskedSearchTerm(q)).toBe(audited)
})
