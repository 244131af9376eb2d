import { expect, it } from 'vitest'
import { describeEachEngine } from '../support/engines.js'
import { createAgency } from '../../src/services/agencies.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'

const today = '2026-09-28' as CalendarDay

describeEachEngine('registering an application', (get) => {
  it('stores the case with its reply due 20 working days after receipt', async () => {
    const agencyId = await createAgency(get(), { name: '测试局', code: '113308000026188164' })
    const file = await registerApplication(
      get(),
      {
        agencyId,
        channel: 'letter',
        receivedOn: '2026-09-28',
        applicantKind: 'naturalPerson',
        applicantName: '张三',
        description: '请公开某小区征收补偿方案',
      },
      today,
    )
    // 2026: 中秋 9/25–27, 国庆 10/1–7, 调休 10/10 (Saturday) works → the 20th working day is 10/30
    expect(file.clock.dueBy?.day).toBe('2026-10-30')
    expect(file.row.due_by).toBe('2026-10-30')
    expect(file.row.ref).toMatch(/^2026-\d{5}$/)
  })

  it('rejects a missing description with a Chinese message naming the field', async () => {
    await expect(
      registerApplication(
        get(),
        {
          agencyId: 1,
          channel: 'online',
          receivedOn: '2026-09-28',
          applicantKind: 'naturalPerson',
          applicantName: '李四',
          description: ' ',
        },
        today,
      ),
    ).rejects.toMatchObject({ errors: [{ field: 'description', message: '请填写所需政府信息的描述' }] })
  })
})
