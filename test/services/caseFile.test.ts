import ExcelJS from 'exceljs'
import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { Role } from '../../src/domain/auth/roles.js'
import type { Actor } from '../../src/services/actor.js'
import { createDepartment } from '../../src/services/agencies.js'
import { caseFileDownload } from '../../src/services/cases/caseFileDownload.js'
import { casePageData } from '../../src/services/cases/casePageData.js'
import { decideReview } from '../../src/services/cases/decideReview.js'
import { exportCaseList } from '../../src/services/cases/exportCaseList.js'
import { listReviews } from '../../src/services/cases/listReviews.js'
import { registerReview } from '../../src/services/cases/registerReview.js'
import { submitOnlineApplication } from '../../src/services/cases/submitOnlineApplication.js'
import { recordEvent } from '../../src/services/recordEvent.js'
import { generateReport } from '../../src/services/report/generateReport.js'
import { findAgencyById } from '../../src/store/agencyRepo.js'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency, makeCase } from '../support/factories.js'

const d = (s: string) => s as CalendarDay

function staff(role: Role, agencyId: number, departmentIds: number[] = []): Actor {
  const principal = { userId: 1, username: role, roles: [role], agencyId, departmentIds, supervisedAgencyIds: [] }
  return { username: role, ip: '192.0.2.1', principal }
}

const auditActions = async (store: Store, id: number) =>
  (
    await store.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'application')
      .where('target_id', '=', String(id))
      .orderBy('seq')
      .execute()
  ).map((r) => r.action)

/** A case received on 2025-03-03 and answered on 2025-03-20: something a review can contest. */
async function answeredCase(store: Store, agencyId: number): Promise<number> {
  const id = Number((await makeCase(store, agencyId, '2025-03-03')).row.id)
  await recordEvent(
    store,
    id,
    { kind: 'answered', on: d('2025-03-20'), items: [{ request: '方案', result: 'disclosed' }], replyText: '予以公开' },
    d('2025-03-20'),
  )
  return id
}

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
)

describeEachEngine('the whole case file: the applicant, the files and the 台账', (get) => {
  it('shows every particular the applicant gave online, and opens the ID proof only in scope, audited', async () => {
    const agencyId = await makeAgency(get())
    const dept = await createDepartment(get(), agencyId, '房屋征收处')
    const code = (await findAgencyById(get().db, agencyId))?.code ?? ''
    const receipt = await submitOnlineApplication({
      store: get(),
      actor: { username: 'public', ip: '192.0.2.9', principal: null },
      input: {
        agency: code,
        applicantKind: 'naturalPerson',
        name: '王小明',
        idType: 'resident-id',
        idNumber: '11010519491231002X',
        phone: '0570-1234567',
        email: 'wang@example.cn',
        description: '请公开棚户区改造项目的补偿标准',
        delivery: 'electronic',
      },
      files: [{ field: 'idProof', fileName: '身份证.png', data: PNG }],
      today: d('2026-11-24'),
    })
    const id = receipt.id
    const office = staff('office', agencyId)
    const data = await casePageData({ store: get(), actor: office, applicationId: id, today: d('2026-11-24') })
    expect(data.applicant).toMatchObject({
      phone: '0570-1234567',
      idNumber: '11010519491231002X',
      idType: 'resident-id',
    })
    const fileId = data.files[0]?.id ?? 0
    const file = await caseFileDownload({ store: get(), actor: office, applicationId: id, fileId })
    expect(file.data.equals(PNG)).toBe(true)
    // a handler of a department the case was not routed to may not read it
    await expect(
      caseFileDownload({ store: get(), actor: staff('handler', agencyId, [dept]), applicationId: id, fileId }),
    ).rejects.toThrow('无权查看该申请的附件')
    expect((await auditActions(get(), id)).filter((a) => a === 'case.fileRead')).toHaveLength(1)
  })

  it('exports the 台账 with the filters in force, every page of it', async () => {
    const agencyId = await makeAgency(get())
    // 23 cases: more than one page (20) of the list
    for (let i = 0; i < 23; i++) await makeCase(get(), agencyId, '2025-03-03')
    await answeredCase(get(), agencyId)
    const office = staff('office', agencyId)
    const read = async (state: string) => {
      const filter = { state, channel: '', due: '' as const, q: '' }
      const xlsx = await exportCaseList({ store: get(), actor: office, filter, today: d('2025-03-21') })
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(xlsx as unknown as ArrayBuffer) // exceljs types a Node Buffer as ArrayBuffer
      const ws = wb.getWorksheet('依申请公开台账')
      return { rows: (ws?.rowCount ?? 0) - 3, filters: String(ws?.getCell(2, 1).value), ws }
    }
    const all = await read('')
    expect(all.rows).toBe(24)
    const answered = await read('answered')
    expect(answered.rows).toBe(1)
    expect(answered.filters).toContain('状态：已答复')
    expect(answered.ws?.getRow(4).getCell(12).value).toBe('予以公开')
  })
})

