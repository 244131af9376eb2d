import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { CaseFile } from '../../src/services/caseFile.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import { creditCodeCheckChar } from '../../src/domain/agency/creditCode.js'
import type { Store } from '../../src/store/database.js'
import { createAgency } from '../../src/services/agencies.js'

/** A well-formed 统一社会信用代码 (valid GB 32100-2015 check character), distinct for each n. */
export function makeCreditCode(n: number): string {
  const first17 = `11350100${String(n).padStart(9, '0')}`
  return first17 + creditCodeCheckChar(first17)
}

let serial = 0

/** A fresh agency in the given database, with a unique name and code. */
export async function makeAgency(store: Store, name?: string): Promise<number> {
  serial++
  const n = serial * 7919 + Math.floor(Math.random() * 1000)
  return createAgency(store, { name: name ?? `测试机关${n}`, code: makeCreditCode(n) })
}

/** An application handed in person on `receivedOn` (registered that day), as the office would register it. */
export async function makeCase(store: Store, agencyId: number, receivedOn: string): Promise<CaseFile> {
  return registerApplication(
    store,
    {
      agencyId,
      channel: 'inPerson',
      receivedOn,
      applicantKind: 'naturalPerson',
      applicantName: '林志强',
      description: '请公开某地块征收补偿方案',
    },
    receivedOn as CalendarDay,
  )
}
