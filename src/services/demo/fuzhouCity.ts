import { creditCodeCheckChar } from '../../domain/agency/creditCode.js'
import type { AgencyKind } from '../../domain/agency/agencyKind.js'
import type { ApplicantKind, Channel } from '../../domain/application/applicant.js'
import type { ApplicationEvent } from '../../domain/application/events.js'
import type { ItemResult } from '../../domain/application/outcomes.js'
import { addDays, calendarDay } from '../../domain/calendar/calendarDay.js'
import { addWorkingDays, nextWorkingDayFrom } from '../../domain/calendar/workingDays.js'
import { findAgencyByCode, listDepartments, updateAgencyParent } from '../../store/agencyRepo.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import type { Store } from '../../store/database.js'
import { createAgency, createDepartment } from '../agencies.js'
import { recordEvent } from '../recordEvent.js'
import { registerApplication } from '../registerApplication.js'
import { decideReview, recordReview } from '../reviews.js'
import { loadCityInteraction } from './fuzhouCityLetters.js'
import { between, personName, pick, seededRandom } from './random.js'

// The demo city (issue 19): 福州市人民政府, its departments (the housing bureau of the seed among them) and
// two districts, one with a department of its own; a year (2025) of synthetic cases for each, deterministic.
// No catalog documents: the portal's and search's counts stay those of the seed agencies.

const code = (n: number) => {
  const first17 = `11350100${String(n).padStart(9, '0')}`
  return first17 + (creditCodeCheckChar(first17) ?? '0')
}

/** The root of the demo supervisor's grant. */
export const FUZHOU_CITY = { name: '福州市人民政府', code: code(38_000_001) }

interface CityAgency {
  name: string
  code: string
  kind: AgencyKind
  /** the parent's code (the city when absent) */
  parent?: string
  /** how many cases it received in 2025 */
  cases: number
  prefix: string
}

const GULOU = code(38_000_005)
const AGENCIES: CityAgency[] = [
  { name: '福州市教育局', code: code(38_000_002), kind: 'department', cases: 14, prefix: '榕教依申' },
  { name: '福州市自然资源和规划局', code: code(38_000_003), kind: 'department', cases: 18, prefix: '榕自然依申' },
  { name: '福州市生态环境局', code: code(38_000_004), kind: 'department', cases: 8, prefix: '榕环依申' },
  { name: '福州市鼓楼区人民政府', code: GULOU, kind: 'localGovernment', cases: 12, prefix: '鼓政依申' },
  { name: '福州市台江区人民政府', code: code(38_000_006), kind: 'localGovernment', cases: 7, prefix: '台政依申' },
  {
    name: '福州市鼓楼区住房和建设局',
    code: code(38_000_007),
    kind: 'department',
    parent: GULOU,
    cases: 6,
    prefix: '鼓住建依申',
  },
]

const RESULTS: ItemResult[] = [
  'disclosed',
  'disclosed',
  'disclosed',
  'partiallyDisclosed',
  'unableToProvide.notHeld',
  'unableToProvide.notHeld',
  'withheld.processInformation',
  'notProcessed.petitionOrComplaint',
  'notThisAgency',
]
const TEXTS = [
  '请公开{p}{y}年度部门预算及执行情况',
  '申请公开{p}相关项目的审批文件',
  '请提供{p}辖区内有关政策执行情况的文件',
  '申请公开{p}有关信访事项的处理依据',
]
const PLACES = ['鼓楼区', '台江区', '仓山区', '晋安区', '马尾区', '长乐区']

