import { describe, expect, it } from 'vitest'
import { ledgerDate } from '../../../src/domain/report/ledgerDate.js'

describe('dates as offices write them in a ledger', () => {
  it.each([
    ['2023-05-08', '2023-05-08'],
    ['2023/5/8', '2023-05-08'],
    ['2023.5.8', '2023-05-08'],
    ['2023.05.08', '2023-05-08'],
    ['2023年5月8日', '2023-05-08'],
    ['2023年05月08', '2023-05-08'],
    ['２０２３－０５－０８', '2023-05-08'], // full-width, as typed with a Chinese input method
    ['2023-05-08 14:30', '2023-05-08'], // a date-time cell: its day
    ['45054', '2023-05-08'], // an Excel date serial saved as a number or as text
    ['45054.5', '2023-05-08'], // a serial with a time of day
    ['44986', '2023-03-01'], // the serial after 2023-02-28: Excel's 1900-02-29 is long behind
  ])('%s is %s', (raw, day) => expect(ledgerDate(raw)).toBe(day))

  it.each([
    ['5/8/2023'], // May 8 or 5 August: reads two ways
    ['08.05.2023'],
    ['23-5-8'], // which century
    ['2023-02-30'], // no such day
    ['12345'], // an integer far from any ledger's dates is not a serial
    ['2023年5月'], // no day
  ])('%s is not read', (raw) => expect(ledgerDate(raw)).toBeUndefined())
})
