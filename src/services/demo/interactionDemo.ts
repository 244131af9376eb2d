import { calendarDay } from '../../domain/calendar/calendarDay.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { addWorkingDays, nextWorkingDayFrom } from '../../domain/calendar/workingDays.js'
import type { LetterKind, Rating } from '../../domain/interaction/letters.js'
import { DEFAULT_LETTER_DEADLINES, letterDueDate } from '../../domain/interaction/letters.js'
import type { ResponseKind } from '../../domain/interaction/responses.js'
import { findAgencyByCode } from '../../store/agencyRepo.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import type { NewLetter } from '../../store/letterRepo.js'
import { countLetters, insertLetters } from '../../store/letterRepo.js'
import { aggregateCatalog } from '../../store/reportRepo.js'
import { systemActor } from '../actor.js'
import { enterAccountPosts, enterChannelCounts, registerAccount } from '../interaction/channelCounts.js'
import { recordConcernResponse } from '../interaction/concernResponses.js'
import { closeConsultation, openConsultation } from '../interaction/consultations.js'
import { between, pick, seededRandom, shuffled } from './random.js'

/**
 * 衢州市住房和城乡建设局 2020 as the seed report states its 政民互动 (000, 二、三、四 and the 统计表):
 * 政务咨询投诉举报平台 2548 letters answered, 100 % on time, 满意率 97.74 % (2333 of 2387 ratings 满意 or 基本满意);
 * 数字城管 6699 cases, 99.79 % solved (6685), 99.51 % on time (6666); 政务微信 787 posts; 12 concerns answered
 * by 9 press conferences (2 with the principal leader) and 20 responses of other kinds, among them the
 * 19 August 宣贯会 and the “一把手” taking calls online; consultations on 《业主委员会选举程序指引》 and seven
 * other work rules, and on 《衢州市区存量房交易资金监管办法（试行）》. The report gives no dates for most of
 * them nor any per-letter detail: those are made up here (seeded), the totals are the report's.
 * 福州 (001): 12345 热线 3825, 信访 623 (year totals).
 */
const LETTERS = 2548
const RATED = 2387
const SATISFIED_OR_BASIC = 2333
const KINDS: LetterKind[] = [
  'consult',
  'consult',
  'consult',
  'consult',
  'complain',
  'complain',
  'complain',
  'report',
  'report',
  'suggest',
]
const FIELDS = ['房屋买卖', '房屋质量', '物业管理', '城市服务', '工程审批']

const CONCERNS = [
  '存量房交易资金监管',
  '既有住宅加装电梯',
  '住宅二次供水设施建设与管理',
  '市区用水计划',
  '垃圾分类',
  '物业管理',
  '业主委员会选举',
  '房屋质量投诉处理',
  '住房保障',
  '农村危房改造',
  '创建文明城市',
  '建筑施工安全生产',
]

function letterRows(agencyId: number, cal: Awaited<ReturnType<typeof loadWorkCalendar>>): NewLetter[] {
  const rand = seededRandom(20200116)
  const ratings: (Rating | null)[] = shuffled(rand, [
    ...Array.from({ length: SATISFIED_OR_BASIC }, (_, i): Rating => (i % 5 === 0 ? 'basic' : 'satisfied')),
    ...Array.from({ length: RATED - SATISFIED_OR_BASIC }, (): Rating => 'dissatisfied'),
    ...Array.from({ length: LETTERS - RATED }, () => null),
  ])
  const at = nowIso()
  return ratings.map((rating, i) => {
    const kind = pick(rand, KINDS)
    const field = pick(rand, FIELDS)
    // received on a working day up to early December, so every answer falls in 2020 as the report counts it
    const receivedOn = nextWorkingDayFrom(
      calendarDay(
        `2020-${String(between(rand, 1, 11)).padStart(2, '0')}-${String(between(rand, 1, 28)).padStart(2, '0')}`,
      ),
      cal,
    )
    const due = letterDueDate(receivedOn, kind, DEFAULT_LETTER_DEADLINES, cal)
    const answeredOn = addWorkingDays(receivedOn, between(rand, 1, DEFAULT_LETTER_DEADLINES[kind]), cal).day
    return {
      agency_id: agencyId,
      department_id: null,
      kind,
      subject: `关于${field}的${kind === 'consult' ? '咨询' : kind === 'suggest' ? '建议' : kind === 'complain' ? '投诉' : '举报'}`,
      body: '（由政务咨询投诉举报平台迁移的办结件：原信内容未迁移）',
      writer_name: '（迁移）',
      writer_phone: '',
      writer_email: '',
      about_disclosure: 0,
      wants_public: 0,
      query_code: `QZ2020${String(i).padStart(4, '0')}`.replace(/[01]/g, (d) => (d === '0' ? 'Z' : 'Y')),
      source: 'import',
      received_on: receivedOn,
      due_on: due.day,
      due_provisional: 0,
      status: 'answered',
      answer: '（办结答复见政务咨询投诉举报平台）',
      answered_on: answeredOn,
      answered_by: '办公室',
      answered_late: 0,
      published: 0,
      rating,
      rated_on: rating ? answeredOn : null,
      created_at: at,
    }
  })
}

