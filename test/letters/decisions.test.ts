import { describe, expect, it } from 'vitest'
import type { AnsweredItem, ApplicationEvent } from '../../src/domain/application/events.js'
import { ANSWER_KINDS, OUTCOME_CODES } from '../../src/domain/application/outcomes.js'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { LetterFacts } from '../../src/domain/letters/composeLetter.js'
import { composeLetter, letterKindOf } from '../../src/domain/letters/composeLetter.js'
import { letterDecides } from '../../src/domain/letters/templates.js'

const d = (s: string) => s as CalendarDay
const bodies = { reviewBody: '杭州市西湖区人民政府', court: '杭州市西湖区人民法院' }
const base: Omit<LetterFacts, 'event'> = {
  agencyName: '杭州市西湖区城市管理局',
  bodies,
  ref: '2025-00011',
  applicantName: '张三',
  receivedOn: d('2025-06-03'),
  description: '2024年某路段占道审批材料',
  delivery: 'electronic',
}

function reply(item: Omit<AnsweredItem, 'request'>, on = '2025-06-20') {
  const event: ApplicationEvent = {
    kind: 'answered',
    on: d(on),
    items: [{ request: base.description, ...item }],
    replyText: '特此告知。',
  }
  const l = composeLetter('reply', { ...base, event })
  return { body: l.paragraphs.join('\n'), remedies: l.remedies.join('\n') }
}

const REG = '《中华人民共和国政府信息公开条例》'
/** review first (法释〔2025〕8号 第一条: 不予公开 under 第十四至十六条) or review / lawsuit at the applicant's choice */
type Remedy = 'reviewFirst' | 'either' | 'split'

