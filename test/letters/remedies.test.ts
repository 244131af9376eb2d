import { describe, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { ItemResult } from '../../src/domain/application/outcomes.js'
import { composeLetter } from '../../src/domain/letters/composeLetter.js'
import { remediesText, reviewFirst } from '../../src/domain/letters/remedies.js'
import { DEFAULT_TEMPLATES } from '../../src/domain/letters/templates.js'
import { feeByCount, feeByPages, rateOfNthApplication } from '../../src/domain/fee/processingFee.js'

const bodies = { reviewBody: '衢州市人民政府', court: '衢州市柯城区人民法院' }
const d = (s: string) => s as CalendarDay

describe('remedies in every letter (行政复议法 2023, 法释〔2025〕8号)', () => {
  it.each<[string, ItemResult[], string, boolean]>([
    ['不予公开 dated 2024-01-01: review first', ['withheld.stateSecret'], '2024-01-01', true],
    ['不予公开 dated 2023-12-29: the old choice', ['withheld.processInformation'], '2023-12-29', false],
    ['部分公开 (its withheld part) after 2024: review first', ['partiallyDisclosed'], '2025-03-03', true],
    ['无法提供: review or lawsuit', ['unableToProvide.notHeld'], '2025-03-03', false],
    ['不予处理: review or lawsuit', ['notProcessed.duplicate'], '2025-03-03', false],
    ['予以公开: review or lawsuit', ['disclosed'], '2025-03-03', false],
    [
      'one withheld item among others makes review first',
      ['disclosed', 'withheld.thirdPartyRights'],
      '2025-03-03',
      true,
    ],
  ])('%s', (_name, results, on, expected) => {
    expect(reviewFirst(results, d(on))).toBe(expected)
  })

  it('a 不予公开 answer names review first and offers no direct lawsuit', () => {
    const text = remediesText(['withheld.stateSecret'], d('2025-06-01'), bodies).join('')
    expect(text).toContain('60日内向衢州市人民政府申请行政复议')
    expect(text).toContain('应当先申请行政复议')
    expect(text).not.toContain('直接向')
  })

  it('a 部分公开 answer: review first for the withheld part, both ways for the rest', () => {
    const [withheld, rest] = remediesText(['partiallyDisclosed'], d('2025-06-01'), bodies)
    expect(withheld).toContain('不予公开的部分')
    expect(withheld).toContain('应当先申请行政复议')
    expect(rest).toContain('6个月内直接向衢州市柯城区人民法院提起行政诉讼')
  })

  it.each<ItemResult[]>([['unableToProvide.notHeld'], ['notProcessed.petitionOrComplaint'], ['disclosed']])(
    '%s offers review (60 days) and lawsuit (6 months)',
    (r) => {
      const text = remediesText([r], d('2025-06-01'), bodies).join('')
      expect(text).toContain('60日内向衢州市人民政府申请行政复议')
      expect(text).toContain('6个月内直接向衢州市柯城区人民法院提起行政诉讼')
    },
  )

  // Issue 11 point 4 (行政复议法 2023 第二十条第三款 concerns decisions): remedies go on letters that decide. The 补正
  // notice, the extension notice and the letter consulting a third party decide nothing and now carry none;
  // this test used to expect remedies on all five kinds.
  it('every deciding letter states the review right, the review body and the 60 days; notices state none', () => {
    const base = {
      agencyName: '衢州市住房和城乡建设局',
      bodies,
      ref: '2025-00001',
      applicantName: '张三',
      receivedOn: d('2025-01-06'),
      description: '某信息',
      delivery: 'electronic',
    }
    const events = [
      {
        kind: 'answered',
        on: d('2025-01-20'),
        items: [{ request: '某信息', result: 'withheld.stateSecret' as const }],
        replyText: '经审查',
      },
      { kind: 'supplementRequested', on: d('2025-01-08'), completeBy: d('2025-01-20'), request: '请明确年份' },
      {
        kind: 'extended',
        on: d('2025-01-30'),
        days: 20,
        approvedBy: '主任',
        approvedOn: d('2025-01-29'),
        reason: '需调取档案',
      },
      { kind: 'consultationStarted', on: d('2025-01-10'), party: 'thirdParty', with: '某公司' },
      { kind: 'feeNoticed', on: d('2025-01-10'), amountYuan: 100 },
    ] as const
    const kinds = ['reply', 'supplement', 'extension', 'consultation', 'fee'] as const
    events.forEach((event, i) => {
      const kind = kinds[i] as (typeof kinds)[number]
      const letter = composeLetter(kind, { ...base, event: event as never })
      const text = letter.remedies.join('')
      if (kind === 'supplement' || kind === 'extension' || kind === 'consultation') {
        expect(letter.remedies, kind).toEqual([])
        return
      }
      expect(text, kind).toContain('申请行政复议')
      expect(text, kind).toContain('衢州市人民政府')
      expect(text, kind).toContain('60日')
    })
  })

  it('a reply letter carries applicant, receipt date, request, decision, legal basis and how to obtain', () => {
    const l = composeLetter('reply', {
      agencyName: '衢州市住房和城乡建设局',
      bodies,
      ref: '2025-00007',
      applicantName: '李四',
      receivedOn: d('2025-03-03'),
      description: '2024年棚改项目补偿方案',
      delivery: 'paper',
      event: {
        kind: 'answered',
        on: d('2025-03-20'),
        items: [{ request: '2024年棚改项目补偿方案', result: 'disclosed' }],
        replyText: '现予以公开。',
      },
    })
    const text = [l.addressee, ...l.paragraphs].join('\n')
    expect(l.title).toBe('政府信息公开申请答复书')
    expect(l.number).toBe('2025-00007-答复')
    expect(text).toContain('李四：')
    expect(text).toContain('2025年3月3日')
    expect(text).toContain('2024年棚改项目补偿方案')
    expect(text).toContain('予以公开')
    expect(text).toContain('第三十六条第（二）项')
    expect(text).toContain('以纸质形式邮寄')
  })

  it('an agency template keeps the system remedies even if it says nothing of them', () => {
    // Issue 11 point 4: a 补正 notice carries no remedies now, so the template test uses the fee notice, which decides
    // a charge (decision 0012); it used the 补正 notice before.
    const l = composeLetter(
      'fee',
      {
        agencyName: '某局',
        bodies,
        ref: 'X',
        applicantName: '王五',
        receivedOn: d('2025-01-06'),
        description: 'x',
        delivery: 'electronic',
        event: { kind: 'feeNoticed', on: d('2025-01-07'), amountYuan: 100 },
      },
      '请缴纳{金额}元。',
    )
    expect(l.paragraphs).toEqual(['请缴纳100.00元。'])
    expect(l.remedies.join('')).toContain('60日内向衢州市人民政府申请行政复议')
    expect(DEFAULT_TEMPLATES.supplement).toContain('{补正事项}')
  })
})

describe('信息处理费 (国办函〔2020〕109号)', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [51, 400],
  ])('the %i-th application of a month is charged %i 元', (k, rate) => {
    expect(rateOfNthApplication(k)).toBe(rate)
  })

  it('counts per applicant and calendar month, progressively', () => {
    expect(feeByCount(0, 10)).toBe(0)
    expect(feeByCount(10, 1)).toBe(100)
    expect(feeByCount(29, 3)).toBe(100 + 200 + 200)
  })

  it.each([
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
  ])('%i pages cost %i 元', (pages, yuan) => {
    expect(feeByPages(pages)).toBe(yuan)
  })
})
