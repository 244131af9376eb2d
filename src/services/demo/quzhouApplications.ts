import { addDays, calendarDay } from '../../domain/calendar/calendarDay.js'
import { addWorkingDays, nextWorkingDayFrom } from '../../domain/calendar/workingDays.js'
import type { ApplicantKind, Channel, Topic } from '../../domain/application/applicant.js'
import type { ApplicationEvent } from '../../domain/application/events.js'
import type { ItemResult } from '../../domain/application/outcomes.js'
import type { Store } from '../../store/database.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import { createDepartment } from '../agencies.js'
import { recordEvent } from '../recordEvent.js'
import { registerApplication } from '../registerApplication.js'
import { between, personName, pick, seededRandom, shuffled } from './random.js'

/**
 * 衢州市住房和城乡建设局 2020: the 18 applications its published 统计表 states (seed 000, 四、依申请公开数量),
 * as cases: 网络申请 10, 信函申请 8; answers 属于已主动公开范围 1, 同意公开 7, 不属于本行政机关 8,
 * 告知通过其他途径办理 2; types 重大建设项目审批及实施 13, 其它 5; all concluded in 2020 on time, none extended;
 * no administrative review or lawsuit.
 */
const ANSWERS: { result: ItemResult; count: number; reply: string }[] = [
  {
    result: 'alreadyPublic',
    count: 1,
    reply: '您申请的信息已在衢州市人民政府门户网站主动公开，请按以下路径查阅。（《条例》第三十六条第一项）',
  },
  { result: 'disclosed', count: 7, reply: '经审查，您申请的信息属于公开范围，现予以提供（见附件）。' },
  {
    result: 'notThisAgency',
    count: 8,
    reply: '您申请的信息不属于本机关公开职责范围，请向衢州市自然资源和规划局申请。（《条例》第三十六条第五项）',
  },
  {
    result: 'specialLaw',
    count: 2,
    reply: '您申请查询的不动产登记资料，依照《不动产登记资料查询暂行办法》办理。（《条例》第三十六条第七项）',
  },
]

const PROJECT_TEXTS = [
  '请公开{p}项目的建设工程规划许可及施工许可信息',
  '申请公开{p}项目竣工验收备案材料',
  '请公开{p}项目招标投标及中标结果',
  '申请公开{p}项目的立项审批文件',
]
const OTHER_TEXTS = [
  '请公开{p}小区物业服务企业备案信息',
  '申请公开{p}小区住宅专项维修资金使用情况',
  '请公开{p}房屋交易备案信息',
]
const PLACES = ['衢江区', '柯城区', '智造新城', '高铁新城', '信安湖', '西区']

export async function loadQuzhouApplications(store: Store, agencyId: number): Promise<number> {
  const existing = await store.db
    .selectFrom('applications')
    .select('id')
    .where('agency_id', '=', agencyId)
    .limit(1)
    .executeTakeFirst()
  if (existing) return 0
  const rand = seededRandom(20201231)
  const cal = await loadWorkCalendar(store.db)
  const dept = await createDepartment(store, agencyId, '办公室')
  const answers = shuffled(
    rand,
    ANSWERS.flatMap((a) => Array.from({ length: a.count }, () => a)),
  )
  const channels = shuffled(rand, [...Array<Channel>(10).fill('online'), ...Array<Channel>(8).fill('letter')])
  const topics = shuffled(rand, [...Array<Topic>(13).fill('重大建设项目审批及实施'), ...Array<Topic>(5).fill('其它')])
  const kinds = shuffled(rand, [
    ...Array<ApplicantKind>(15).fill('naturalPerson'),
    ...Array<ApplicantKind>(3).fill('commercial'),
  ])
  let created = 0
  for (const [i, answer] of answers.entries()) {
    const channel = channels[i] ?? 'online'
    const topic = topics[i] ?? '其它'
    const kind = kinds[i] ?? 'naturalPerson'
    const received = addDays(calendarDay('2020-01-13'), Math.floor((i * 320) / 18) + between(rand, 0, 3))
    const receivedOn = channel === 'online' ? received : nextWorkingDayFrom(received, cal)
    const place = pick(rand, PLACES)
    const text = pick(rand, topic === '其它' ? OTHER_TEXTS : PROJECT_TEXTS).replace('{p}', place)
    const name = kind === 'commercial' ? `衢州市${place}某房地产开发有限公司` : personName(rand)
    const file = await registerApplication(
      store,
      {
        agencyId,
        ref: `QZ2020-${String(i + 1).padStart(3, '0')}`,
        channel,
        receivedOn,
        applicantKind: kind,
        applicantName: name,
        applicant: { phone: `13${between(rand, 100000000, 999999999)}` },
        description: text,
        topic,
        actor: '办公室 李政',
      },
      receivedOn,
    )
    const id = Number(file.row.id)
    const step = (e: ApplicationEvent) => recordEvent(store, id, e, e.on)
    const assigned = addWorkingDays(receivedOn, 1, cal).day
    await step({ kind: 'assigned', on: assigned, departmentId: dept, departmentName: '办公室', actor: '办公室 李政' })
    const answerOn = addWorkingDays(receivedOn, between(rand, 4, 15), cal).day
    await step({
      kind: 'answered',
      on: answerOn,
      items: [{ request: text, result: answer.result }],
      replyText: answer.reply,
      actor: '办公室 李政',
    })
    await step({
      kind: 'delivered',
      on: answerOn,
      method: channel === 'online' ? 'electronic' : 'post',
      actor: '办公室 李政',
    })
    created++
  }
  return created
}