// One row per answer kind: the decision the letter states, the articles it cites, and the remedies it offers.
const ROWS: [AnsweredItem['result'], Partial<AnsweredItem>, string, string[], Remedy][] = [
  // 第三十六条第（二）项
  ['disclosed', {}, '本机关决定予以公开', ['第三十六条第（二）项'], 'either'],
  // 第三十七条 + the withheld part's ground (第十五条) and its review-first rule
  [
    'partiallyDisclosed',
    { withheldGround: 'withheld.thirdPartyRights', withheldPart: '申请人身份证号码' },
    '本机关决定部分公开：其中「申请人身份证号码」涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，不予公开；其余部分予以公开',
    ['第三十七条', '第十五条', '第三十六条第（三）项'],
    'split',
  ],
  // 第十四条、第三十六条第（三）项
  [
    'withheld.stateSecret',
    {},
    '本机关决定不予公开。理由：您申请获取的政府信息属于依法确定为国家秘密的政府信息',
    ['第十四条', '第三十六条第（三）项'],
    'reviewFirst',
  ],
  [
    'withheld.prohibitedByLaw',
    {},
    '本机关决定不予公开。理由：您申请获取的政府信息属于法律、行政法规禁止公开的政府信息',
    ['第十四条', '第三十六条第（三）项'],
    'reviewFirst',
  ],
  [
    'withheld.securityStability',
    {},
    '本机关决定不予公开。理由：您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定',
    ['第十四条'],
    'reviewFirst',
  ],
  // 第十五条、第三十二条
  [
    'withheld.thirdPartyRights',
    {},
    '本机关决定不予公开。理由：您申请获取的政府信息涉及商业秘密、个人隐私等',
    ['第十五条', '第三十二条', '第三十六条第（三）项'],
    'reviewFirst',
  ],
  // 第十六条第一款
  [
    'withheld.internalAffairs',
    {},
    '本机关决定不予公开。理由：您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息',
    ['第十六条第一款'],
    'reviewFirst',
  ],
  // 第十六条第二款
  [
    'withheld.processInformation',
    {},
    '本机关决定不予公开。理由：您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录',
    ['第十六条第二款'],
    'reviewFirst',
  ],
  [
    'withheld.enforcementFiles',
    {},
    '本机关决定不予公开。理由：您申请获取的政府信息属于行政执法案卷信息',
    ['第十六条第二款'],
    'reviewFirst',
  ],
  // 行政查询事项: its substantive ground (the law of the query), and no review first (法释〔2025〕8号 第一条)
  [
    'withheld.administrativeQuery',
    { queryLaw: '《不动产登记暂行条例》第二十七条' },
    '本机关决定不予公开。理由：您申请获取的政府信息属于行政查询事项，应当依照《不动产登记暂行条例》第二十七条规定的途径查询',
    ['《不动产登记暂行条例》第二十七条', '第三十六条第（三）项'],
    'either',
  ],
  // 第三十六条第（四）项
  [
    'unableToProvide.notHeld',
    {},
    '经检索，本机关没有您申请公开的政府信息，该政府信息不存在',
    ['第三十六条第（四）项'],
    'either',
  ],
  // 第三十八条
  [
    'unableToProvide.needsCreation',
    {},
    '您申请的信息需要本机关对现有政府信息进行加工、分析后另行制作，本机关不予提供',
    ['第三十八条'],
    'either',
  ],
  // 第三十条
  ['unableToProvide.unclearAfterSupplement', {}, '您补正后的申请内容仍不明确，本机关无法提供', ['第三十条'], 'either'],
  // 第三十九条第一款：不作为政府信息公开申请处理
  [
    'notProcessed.petitionOrComplaint',
    { channel: '12345政务服务便民热线' },
    '您的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，您可以通过12345政务服务便民热线提出',
    ['第三十九条第一款'],
    'either',
  ],
  // 第三十六条第（六）项
  [
    'notProcessed.duplicate',
    {},
    '本机关已就您提出的公开相同政府信息的申请作出答复，对您的重复申请不予重复处理',
    ['第三十六条第（六）项'],
    'either',
  ],
  // 第三十九条第二款
  [
    'notProcessed.publication',
    {},
    '您申请提供的是政府公报、报刊、书籍等公开出版物，本机关不作为政府信息公开申请处理，并告知您获取的途径',
    ['第三十九条第二款'],
    'either',
  ],
  // 第三十五条
  [
    'notProcessed.excessiveRepeated',
    {},
    '您的申请数量、频次明显超过合理范围，经本机关要求说明理由，理由不合理，本机关不予处理',
    ['第三十五条'],
    'either',
  ],
  ['notProcessed.confirmOrReissue', {}, '您要求本机关确认或者重新出具已经获取的信息', ['第三十九条'], 'either'],
  // 第三十条
  [
    'other.noSupplement',
    {},
    '您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请',
    ['第三十条'],
    'either',
  ],
  // 第四十二条 and 国办函〔2020〕109号
  [
    'other.unpaidFee',
    {},
    '您逾期未按收费通知要求缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请',
    ['第四十二条', '国办函〔2020〕109号'],
    'either',
  ],
  ['other.other', {}, '本机关对您的申请作如下处理', ['第三十六条'], 'either'],
  // 第三十六条第（一）项
  [
    'alreadyPublic',
    {},
    '您申请获取的政府信息已经主动公开，本机关告知您获取的方式和途径',
    ['第三十六条第（一）项'],
    'either',
  ],
  // 第三十六条第（五）项：the responsible agency's name and contact
  [
    'notThisAgency',
    { responsibleAgency: { name: '杭州市西湖区住房和城乡建设局', contact: '0571-00000000' } },
    '您申请公开的政府信息不属于本机关负责公开。负责公开该政府信息的行政机关为杭州市西湖区住房和城乡建设局，联系方式：0571-00000000',
    ['第三十六条第（五）项'],
    'either',
  ],
  // 第三十六条第（七）项
  [
    'specialLaw',
    { queryLaw: '《企业信息公示暂行条例》' },
    '您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定，请依照《企业信息公示暂行条例》的规定办理',
    ['《企业信息公示暂行条例》', '第三十六条第（七）项'],
    'either',
  ],
]

describe('a reply letter states the decision, its reasons and articles, and the remedies (《条例》第三十六条)', () => {
  it('covers every answer kind', () => {
    const covered = new Set(ROWS.map((r) => r[0]))
    for (const code of [...OUTCOME_CODES, ...ANSWER_KINDS.map((k) => k.code)]) expect(covered, code).toContain(code)
  })

  it.each(ROWS)('%s', (result, extra, sentence, articles, remedy) => {
    const { body, remedies } = reply({ result, ...extra })
    expect(body).toContain(`经审查，现答复如下：${sentence}`)
    expect(body).not.toMatch(/现答复如下：(属于|其他。)/)
    for (const a of articles) expect(body).toContain(a.startsWith('《') || a.includes('〔') ? a : `${REG}${a}`)
    // 行政复议法 2023 第二十条第三款: the review right, the body and the 60 days, always
    expect(remedies).toContain('60日内向杭州市西湖区人民政府申请行政复议')
    if (remedy === 'reviewFirst') {
      expect(remedies).toContain('应当先申请行政复议')
      expect(remedies).not.toContain('直接向')
    } else if (remedy === 'split') {
      expect(remedies).toContain('对本决定中不予公开的部分')
      expect(remedies).toContain('6个月内直接向杭州市西湖区人民法院提起行政诉讼')
    } else {
      expect(remedies).not.toContain('应当先申请行政复议')
      expect(remedies).toContain('6个月内直接向杭州市西湖区人民法院提起行政诉讼')
    }
  })

  it('a 部分公开 answer whose withheld part is a 行政查询事项 needs no review first (法释〔2025〕8号 第一条)', () => {
    const { remedies } = reply({
      result: 'partiallyDisclosed',
      withheldGround: 'withheld.administrativeQuery',
      queryLaw: '《不动产登记资料查询暂行办法》',
    })
    expect(remedies).not.toContain('应当先申请行政复议')
  })

  it('a 不予公开 answer dated before 2024-01-01 keeps the old choice of review or lawsuit', () => {
    expect(reply({ result: 'withheld.stateSecret' }, '2023-12-29').remedies).toContain('直接向')
  })
})

