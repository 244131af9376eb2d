import { describe, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { composeLetter } from '../../src/domain/letters/composeLetter.js'
import type { LetterFacts } from '../../src/domain/letters/composeLetter.js'
import { applicantCall } from '../../src/domain/letters/addressing.js'

const facts = (over: Partial<LetterFacts>): LetterFacts => ({
  agencyName: '甲市住房和城乡建设局',
  bodies: { reviewBody: '甲市人民政府', court: '甲市人民法院' },
  ref: '2026-00001',
  applicantName: '王小明',
  receivedOn: '2026-11-02' as CalendarDay,
  description: '某地块征收补偿方案',
  delivery: 'electronic',
  event: {
    kind: 'supplementRequested',
    on: '2026-11-04' as CalendarDay,
    request: '请写明地块名称',
    completeBy: '2026-11-18' as CalendarDay,
  },
  ...over,
})

describe('letters address the applicant as who they are (issue 14 point 6)', () => {
  it('a person is 您', () => {
    const l = composeLetter('supplement', facts({ applicantKind: 'naturalPerson' }))
    expect(l.paragraphs[0]).toContain('收到您提出的政府信息公开申请')
    expect(l.paragraphs.join('')).not.toContain('您（单位）')
  })

  it('an organisation is called by its name', () => {
    const l = composeLetter('supplement', facts({ applicantKind: 'commercial', applicantName: '某某置业有限公司' }))
    expect(l.addressee).toBe('某某置业有限公司：')
    expect(l.paragraphs[0]).toContain('收到某某置业有限公司提出的政府信息公开申请')
    expect(l.paragraphs.join('')).not.toContain('您')
  })

  it('an agency template saved with the old 您（单位） reads it as the applicant', () => {
    const old = '本机关于{收到日期}收到您（单位）提出的政府信息公开申请（编号：{编号}）。'
    const l = composeLetter('supplement', facts({ applicantKind: 'otherOrg', applicantName: '某某协会' }), old)
    expect(l.paragraphs).toEqual(['本机关于2026年11月2日收到某某协会提出的政府信息公开申请（编号：2026-00001）。'])
  })

  it('without a known kind the neutral form stays', () => {
    expect(applicantCall(undefined, '张三')).toBe('您（单位）')
    expect(applicantCall('naturalPerson', '张三')).toBe('您')
    expect(applicantCall('research', '某研究所')).toBe('某研究所')
  })
})
