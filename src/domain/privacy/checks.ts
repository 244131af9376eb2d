// The check digits that tell a personal number from any other long run of digits in a document.

/** GB 11643-1999 province codes (first two digits of 公民身份号码), with 83 for 台湾居民居住证 */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
  '91',
])

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** the check character GB 11643 gives the first 17 digits */
export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0)
  return ID_CHECK[sum % 11] ?? ''
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return d <= (days[m - 1] ?? 0)
}

/** an 18-character 公民身份号码: known province, a real birth date from 1900 on, and the right check character */
export function isValidId18(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false
  if (!PROVINCES.has(id.slice(0, 2))) return false
  const y = Number(id.slice(6, 10))
  if (y < 1900 || y > 2099 || !validDate(y, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false
  return idCheckChar(id.slice(0, 17)) === id[17]!.toUpperCase()
}

/** the old 15-digit form (before 1999): province and a real 19yy birth date; it has no check digit */
export function isPlausibleId15(id: string): boolean {
  if (!/^\d{15}$/.test(id) || !PROVINCES.has(id.slice(0, 2))) return false
  const y = 1900 + Number(id.slice(6, 8))
  return validDate(y, Number(id.slice(8, 10)), Number(id.slice(10, 12)))
}

/** the Luhn (mod 10) check every UnionPay / Visa / Mastercard card number carries */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      n *= 2
      if (n > 9) n -= 9
    }
    sum += n
  }
  return sum % 10 === 0
}

/** the digit that makes `body` pass Luhn (used by the bench to invent card numbers) */
export function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + String(d))) return String(d)
  return '0'
}
