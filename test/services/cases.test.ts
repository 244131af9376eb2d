import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { Role } from '../../src/domain/auth/roles.js'
import type { Actor } from '../../src/services/actor.js'
import { dashboard } from '../../src/services/cases/dashboard.js'
import { listCases } from '../../src/services/cases/listCases.js'
import { recordCaseStep } from '../../src/services/cases/recordCaseStep.js'
import { registerReview } from '../../src/services/cases/registerReview.js'
import { submitOnlineApplication } from '../../src/services/cases/submitOnlineApplication.js'
import { registerApplication } from '../../src/services/registerApplication.js'
import { recordEvent } from '../../src/services/recordEvent.js'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency } from '../support/factories.js'
import { findAgencyById } from '../../src/store/agencyRepo.js'
import { createDepartment } from '../../src/services/agencies.js'

const d = (s: string) => s as CalendarDay

function staff(role: Role, agencyId: number, departmentIds: number[] = []): Actor {
  const principal = { userId: 1, username: role, roles: [role], agencyId, departmentIds, supervisedAgencyIds: [] }
  return { username: role, ip: '192.0.2.1', principal }
}

async function routedCase(store: Store, agencyId: number, departmentId: number, receivedOn: string) {
  const c = await registerApplication(
    store,
    {
      agencyId,
      channel: 'letter',
      receivedOn,
      applicantKind: 'naturalPerson',
      applicantName: '林志强',
      description: '请公开某地块征收补偿方案',
    },
    d(receivedOn),
  )
  const id = Number(c.row.id)
  await recordEvent(store, id, { kind: 'assigned', on: d(receivedOn), departmentId }, d(receivedOn))
  return id
}

const auditOf = (store: Store, id: number) =>
  store.db
    .selectFrom('audit_log')
    .select('action')
    .where('target_type', '=', 'application')
    .where('target_id', '=', String(id))
    .execute()

describeEachEngine(
  'case use cases check the step’s permission and write their audit in the same transaction',
  (get) => {
    it('a department handler may request a supplement on its case, but not answer it (STEP_PERMISSION)', async () => {
      const agencyId = await makeAgency(get())
      const dept = await createDepartment(get(), agencyId, '征收处')
      const id = await routedCase(get(), agencyId, dept, '2025-03-03')
      const handler = staff('handler', agencyId, [dept])
      const step = { store: get(), actor: handler, applicationId: id, today: d('2025-03-05') }
      await recordCaseStep({
        ...step,
        form: { kind: 'supplementRequested', on: '2025-03-05', request: '请写明地块', completeBy: '2025-03-20' },
      })
      await expect(
        recordCaseStep({
          ...step,
          form: { kind: 'answered', on: '2025-03-05', result: 'granted', replyText: '予以公开' },
        }),
      ).rejects.toThrow('无权执行此操作')
      expect((await auditOf(get(), id)).map((r) => r.action)).toEqual(['case.supplementRequested'])
    })

    it('a review against a case still within its period is refused, and leaves no audit record', async () => {
      const agencyId = await makeAgency(get())
      const dept = await createDepartment(get(), agencyId, '征收处')
      const id = await routedCase(get(), agencyId, dept, '2025-03-03')
      const form = { kind: 'review', filedOn: '2025-03-10', body: '某市人民政府' }
      await expect(
        registerReview({ store: get(), actor: staff('handler', agencyId, [dept]), applicationId: id, form }),
      ).rejects.toThrow('无权执行此操作')
      await expect(
        registerReview({ store: get(), actor: staff('office', agencyId), applicationId: id, form }),
      ).rejects.toThrow('该申请尚未答复，也未超过答复期限')
      expect(await auditOf(get(), id)).toEqual([])
    })

    it('an online application commits with its audit record; a refused upload leaves no case', async () => {
      const agencyId = await makeAgency(get())
      const code = (await findAgencyById(get().db, agencyId))?.code
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
      const actor = { username: 'public', ip: '198.51.100.7', principal: null }
      const bad = [{ field: 'idProof', fileName: 'id.png', data: Buffer.from('not an image at all') }]
      await expect(
        submitOnlineApplication({ store: get(), actor, input, files: bad, today: d('2025-06-02') }),
      ).rejects.toThrow('不是 PDF、JPEG 或 PNG 文件')
      const count = async () =>
        (await get().db.selectFrom('applications').select('id').where('agency_id', '=', agencyId).execute()).length
      expect(await count()).toBe(0)
      const r = await submitOnlineApplication({ store: get(), actor, input, files: [], today: d('2025-06-02') })
      expect(await count()).toBe(1)
      expect(await auditOf(get(), r.id)).toEqual([{ action: 'case.registered' }])
    })

    it('the list’s "overdue" and the dashboard’s are the same cases: an open case past its stored deadline', async () => {
      const agencyId = await makeAgency(get())
      const dept = await createDepartment(get(), agencyId, '征收处')
      const late = await routedCase(get(), agencyId, dept, '2025-03-03') // due 2025-03-31
      const office = staff('office', agencyId)
      const today = d('2025-04-15')
      const filter = { state: '', channel: '', due: 'overdue' as const, q: '', page: 1 }
      const list = await listCases({ store: get(), actor: office, filter, today })
      const board = await dashboard({ store: get(), actor: office, today })
      expect(list.rows.map((r) => r.id)).toEqual([late])
      expect(board.overdue.map((r) => r.id)).toEqual([late])
      expect(board.dueSoon).toEqual([])
    })
  },
)