describeEachEngine('reviews and lawsuits: registered once, decided, shown and counted in 表四', (get) => {
  it('refuses the same registration twice', async () => {
    const agencyId = await makeAgency(get())
    const id = await answeredCase(get(), agencyId)
    const office = staff('office', agencyId)
    const form = { kind: 'review', filedOn: '2025-04-10', body: '某市人民政府' }
    await registerReview({ store: get(), actor: office, applicationId: id, form })
    await expect(registerReview({ store: get(), actor: office, applicationId: id, form })).rejects.toThrow(
      '不能重复登记',
    )
    expect((await auditActions(get(), id)).filter((a) => a === 'case.review')).toHaveLength(1)
  })

  it('the office records the result with its audit entry; the case page shows it; 表四 counts it', async () => {
    const agencyId = await makeAgency(get())
    const dept = await createDepartment(get(), agencyId, '房屋征收处')
    const id = await answeredCase(get(), agencyId)
    const office = staff('office', agencyId)
    const form = { kind: 'review', filedOn: '2025-04-10', body: '某市人民政府' }
    const reviewId = await registerReview({ store: get(), actor: office, applicationId: id, form })
    const decision = { body: '某市人民政府', filedOn: '2025-04-10', result: 'corrected', decidedOn: '2025-06-05' }
    await expect(
      decideReview({
        store: get(),
        actor: staff('handler', agencyId, [dept]),
        reviewId,
        form: decision,
        today: d('2025-07-01'),
      }),
    ).rejects.toThrow('无权执行此操作')
    await decideReview({ store: get(), actor: office, reviewId, form: decision, today: d('2025-07-01') })
    expect(await auditActions(get(), id)).toContain('case.reviewDecided')
    const page = await casePageData({ store: get(), actor: office, applicationId: id, today: d('2025-07-01') })
    expect(page.reviews).toMatchObject([{ body: '某市人民政府', result: 'corrected', decidedOn: '2025-06-05' }])
    const list = await listReviews({ store: get(), actor: office, agencyId, year: 2025, today: d('2025-07-01') })
    expect(list.reviews).toHaveLength(1)
    expect(list.table?.review).toMatchObject({ corrected: 1, pending: 0, total: 1 })
    const report = await generateReport(get(), { agency: agencyId, year: 2025 })
    expect(report.reviewsAndLawsuits?.review.corrected).toBe(1)
  })

  it('a result needs its decision day, 尚未审结 has none, and a decision cannot precede receipt', async () => {
    const agencyId = await makeAgency(get())
    const id = await answeredCase(get(), agencyId)
    const office = staff('office', agencyId)
    const form = { kind: 'lawsuitDirect', filedOn: '2025-04-10', body: '某区人民法院' }
    const reviewId = await registerReview({ store: get(), actor: office, applicationId: id, form })
    const base = { body: '某区人民法院', filedOn: '2025-04-10' }
    const decide = (f: { result: string; decidedOn: string }) =>
      decideReview({ store: get(), actor: office, reviewId, form: { ...base, ...f }, today: d('2025-07-01') })
    await expect(decide({ result: 'upheld', decidedOn: '' })).rejects.toThrow('请填写审结日期')
    await expect(decide({ result: 'pending', decidedOn: '2025-05-01' })).rejects.toThrow(
      '尚未审结的案件不应填写审结日期',
    )
    await expect(decide({ result: 'upheld', decidedOn: '2025-04-09' })).rejects.toThrow(
      '审结日期不能早于收到（立案）日期',
    )
    await expect(decide({ result: 'upheld', decidedOn: '2025-07-02' })).rejects.toThrow('审结日期不能晚于今天')
    await decide({ result: 'pending', decidedOn: '' })
    const report = await generateReport(get(), { agency: agencyId, year: 2025 })
    expect(report.reviewsAndLawsuits?.lawsuitDirect.pending).toBe(1)
  })
})