/** 三、回应解读: 12 concerns, 9 press conferences (2 with the principal leader), 20 other responses. */
function responses(): { kind: ResponseKind; heldOn: string; subject: string; concern: string; speakers: string }[] {
  const out: ReturnType<typeof responses> = []
  const months = ['01', '03', '04', '05', '06', '07', '09', '10', '11']
  months.forEach((m, i) => {
    const concern = CONCERNS[i % CONCERNS.length] ?? ''
    out.push({
      kind: 'pressConference',
      heldOn: `2020-${m}-1${i % 9}`,
      subject: `${concern}新闻发布会`,
      concern,
      speakers:
        i < 2
          ? '局主要负责同志，局长（主要负责同志）\n办公室负责人，新闻发言人'
          : '分管副局长，副局长\n相关科室负责人，科长',
    })
  })
  out.push({
    kind: 'policyBriefing',
    heldOn: '2020-08-19',
    subject:
      '《衢州市存量（二手）房出售经纪服务合同》等三个示范文本宣贯会（市区备案的约500家经纪机构近900名经纪人员参加）',
    concern: '存量房交易资金监管',
    speakers: '房地产市场监管科负责人，科长',
  })
  out.push({
    kind: 'other',
    heldOn: '2020-06-12',
    subject: '“一把手”带队在线接听群众来电',
    concern: '房屋质量投诉处理',
    speakers: '局主要负责同志，局长（主要负责同志）',
  })
  for (let i = 0; i < 18; i++) {
    const concern = CONCERNS[(i + 3) % CONCERNS.length] ?? ''
    out.push({
      kind: i % 3 === 0 ? 'briefing' : 'other',
      heldOn: `2020-${String((i % 12) + 1).padStart(2, '0')}-2${i % 8}`,
      subject: i % 3 === 0 ? `${concern}政策吹风会` : `${concern}图解、简明问答`,
      concern,
      speakers: '相关科室负责人，科长',
    })
  }
  return out
}

/** Loads both agencies' interaction records once (a second run changes nothing). Run after the catalog. */
export async function loadInteractionDemo(
  store: Store,
  codes: { quzhouCode: string; fuzhouCode: string },
): Promise<string> {
  const qz = await findAgencyByCode(store.db, codes.quzhouCode)
  if (!qz || (await countLetters(store.db, qz.id)) > 0) return ''
  const actor = systemActor('demo')
  const today = calendarDay('2021-01-20')
  const cal = await loadWorkCalendar(store.db)
  await store.db.transaction().execute((trx) => insertLetters(trx, letterRows(qz.id, cal)))
  for (const r of responses()) await recordConcernResponse({ store, actor, agencyId: qz.id, form: r, today })
  await enterChannelCounts({
    store,
    actor,
    agencyId: qz.id,
    rows: [
      {
        channel: 'cityManagement',
        period: '2020',
        received: 6699,
        resolved: 6685,
        onTime: 6666,
        source: '数字城管系统（年度报告所载全年数）',
      },
    ],
  })
  const wechat = await registerAccount({
    store,
    actor,
    agencyId: qz.id,
    form: { platform: 'wechat', name: '衢州住建', url: '' },
  })
  // 787 as the 统计表 prints it: what the platform itself published to 政务微信 in 2020 counts already
  const published = (await aggregateCatalog(store.db, 2020, [qz.id])).get(qz.id)?.['proactive.wechat'] ?? 0
  await enterAccountPosts({
    store,
    actor,
    accountId: wechat,
    form: { period: '2020', posts: 787 - published, source: '公众号后台（年度报告所载全年数）' },
  })
  const consultations: [string, string, string, string][] = [
    ['《业主委员会选举程序指引》等八项工作规范', '2020-05-06', '2020-06-05', '业主委员会选举、物业服务等八项工作规范'],
    ['《衢州市区存量房交易资金监管办法（试行）》', '2020-07-01', '2020-07-31', '规范存量房交易秩序，保障交易资金安全'],
  ]
  for (const [title, opensOn, closesOn, about] of consultations) {
    const id = await openConsultation({
      store,
      actor,
      agencyId: qz.id,
      form: {
        title,
        explanation: `为${about}，现向社会公开征求意见。`,
        draftText: `${title}（征求意见稿）`,
        opensOn,
        closesOn,
      },
    })
    await closeConsultation({
      store,
      actor,
      consultationId: id,
      form: {
        explanation: '同时通过座谈会、听证会、实地走访、问卷调查、民意调查等方式听取意见。',
        finalDocumentId: '',
      },
      today: closesOn as CalendarDay,
    })
  }
  const fz = await findAgencyByCode(store.db, codes.fuzhouCode)
  if (fz)
    await enterChannelCounts({
      store,
      actor,
      agencyId: fz.id,
      rows: [
        {
          channel: 'hotline12345',
          period: '2020',
          received: 3825,
          concluded: 3825,
          source: '12345热线系统（年度报告所载全年数）',
        },
        {
          channel: 'petition',
          period: '2020',
          received: 623,
          concluded: 623,
          source: '信访系统（年度报告所载全年数）',
        },
      ],
    })
  return `政民互动：衢州2020年来信 ${LETTERS} 件、回应关切 ${responses().length} 次、意见征集 ${consultations.length} 次`
}
