import { describe, expect, it } from 'vitest'
import type { CalendarDay } from '../../../src/domain/calendar/calendarDay.js'
import { anonymisationDue } from '../../../src/domain/retention/anonymisationDue.js'
import { DEFAULT_RETENTION, retentionPeriodsOf, retentionSettings } from '../../../src/domain/retention/periods.js'
import { heldFields } from '../../../src/domain/retention/heldFields.js'

const d = (s: string) => s as CalendarDay
const closed = (concludedOn: string, reviews: { filedOn: string; decidedOn: string | null }[] = []) => ({
  state: 'delivered',
  concludedOn: d(concludedOn),
  reviews: reviews.map((r) => ({ filedOn: d(r.filedOn), decidedOn: r.decidedOn === null ? null : d(r.decidedOn) })),
})

describe('anonymisationDue (decision 0048)', () => {
  it.each([
    // the period starts on 1 January after the conclusion, as archive periods do
    ['2020-07-29', '2031-01-01'],
    ['2020-01-01', '2031-01-01'],
    // concluded on the last day of a year: still that year's file
    ['2020-12-31', '2031-01-01'],
    ['2025-03-02', '2036-01-01'],
  ])('a case concluded on %s goes on %s (10 years)', (concludedOn, due) => {
    const r = anonymisationDue(closed(concludedOn), DEFAULT_RETENTION)
    expect(r).toMatchObject({ status: 'scheduled', from: concludedOn, years: 10, caseDue: due, filesDue: due })
  })

  it('messages go after their own shorter period, files with the case', () => {
    const r = anonymisationDue(closed('2020-07-29'), DEFAULT_RETENTION)
    expect(r).toMatchObject({ messagesDue: '2022-01-01', filesDue: '2031-01-01' })
  })

  it('a period longer than the case’s is cut to the case’s', () => {
    const r = anonymisationDue(closed('2020-07-29'), { ...DEFAULT_RETENTION, attachmentYears: 50, messageYears: 40 })
    expect(r).toMatchObject({ caseDue: '2031-01-01', filesDue: '2031-01-01', messagesDue: '2031-01-01' })
  })

  it('a case still open is never due', () => {
    for (const state of ['registered', 'inProgress', 'awaitingSupplement', 'consulting', 'awaitingFee'])
      expect(anonymisationDue({ state, concludedOn: null, reviews: [] }, DEFAULT_RETENTION)).toEqual({ status: 'open' })
  })

  it('a case with a review or lawsuit pending is never due, however old', () => {
    const r = anonymisationDue(closed('2000-01-05', [{ filedOn: '2000-02-01', decidedOn: null }]), DEFAULT_RETENTION)
    expect(r).toEqual({ status: 'disputed' })
  })

  it('after a review the 30-year period counts from the end of the last review or lawsuit', () => {
    const r = anonymisationDue(
      closed('2020-03-02', [
        { filedOn: '2020-04-01', decidedOn: '2020-06-30' },
        { filedOn: '2020-07-10', decidedOn: '2022-11-15' },
      ]),
      DEFAULT_RETENTION,
    )
    expect(r).toMatchObject({ from: '2022-11-15', years: 30, caseDue: '2053-01-01' })
  })

  it('an agency’s own periods replace the defaults', () => {
    const r = anonymisationDue(closed('2020-07-29'), retentionPeriodsOf({ ...DEFAULT_RETENTION, caseYears: 5 }))
    expect(r).toMatchObject({ caseDue: '2026-01-01' })
  })

  it('periods are whole years from 1 to 100, each named in its message', () => {
    const r = retentionSettings.safeParse({
      caseYears: '0',
      disputedCaseYears: '30',
      attachmentYears: 'x',
      messageYears: '1',
    })
    expect(r.success).toBe(false)
    const messages = r.error?.issues.map((i) => i.message) ?? []
    expect(messages).toContain('申请案卷中的申请人个人信息至少1年')
    expect(messages).toContain('申请人上传的身份证明和附件应为整数年')
  })
})

describe('heldFields: what the applicant sees on screen', () => {
  it('masks the ID and phone as the privacy check does, the e-mail to its first letter and domain, the name to 某某', () => {
    const f = heldFields('陈晓燕', { idNumber: '11010519491231002X', phone: '13905701234', email: 'chen@example.cn' })
    expect(f.map((x) => [x.label, x.shown])).toEqual([
      ['姓名或名称', '陈某某'],
      ['证件号码', '1101**********002X'],
      ['联系电话', '139****1234'],
      ['电子邮箱', 'c***@example.cn'],
    ])
  })

  it('shows an anonymised name as it is', () => {
    expect(heldFields('（已匿名化）', { anonymisedOn: '2031-01-01' })[0]?.shown).toBe('（已匿名化）')
  })
})
