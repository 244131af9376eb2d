import { describe, expect, it } from 'vitest'
import { letterDueDate, mayPublish } from '../../src/domain/interaction/letters.js'
import { onTimeRate, percent, satisfactionRate } from '../../src/domain/interaction/rates.js'
import { redactPersonalData } from '../../src/domain/interaction/redact.js'
import { legacyResponseRows } from '../../src/domain/interaction/responses.js'
import { isSafeLink } from '../../src/domain/interaction/safeUrl.js'
import { parseQuestionText, readAnswers, tallySurvey } from '../../src/domain/interaction/surveys.js'
import { feedbackCounts, feedbackSummary } from '../../src/domain/interaction/consultations.js'
import { d, packageCal } from '../domain/support/calendar.js'

describe('letter deadlines: the agency’s working days per kind, by the applications’ calendar', () => {
  it.each([
    // received the Monday before 国庆 2026: 9/29, 9/30 work, 10/1–10/7 rest, then 10/8, 10/9 and the 调休
    // Saturday 10/10 work: the 5th working day is that Saturday
    ['2026-09-28', 'consult', {}, '2026-10-10'],
    // the agency's own 3 days: 9/29, 9/30, 10/8
    ['2026-09-28', 'consult', { consult: 3 }, '2026-10-08'],
    ['2026-09-28', 'complain', {}, '2026-10-23'],
    // received on a Saturday: day zero, counting starts Monday
    ['2026-11-21', 'consult', {}, '2026-11-27'],
  ] as const)('%s %s %j → %s', (received, kind, deadlines, due) => {
    expect(letterDueDate(d(received), kind, deadlines, packageCal).day).toBe(due)
  })
})

it('only a consented, answered 咨询 or 建议 is ever published; a 投诉 or 举报 never', () => {
  const answered = { wantsPublic: true, status: 'answered' }
  expect(mayPublish({ ...answered, kind: 'consult' })).toBe(true)
  expect(mayPublish({ ...answered, kind: 'suggest' })).toBe(true)
  expect(mayPublish({ ...answered, kind: 'complain' })).toBe(false)
  expect(mayPublish({ ...answered, kind: 'report' })).toBe(false)
  expect(mayPublish({ ...answered, kind: 'consult', wantsPublic: false })).toBe(false)
  expect(mayPublish({ ...answered, kind: 'consult', status: 'routed' })).toBe(false)
})

it('the 衢州 rates: 2548 answered all on time → 100%; 2333 of 2387 ratings 满意 or 基本满意 → 97.74%', () => {
  expect(percent(onTimeRate({ answered: 2548, answeredOnTime: 2548 }))).toBe('100%')
  expect(percent(satisfactionRate({ rated: 2387, satisfied: 1900, basic: 433 }))).toBe('97.74%')
  expect(percent(satisfactionRate({ rated: 0, satisfied: 0, basic: 0 }))).toBe('—')
})

it('personal data is removed before publication', () => {
  const text = '我是王小明，身份证33080219900101123X，电话13800000000或0570-1234567，邮箱wang@example.cn'
  expect(redactPersonalData(text, ['王小明'])).toBe(
    '我是王某，身份证[身份证号已隐去]，电话[电话已隐去]或[电话已隐去]，邮箱[邮箱已隐去]',
  )
})

it('统计表 三 from events: one concern answered twice counts once; a leader’s press conference counts in its row', () => {
  const leader = [{ name: '王', title: '局长', leader: true }]
  const staff = [{ name: '李', title: '处长', leader: false }]
  expect(
    legacyResponseRows([
      { kind: 'pressConference', concern: '加装电梯', speakers: leader },
      { kind: 'briefing', concern: '加装电梯 ', speakers: staff },
      { kind: 'onlineInterview', concern: '物业', speakers: leader },
      { kind: 'other', concern: '物业', speakers: staff },
    ]),
  ).toEqual({
    'response.hotspots': 2,
    'response.pressConferences': 1,
    'response.pressConferencesLeader': 1,
    'response.interviews': 1,
    'response.interviewsLeader': 1,
    'response.weiboWechat': 0,
    'response.other': 2,
  })
})

it('links shown to the public are http(s) only', () => {
  expect(isSafeLink('https://www.gov.cn/a.html')).toBe(true)
  expect(isSafeLink('')).toBe(true)
  expect(isSafeLink('javascript:alert(1)')).toBe(false)
  expect(isSafeLink('data:text/html,x')).toBe(false)
  expect(isSafeLink('www.gov.cn')).toBe(false)
})

describe('surveys', () => {
  const parsed = parseQuestionText('单选：满意吗？\n满意\n不满意\n\n多选：关心什么？\n保洁\n安保\n维修\n\n问答：建议')
  const questions = parsed.ok ? parsed.questions : []

  it('questions are written as plain text blocks', () => {
    expect(questions.map((q) => [q.type, q.text, q.options.length])).toEqual([
      ['single', '满意吗？', 2],
      ['multiple', '关心什么？', 3],
      ['open', '建议', 0],
    ])
    expect(parseQuestionText('单选：只有一个选项\n甲')).toEqual({
      ok: false,
      message: '第1题至少需要两个选项（每行一个）',
    })
  })

  it('an answer sheet must answer every choice question with options it offers', () => {
    expect(readAnswers(questions, [['1'], ['0', '2'], ['好']])).toEqual({ ok: true, answers: [1, [0, 2], '好'] })
    const bad = readAnswers(questions, [['0', '1'], ['7'], []])
    expect(bad.ok ? [] : bad.problems.map((p) => p.message)).toEqual([
      '第1题“满意吗？”只能选一项',
      '第2题“关心什么？”的选项不存在',
      '请回答第2题“关心什么？”',
    ])
  })

  it('results count each option and list open answers', () => {
    const r = tallySurvey(questions, [
      [0, [0, 2], '好'],
      [1, [2], ''],
    ])
    expect(r.map((q) => (q.type === 'open' ? q.texts : q.options.map((o) => o.count)))).toEqual([
      [1, 1],
      [1, 0, 2],
      ['好'],
    ])
  })
})

it('采纳情况 counts every comment received, adopted or not', () => {
  const c = feedbackCounts([{ adopted: true }, { adopted: false }, { adopted: false }])
  expect(feedbackSummary(c)).toBe('征求意见期间共收到意见建议3条，采纳1条，未采纳2条。')
})
