import { describe, expect, it } from 'vitest'
import {
  idCheckChar,
  isPlausibleId15,
  isValidId18,
  luhnCheckDigit,
  luhnValid,
} from '../../../src/domain/privacy/checks.js'

describe('公民身份号码 (GB 11643-1999)', () => {
  it('the check character is Σ(digit × weight) mod 11 mapped to 1 0 X 9 8 7 6 5 4 3 2', () => {
    // the standard's own example
    expect(idCheckChar('11010519491231002')).toBe('X')
    expect(isValidId18('11010519491231002X')).toBe(true)
    expect(isValidId18('11010519491231002x')).toBe(true)
  })
  it('a wrong check character, an unknown province or an impossible birth date is no ID number', () => {
    expect(isValidId18('110105194912310021')).toBe(false)
    expect(isValidId18('99010519491231002' + idCheckChar('99010519491231002'))).toBe(false)
    const feb30 = '35010219900230123'
    expect(isValidId18(feb30 + idCheckChar(feb30))).toBe(false)
    const leap = '35010220000229123'
    expect(isValidId18(leap + idCheckChar(leap))).toBe(true)
  })
  it('the 15-digit form (before 1999) has a province and a 19yy birth date but no check digit', () => {
    expect(isPlausibleId15('350102780512123')).toBe(true)
    expect(isPlausibleId15('350102781312123')).toBe(false)
  })
})

describe('Luhn (bank cards)', () => {
  it('doubles every second digit from the right and wants a multiple of 10', () => {
    expect(luhnValid('4111111111111111')).toBe(true)
    expect(luhnValid('4111111111111112')).toBe(false)
    expect(luhnValid('79927398713')).toBe(true)
  })
  it('the check digit makes any body pass', () => {
    const body = '622202123456789012'
    expect(luhnValid(body + luhnCheckDigit(body))).toBe(true)
  })
})
