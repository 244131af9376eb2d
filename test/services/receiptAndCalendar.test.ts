import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { isWorkingDay } from '../../src/domain/calendar/workingDays.js'
import { systemActor } from '../../src/services/actor.js'
import { enterYearNotice } from '../../src/services/calendarAdmin.js'
import { submitOnlineApplication } from '../../src/services/cases/submitOnlineApplication.js'
import { findAgencyById, updateAgencySettings } from '../../src/store/agencyRepo.js'
import { loadEvents } from '../../src/store/applicationRepo.js'
import { loadWorkCalendar } from '../../src/store/calendarRepo.js'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency } from '../support/factories.js'

const d = (s: string) => s as CalendarDay
const actor = { username: 'public', ip: '198.51.100.7', principal: null }

async function submit(store: Store, agencyId: number, today: string, at?: string) {
  const code = (await findAgencyById(store.db, agencyId))?.code
  const input = {
    agency: code,
    applicantKind: 'naturalPerson',
    name: '王小明',
    idType: 'passport',
    idNumber: 'E12345678',
    phone: '0570-1234567',
    email: 'wang@example.cn',
    description: '请公开棚户区改造项目的补偿标准',
    delivery: 'electronic',
  }
  return submitOnlineApplication({ store, actor, input, files: [], today: d(today), ...(at ? { at } : {}) })
}

describeEachEngine('online receipt (《条例》第三十一条第（三）项, decision 0007)', (get) => {
  it('submitted Saturday 2026-03-07 at 10:00: received Monday 3/9, due 4/7; the submission is kept', async () => {
    const agencyId = await makeAgency(get())
    const r = await submit(get(), agencyId, '2026-03-07', '10:00')
    expect(r.receivedOn).toBe('2026-03-09')
    // 3/10 1 … 4/3 19, [4/4–6 清明, 2026 notice], 4/7 20
    expect(r.dueBy).toBe('2026-04-07')
    const [registered] = await loadEvents(get().db, r.id)
    expect(registered).toMatchObject({ on: '2026-03-09', submitted: { on: '2026-03-07', at: '10:00' } })
  })

  it('submitted Tuesday 2026-06-16 at 23:30: received 6/17', async () => {
    const agencyId = await makeAgency(get())
    expect((await submit(get(), agencyId, '2026-06-16', '23:30')).receivedOn).toBe('2026-06-17')
  })

  it('an agency that confirms at once (onlineReceipt.nextWorkingDay false) receives on the Saturday itself', async () => {
    const agencyId = await makeAgency(get())
    const onlineReceipt = { nextWorkingDay: false, closesAt: '17:30' }
    await updateAgencySettings(get().db, agencyId, { clock: { onlineReceipt } })
    expect((await submit(get(), agencyId, '2026-03-07', '23:30')).receivedOn).toBe('2026-03-07')
  })
})

describeEachEngine('entering a year replaces it (decision 0008)', (get) => {
  const admin = systemActor('test')
  it('a notice listing 2026-12-31 sets it off; entered again without it, the day works again', async () => {
    const notice = (holidays: string[]) => ({ year: 2027, holidays, workdays: [], source: '测试通知（假设）' })
    const first = await enterYearNotice({
      store: get(),
      actor: admin,
      notice: notice(['2026-12-31~2027-01-03']),
      today: d('2026-12-04'),
    })
    expect(first.changes).toContainEqual({ day: '2026-12-31', before: '上班', after: '放假' })
    expect(isWorkingDay(d('2026-12-31'), await loadWorkCalendar(get().db))).toBe(false)
    // 10/1–3 2027 were provisional holidays; a notice that leaves them out makes Friday 10/1 a working day
    expect(isWorkingDay(d('2027-10-01'), await loadWorkCalendar(get().db))).toBe(true)

    const second = await enterYearNotice({
      store: get(),
      actor: admin,
      notice: notice(['2027-01-01~2027-01-03']),
      today: d('2026-12-04'),
    })
    expect(second.changes).toEqual([{ day: '2026-12-31', before: '放假', after: '上班' }])
    expect(isWorkingDay(d('2026-12-31'), await loadWorkCalendar(get().db))).toBe(true)
  })
})
