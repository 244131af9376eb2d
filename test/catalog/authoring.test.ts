import { expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { Role } from '../../src/domain/auth/roles.js'
import type { Actor } from '../../src/services/actor.js'
import { localDiskStorage } from '../../src/services/catalog/attachmentStorage.js'
import type { DraftForm } from '../../src/services/catalog/authoring.js'
import { draftingForm, saveDraft } from '../../src/services/catalog/authoring.js'
import {
  awaitingMyReview,
  catalogQueue,
  decideStaffDocument,
  staffDocument,
  submitStaffDocument,
} from '../../src/services/catalog/staffDocuments.js'
import { describeEachEngine } from '../support/engines.js'
import { makeAgency } from './factories.js'

const today = '2026-03-02' as CalendarDay
const storage = localDiskStorage(mkdtempSync(join(tmpdir(), 'gongkai-authoring-')))
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

let users = 100
function person(role: Role, agencyId: number): Actor {
  const userId = ++users
  const username = `${role}${userId}`
  return {
    username,
    ip: '127.0.0.1',
    principal: { userId, username, roles: [role], agencyId, departmentIds: [], supervisedAgencyIds: [] },
  }
}

describeEachEngine('drafting a document in the console', (get) => {
  async function setUp() {
    const agency = await makeAgency(get())
    const form: DraftForm = {
      columnId: String(agency.columns.get('statutory')),
      title: '关于规范住宅小区电梯维保服务的通知',
      body: '第一段。\n第二段 <script>alert(1)</script>',
      docNo: '榕房〔2026〕12号',
      formedOn: '2026-02-26',
      topic: '城乡建设',
      genre: '规范性文件',
      disclosure: 'active',
      validity: 'valid',
      publisher: '测试局',
      source: '物业处',
      art20: 'art20_1',
    }
    return { agency, form, drafter: person('handler', agency.id) }
  }
  const save = (actor: Actor, form: DraftForm, files: { fileName: string; data: Uint8Array }[] = [], id?: number) =>
    saveDraft({ store: get(), actor, name: actor.username, storage, form, files, today, id })

  it('a draft keeps every catalog field, a sanitised body and its attachment', async () => {
    const { form, drafter } = await setUp()
    const id = await save(drafter, form, [{ fileName: '标准.pdf', data: PDF }])
    const d = await staffDocument({ store: get(), actor: drafter, id })
    expect(d.doc).toMatchObject({
      status: 'draft',
      docNo: '榕房〔2026〕12号',
      formedOn: '2026-02-26',
      topic: '城乡建设',
      genre: '规范性文件',
      disclosure: 'active',
      validity: 'valid',
      publisher: '测试局',
      source: '物业处',
      art20: 'art20_1',
    })
    // plain text: one paragraph per line, a typed tag shown as text, never run
    expect(d.doc.bodyHtml).toBe('<p>第一段。</p><p>第二段 &lt;script&gt;alert(1)&lt;/script&gt;</p>')
    expect(d.attachments.map((a) => [a.name, a.mime])).toEqual([['标准.pdf', 'application/pdf']])
  })

  it('pasted rich text is sanitised: scripts and styles dropped, tables kept', async () => {
    const { form, drafter } = await setUp()
    const body =
      '<h2 style="color:red">一、总则</h2><script>x()</script><table><tr><td colspan="2">表</td></tr></table>'
    const id = await save(drafter, { ...form, body })
    const d = await staffDocument({ store: get(), actor: drafter, id })
    expect(d.doc.bodyHtml).toBe('<h2>一、总则</h2><table><tr><td colspan="2">表</td></tr></table>')
  })

  it('a file of a kind not allowed is refused, naming it, and nothing is written', async () => {
    const { agency, form, drafter } = await setUp()
    const err = await save(drafter, form, [{ fileName: '说明.pdf', data: new TextEncoder().encode('纯文本') }]).catch(
      (e: unknown) => e,
    )
    expect(String((err as { errors?: { message: string }[] }).errors?.[0]?.message)).toContain(
      '附件「说明.pdf」的类型不允许',
    )
    const rows = await get().db.selectFrom('documents').select('id').where('agency_id', '=', agency.id).execute()
    expect(rows).toEqual([])
  })

  it('a missing 成文日期 and an unknown 公开方式 are named in Chinese', async () => {
    const { form, drafter } = await setUp()
    await expect(save(drafter, { ...form, disclosure: 'secret' })).rejects.toMatchObject({
      errors: [{ field: 'disclosure', message: '公开方式应为主动公开、依申请公开、不予公开之一' }],
    })
    await expect(save(drafter, { ...form, formedOn: '' })).rejects.toMatchObject({
      errors: [{ field: 'formedOn' }],
    })
  })

  it('an item in review cannot be edited; a returned one can, and the drafter sees the comment', async () => {
    const { agency, form, drafter } = await setUp()
    const id = await save(drafter, form)
    await submitStaffDocument({ store: get(), actor: drafter, name: '王科员', id, today })
    await expect(save(drafter, { ...form, title: '改过的标题' }, [], id)).rejects.toMatchObject({
      errors: [{ field: 'status', message: '「审核中」的信息不能修改' }],
    })
    const head = person('reviewerDept', agency.id)
    const comment = '请写明依据'
    await decideStaffDocument({
      store: get(),
      actor: head,
      name: '处长',
      id,
      step: 'department',
      decision: 'return',
      comment,
      today,
    })
    expect((await staffDocument({ store: get(), actor: drafter, id })).returned).toMatchObject({ comment, by: '处长' })
    await save(drafter, { ...form, title: '改过的标题' }, [], id)
    const d = await staffDocument({ store: get(), actor: drafter, id })
    expect([d.doc.title, d.events.map((e) => e.kind)]).toEqual([
      '改过的标题',
      ['created', 'submitted', 'returned', 'edited'],
    ])
  })

  it('each reviewer sees in 待我审核 only the items waiting at their own step, and the dashboard count matches', async () => {
    const { agency, form, drafter } = await setUp()
    const id = await save(drafter, form)
    const dept = person('reviewerDept', agency.id)
    const leader = person('reviewerLeader', agency.id)
    expect(await awaitingMyReview({ store: get(), actor: dept })).toBe(0)
    await submitStaffDocument({ store: get(), actor: drafter, name: '王科员', id, today })
    expect((await catalogQueue({ store: get(), actor: dept })).awaitingMe.map((d) => d.id)).toEqual([id])
    expect((await catalogQueue({ store: get(), actor: leader })).awaitingMe).toEqual([])
    expect(await awaitingMyReview({ store: get(), actor: dept })).toBe(1)
    await decideStaffDocument({
      store: get(),
      actor: dept,
      name: '处长',
      id,
      step: 'department',
      decision: 'approve',
      comment: '同意',
      today,
    })
    expect(await awaitingMyReview({ store: get(), actor: dept })).toBe(0)
    expect(await awaitingMyReview({ store: get(), actor: leader })).toBe(1)
    // another agency's reviewer never sees it
    const other = await makeAgency(get())
    expect(await awaitingMyReview({ store: get(), actor: person('reviewerLeader', other.id) })).toBe(0)
  })

  it("another agency's drafter can neither open nor edit the item", async () => {
    const { form, drafter } = await setUp()
    const id = await save(drafter, form)
    const other = await makeAgency(get())
    const stranger = person('handler', other.id)
    await expect(draftingForm({ store: get(), actor: stranger, id })).rejects.toThrow()
    await expect(staffDocument({ store: get(), actor: stranger, id })).rejects.toThrow()
  })

  it('a reviewer may not draft', async () => {
    const { agency, form } = await setUp()
    await expect(save(person('reviewerSecrecy', agency.id), form)).rejects.toThrow()
  })
})