describe('remedies appear on letters that decide, and only on them', () => {
  const on = d('2025-06-10')
  const cases: [string, ApplicationEvent, boolean][] = [
    ['补正告知书', { kind: 'supplementRequested', on, completeBy: d('2025-06-20'), request: '请写明年份' }, false],
    [
      '延期答复告知书',
      { kind: 'extended', on, days: 10, approvedBy: '主任', approvedOn: on, reason: '需调取档案' },
      false,
    ],
    ['征求第三方意见函', { kind: 'consultationStarted', on, party: 'thirdParty', with: '某公司' }, false],
    ['收费通知书 (a charge the applicant may contest)', { kind: 'feeNoticed', on, amountYuan: 100 }, true],
    ['不再处理告知书 after an unpaid fee', { kind: 'feeLapsed', on }, true],
    ['不再处理告知书 after no supplement', { kind: 'supplementLapsed', on }, true],
    [
      '告知第三方决定公开 (第三十二条)',
      { kind: 'thirdPartyNotified', on, with: '某公司', content: '合同金额', reason: '涉及公共资金使用' },
      true,
    ],
    [
      '更正申请答复书 (第四十一条)',
      { kind: 'correctionAnswered', on, result: 'notVerified', text: '经核对档案。' },
      true,
    ],
  ]
  it.each(cases)('%s', (_name, event, decides) => {
    const kind = letterKindOf(event)
    if (!kind) throw new Error('the event makes a letter')
    expect(letterDecides(kind)).toBe(decides)
    const l = composeLetter(kind, { ...base, event })
    if (decides) expect(l.remedies.join('')).toContain('60日内向杭州市西湖区人民政府申请行政复议')
    else expect(l.remedies).toEqual([])
  })

  it('the letter closing a case for an unpaid fee cites 第四十二条', () => {
    const l = composeLetter('closure', { ...base, event: { kind: 'feeLapsed', on } })
    expect(l.paragraphs.join('')).toContain(`${REG}第四十二条`)
    expect(l.paragraphs.join('')).toContain('视为放弃申请，本机关不再处理')
  })

  it('the notice to an objecting third party states what is disclosed and why, addressed to the third party', () => {
    const event: ApplicationEvent = {
      kind: 'thirdPartyNotified',
      on,
      with: '某建设公司',
      content: '2024年某路段占道审批材料',
      reason: '涉及公共道路安全，不公开可能对公共利益造成重大影响',
    }
    const l = composeLetter('thirdPartyNotice', { ...base, event, consultedOn: d('2025-06-04') })
    const text = l.paragraphs.join('\n')
    expect(l.addressee).toBe('')
    expect(text).toContain('某建设公司：')
    expect(text).toContain('于2025年6月4日书面征求贵方意见，贵方不同意公开')
    expect(text).toContain('决定公开的理由：涉及公共道路安全')
    expect(text).toContain('第三十二条')
  })

  it('a correction answer states the decision under 第四十一条', () => {
    const event: ApplicationEvent = {
      kind: 'correctionAnswered',
      on,
      result: 'transferred',
      text: '',
      to: '杭州市西湖区市场监督管理局',
    }
    const l = composeLetter('correction', {
      ...base,
      event,
      correctionRequest: { on: d('2025-06-05'), request: '出生日期有误' },
    })
    const text = l.paragraphs.join('\n')
    expect(text).toContain('要求更正：出生日期有误')
    expect(text).toContain('第四十一条')
    expect(text).toContain('已将您的申请转送有权更正的杭州市西湖区市场监督管理局处理')
  })
})
