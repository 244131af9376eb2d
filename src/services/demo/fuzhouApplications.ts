import { addDays, calendarDay } from '../../domain/calendar/calendarDay.js'
import { addWorkingDays, nextWorkingDayFrom } from '../../domain/calendar/workingDays.js'
import type { ApplicantKind, Channel, Topic } from '../../domain/application/applicant.js'
import type { ApplicationEvent } from '../../domain/application/events.js'
import type { ItemResult } from '../../domain/application/outcomes.js'
import type { Store } from '../../store/database.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import { createDepartment } from '../agencies.js'
import { loadCaseContext } from '../caseContext.js'
import { recordEvent } from '../recordEvent.js'
import { registerApplication } from '../registerApplication.js'
import { decideReview, recordReview } from '../reviews.js'
import { between, personName, pick, seededRandom, shuffled } from './random.js'

/**
 * 福州市住房保障和房产管理局 2020: the 49 applications and 4 administrative reviews its published report
 * states (seed 001, 表三 and 表四), as cases with plausible histories. The report's table must fall out of them:
 * 自然人 48 + 其他组织 1; 予以公开 7, 部分公开 3, 三类内部事务 1, 四类过程性 2, 不掌握 27+1, 另行制作 4,
 * 信访举报投诉类 4; none carried over or forward; 行政复议 4, all upheld. Every answer on time.
 */
const PLAN: { result: ItemResult; kind: ApplicantKind; count: number }[] = [
  { result: 'disclosed', kind: 'naturalPerson', count: 7 },
  { result: 'partiallyDisclosed', kind: 'naturalPerson', count: 3 },
  { result: 'withheld.internalAffairs', kind: 'naturalPerson', count: 1 },
  { result: 'withheld.processInformation', kind: 'naturalPerson', count: 2 },
  { result: 'unableToProvide.notHeld', kind: 'naturalPerson', count: 27 },
  { result: 'unableToProvide.notHeld', kind: 'otherOrg', count: 1 },
  { result: 'unableToProvide.needsCreation', kind: 'naturalPerson', count: 4 },
  { result: 'notProcessed.petitionOrComplaint', kind: 'naturalPerson', count: 4 },
]

const DEPARTMENTS = ['房屋征收管理处', '物业管理处', '房地产市场监管处', '住房保障处', '办公室']

// the report: 37 of 49 asked about 房屋征收补偿公告和安置情况; the rest 物业管理 and 房地产数据
const REQUESTS: Record<'expropriation' | 'property' | 'data', { topic: Topic; dept: string; texts: string[] }> = {
  expropriation: {
    topic: '征收补偿',
    dept: '房屋征收管理处',
    texts: [
      '请公开{area}地块国有土地上房屋征收决定及补偿方案',
      '请公开{area}片区旧屋区改造项目房屋征收补偿公告',
      '申请公开{area}安置房源分配方案及安置情况',
      '请提供{area}征收项目的评估机构选定结果和分户评估报告',
      '请公开{area}地块征收补偿资金到位情况',
    ],
  },
  property: {
    topic: '其它',
    dept: '物业管理处',
    texts: [
      '请公开{area}小区住宅专项维修资金使用情况',
      '申请公开{area}小区物业服务企业备案信息',
      '请公开{area}小区业主委员会备案材料',
    ],
  },
  data: {
    topic: '统计信息',
    dept: '房地产市场监管处',
    texts: ['请提供2019年{area}商品住房网签备案套数', '申请公开{area}新建商品房预售许可及预售资金监管账户信息'],
  },
}

const AREAS = [
  '鼓楼区杨桥路',
  '台江区上下杭',
  '仓山区城门',
  '晋安区新店',
  '鼓楼区洪山',
  '台江区鳌峰',
  '仓山区盖山',
  '马尾区快安',
  '晋安区岳峰',
  '仓山区建新',
]

const REPLY: Record<string, string> = {
  disclosed: '经审查，您申请的信息属于公开范围，现予以提供（见附件）。',
  partiallyDisclosed:
    '经审查，您申请的信息中部分内容涉及第三方个人隐私，依据《条例》第三十七条，现提供可以公开的部分。',
  'withheld.internalAffairs': '您申请的信息属于内部事务信息，依据《条例》第十六条第一款，不予公开。',
  'withheld.processInformation': '您申请的信息属于过程性信息，依据《条例》第十六条第二款，不予公开。',
  'unableToProvide.notHeld': '经检索，本机关未制作或获取您申请的信息，依据《条例》第三十六条第四项告知。',
  'unableToProvide.needsCreation': '您申请的信息需要对现有信息进行加工、分析，依据《条例》第三十八条，本机关不予提供。',
  'notProcessed.petitionOrComplaint':
    '您的申请属于信访、投诉、举报事项，依据《条例》第三十九条第一款，不作为政府信息公开申请处理，请通过信访渠道反映。',
}

const YEAR_START = calendarDay('2020-01-06')