/** Creates the city, its agencies and their 2025 cases once; returns what it did ('' when there already). */
export async function loadFuzhouCity(store: Store, housingBureauCode: string): Promise<string> {
  if (await findAgencyByCode(store.db, FUZHOU_CITY.code)) return ''
  const city = await createAgency(store, { ...FUZHOU_CITY, settings: { kind: 'localGovernment' } })
  const housing = await findAgencyByCode(store.db, housingBureauCode)
  const made: { id: number; a: CityAgency }[] = []
  for (const a of AGENCIES) {
    const parentId = a.parent ? ((await findAgencyByCode(store.db, a.parent))?.id ?? city) : city
    const id = await createAgency(store, {
      name: a.name,
      code: a.code,
      parentId,
      settings: { kind: a.kind, caseRefPrefix: a.prefix },
    })
    made.push({ id, a })
  }
  let cases = 0
  if (housing) {
    await updateAgencyParent(store.db, housing.id, city)
    cases += await loadYear(store, housing.id, { prefix: '榕房', cases: 15, seed: 1 }, '福州市人民政府')
  }
  for (const [i, m] of made.entries()) {
    const body =
      m.a.kind === 'localGovernment' ? '福州市人民政府' : m.a.parent ? '福州市鼓楼区人民政府' : '福州市人民政府'
    cases += await loadYear(store, m.id, { prefix: m.a.prefix, cases: m.a.cases, seed: i + 2 }, body)
  }
  const letters = await loadCityInteraction(store, [
    { id: city, name: FUZHOU_CITY.name },
    ...made.map((m) => ({ id: m.id, name: m.a.name })),
  ])
  return `福州市人民政府及下属${AGENCIES.length + (housing ? 1 : 0)}个机关2025年依申请公开 ${cases} 件、来信 ${letters} 件`
}

/**
 * One agency's 2025: cases spread over the year, most answered within 3–18 working days, one in eight after
 * the 20th, the last one to three received in December left open (overdue once their deadline passes), and a review
 * of one refusal in each half of the list (one of them 纠正).
 */
async function loadYear(
  store: Store,
  agencyId: number,
  o: { prefix: string; cases: number; seed: number },
  reviewBody: string,
): Promise<number> {
  const rand = seededRandom(20251231 + o.seed * 7)
  const cal = await loadWorkCalendar(store.db)
  const dept =
    (await listDepartments(store.db, [agencyId])).find((d) => d.name === '办公室')?.id ??
    (await createDepartment(store, agencyId, '办公室'))
  const actor = '办公室 演示'
  let reviews = 0
  for (let i = 0; i < o.cases; i++) {
    // one to three cases left open, by agency
    const open = i >= o.cases - 1 - (o.seed % 3)
    const channel: Channel = pick(rand, ['online', 'online', 'letter', 'inPerson'])
    const kind: ApplicantKind = rand() < 0.85 ? 'naturalPerson' : 'commercial'
    const day = open
      ? addDays(calendarDay('2025-12-01'), i - o.cases + 8)
      : addDays(calendarDay('2025-01-06'), Math.floor((i * 320) / o.cases) + between(rand, 0, 3))
    const receivedOn = channel === 'online' ? day : nextWorkingDayFrom(day, cal)
    const place = pick(rand, PLACES)
    const text = pick(rand, TEXTS).replace('{p}', place).replace('{y}', '2024')
    const file = await registerApplication(
      store,
      {
        agencyId,
        ref: `${o.prefix}〔2025〕${i + 1}号`,
        channel,
        receivedOn,
        applicantKind: kind,
        applicantName: kind === 'commercial' ? `福州${place}某置业有限公司` : personName(rand),
        applicant: { phone: `13${between(rand, 100000000, 999999999)}` },
        description: text,
        actor,
      },
      receivedOn,
    )
    const id = Number(file.row.id)
    const step = (e: ApplicationEvent) => recordEvent(store, id, e, e.on)
    await step({
      kind: 'assigned',
      on: addWorkingDays(receivedOn, 1, cal).day,
      departmentId: dept,
      departmentName: '办公室',
      actor,
    })
    if (open) continue
    const late = i % 8 === 5
    const answerOn = addWorkingDays(receivedOn, late ? between(rand, 23, 28) : between(rand, 3, 18), cal).day
    const result = pick(rand, RESULTS)
    await step({
      kind: 'answered',
      on: answerOn,
      items: [{ request: text, result }],
      replyText: '经审查，现答复如下。',
      actor,
    })
    await step({ kind: 'delivered', on: answerOn, method: channel === 'online' ? 'electronic' : 'post', actor })
    const refused = result !== 'disclosed' && result !== 'notThisAgency'
    if (refused && reviews < 2 && i > reviews * (o.cases / 2)) {
      const reviewId = await recordReview(store, {
        agencyId,
        applicationId: id,
        kind: 'review',
        filedOn: addDays(answerOn, between(rand, 10, 30)),
        body: reviewBody,
        note: '申请人对答复不服申请行政复议',
      })
      const decidedOn = addDays(answerOn, between(rand, 60, 80))
      if (decidedOn <= '2025-12-31')
        await decideReview(store, reviewId, { result: reviews === 0 ? 'corrected' : 'upheld', decidedOn })
      reviews++
    }
  }
  return o.cases
}