/** Creates 福州's 2020 cases unless the agency already has applications. Returns how many it created. */
export async function loadFuzhouApplications(store: Store, agencyId: number): Promise<number> {
  const existing = await store.db
    .selectFrom('applications')
    .select('id')
    .where('agency_id', '=', agencyId)
    .limit(1)
    .executeTakeFirst()
  if (existing) return 0
  const rand = seededRandom(20200101)
  const cal = await loadWorkCalendar(store.db)
  const deptIds = new Map<string, number>()
  for (const name of DEPARTMENTS) deptIds.set(name, await createDepartment(store, agencyId, name))
  const deptOf = (name: string): number => {
    const id = deptIds.get(name)
    // every subject's department is one of DEPARTMENTS, created just above
    if (id === undefined) throw new Error(`demo department ${name} missing`)
    return id
  }

  const cases = shuffled(
    rand,
    PLAN.flatMap((p) => Array.from({ length: p.count }, () => ({ result: p.result, kind: p.kind }))),
  )
  // 37 about expropriation, 7 about property management, 5 about market data
  const subjects = shuffled<keyof typeof REQUESTS>(rand, [
    ...Array<keyof typeof REQUESTS>(37).fill('expropriation'),
    ...Array<keyof typeof REQUESTS>(7).fill('property'),
    ...Array<keyof typeof REQUESTS>(5).fill('data'),
  ])
  // the four later taken to administrative review: answers refused or unable, received early in the year
  const reviewed = new Set<number>()
  cases.forEach((c, i) => {
    if (reviewed.size < 4 && i < 20 && (c.result === 'unableToProvide.notHeld' || c.result.startsWith('withheld.')))
      reviewed.add(i)
  })

  let created = 0
  for (const [i, c] of cases.entries()) {
    const subject = REQUESTS[subjects[i] ?? 'expropriation']
    // spread over the year, the last ones received in early November so all are answered in 2020
    const received = addDays(YEAR_START, Math.floor((i * 300) / cases.length) + between(rand, 0, 4))
    const channel: Channel = pick(rand, ['online', 'online', 'letter', 'letter', 'inPerson'] as const)
    const receivedOn = channel === 'online' ? received : nextWorkingDayFrom(received, cal)
    const org = c.kind !== 'naturalPerson'
    const applicantName = org ? '福州市某某小区业主委员会' : personName(rand)
    const text = pick(rand, subject.texts).replace('{area}', pick(rand, AREAS))
    const file = await registerApplication(
      store,
      {
        agencyId,
        channel,
        receivedOn,
        applicantKind: c.kind,
        applicantName,
        applicant: org
          ? { orgName: applicantName, contactName: personName(rand), phone: `0591-8${between(rand, 1000000, 9999999)}` }
          : { phone: `13${between(rand, 100000000, 999999999)}`, address: `福州市${pick(rand, AREAS)}` },
        description: text,
        topic: subject.topic,
        actor: '办公室 陈敏',
      },
      receivedOn,
    )
    const id = Number(file.row.id)
    const step = async (e: ApplicationEvent) => recordEvent(store, id, e, e.on)
    let day = addWorkingDays(receivedOn, 1, cal).day
    await step({
      kind: 'assigned',
      on: day,
      departmentId: deptOf(subject.dept),
      departmentName: subject.dept,
      actor: '办公室 陈敏',
    })
    let periodStart = receivedOn
    if (i % 9 === 4) {
      // an unclear request: one 补正 notice, completed a week later; the period starts again
      const asked = addWorkingDays(receivedOn, 3, cal).day
      await step({
        kind: 'supplementRequested',
        on: asked,
        completeBy: addDays(asked, 15),
        request: '请明确所需信息的地块名称和时间范围',
        actor: '办公室 陈敏',
      })
      day = addDays(asked, 6)
      await step({ kind: 'supplementReceived', on: day, actor: '办公室 陈敏' })
      periodStart = day
    }
    if (c.result === 'partiallyDisclosed' && i % 2 === 0) {
      const sent = addWorkingDays(periodStart, 4, cal).day
      await step({
        kind: 'consultationStarted',
        on: sent,
        party: 'thirdParty',
        with: '相关被征收户',
        actor: subject.dept,
      })
      day = addWorkingDays(sent, between(rand, 5, 12), cal).day
      await step({ kind: 'consultationEnded', on: day, reply: '第三方不同意公开其个人信息', actor: subject.dept })
    }
    if (i % 16 === 7) {
      const told = addWorkingDays(periodStart, 17, cal).day
      day = told
      await step({
        kind: 'extended',
        on: told,
        days: 15,
        approvedBy: '局办公室主任 郑宏',
        approvedOn: told,
        reason: '所需信息涉及多个处室，需检索历年档案',
        actor: '办公室 陈敏',
      })
    }
    const current = await loadCaseContext(store.db, id, day)
    const deadline = current.clock.deadline?.day
    let answerOn = addWorkingDays(day, between(rand, 3, 12), cal).day
    if (deadline !== undefined && answerOn > deadline) answerOn = deadline
    await step({
      kind: 'answered',
      on: answerOn,
      items: [{ request: text, result: c.result }],
      replyText: REPLY[c.result] ?? '',
      actor: subject.dept,
    })
    await step({
      kind: 'delivered',
      on: channel === 'online' ? answerOn : addDays(answerOn, 1),
      method: channel === 'online' ? 'electronic' : 'post',
      actor: '办公室 陈敏',
    })
    if (reviewed.has(i)) {
      const reviewId = await recordReview(store, {
        agencyId,
        applicationId: id,
        kind: 'review',
        filedOn: addDays(answerOn, between(rand, 10, 40)),
        body: '福州市人民政府',
        note: '申请人对答复不服申请行政复议',
      })
      await decideReview(store, reviewId, { result: 'upheld', decidedOn: addDays(answerOn, between(rand, 70, 100)) })
    }
    created++
  }
  return created
}
