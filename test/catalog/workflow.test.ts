import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { describeEachEngine } from '../support/engines.js'
import { documentEvents, findDocument, publicDocuments } from '../../src/store/catalogRepo.js'
import { approveStep, returnDocument, submitDocument, withdrawDocument } from '../../src/services/catalog/workflow.js'
import { changeValidity } from '../../src/services/catalog/documentMetadata.js'
import { publishDocument } from '../../src/services/catalog/publishDocument.js'
import { drafter, makeAgency, makeDraft, office, reviewAndPublish, reviewers } from './factories.js'

const today = '2026-03-02' as CalendarDay

describeEachEngine('the publication review workflow', (get) => {
  it('passes 处室负责人 → 分管领导 → 保密审查, each approval attributed and dated, then publishes with a 索引号', async () => {
    const agency = await makeAgency(get())
    const id = await makeDraft(get(), agency)
    await submitDocument(get(), id, drafter, today)
    expect((await findDocument(get().db, id))?.step).toBe('department')
    await approveStep(get(), id, 'department', '内容属实，同意', reviewers.department, today)
    await approveStep(get(), id, 'leader', '同意发布', reviewers.leader, today)
    await approveStep(get(), id, 'secrecy', '不涉密', reviewers.secrecy, today)
    expect((await findDocument(get().db, id))?.status).toBe('approved')
    await publishDocument(get(), id, office, today)
    const doc = await findDocument(get().db, id)
    expect(doc?.status).toBe('published')
    expect(doc?.index_no).toMatch(new RegExp(`^${agency.code}/2026-\\d{5}$`))
    const events = await documentEvents(get().db, id)
    expect(events.map((e) => [e.kind, e.step, e.actor_name, e.on_day])).toContainEqual([
      'approved',
      'secrecy',
      '保密办刘芳',
      '2026-03-02',
    ])
    expect(events.find((e) => e.step === 'department' && e.kind === 'approved')?.comment).toBe('内容属实，同意')
  })

  it('sends a major item to the head of the agency after the confidentiality review', async () => {
    const agency = await makeAgency(get())
    const id = await makeDraft(get(), agency, { major: true })
    await submitDocument(get(), id, drafter, today)
    for (const step of ['department', 'leader', 'secrecy'] as const)
      await approveStep(get(), id, step, '同意', reviewers[step], today)
    expect((await findDocument(get().db, id))?.step).toBe('head')
    await expect(publishDocument(get(), id, office, today)).rejects.toThrow('未经审核通过的信息不能发布')
  })

  it('refuses an approval by someone who does not hold the step', async () => {
    const agency = await makeAgency(get())
    const id = await makeDraft(get(), agency)
    await submitDocument(get(), id, drafter, today)
    await expect(approveStep(get(), id, 'department', '同意', reviewers.secrecy, today)).rejects.toThrow(
      '「处室负责人审核」须由相应审核人办理',
    )
  })

  it('a returned item needs a comment, leaves the chain and is not public', async () => {
    const agency = await makeAgency(get())
    const id = await makeDraft(get(), agency)
    await submitDocument(get(), id, drafter, today)
    await approveStep(get(), id, 'department', '同意', reviewers.department, today)
    await expect(returnDocument(get(), id, 'leader', ' ', reviewers.leader, today)).rejects.toThrow(
      '退回时请填写退回意见',
    )
    await returnDocument(get(), id, 'leader', '第三段数据需核实', reviewers.leader, today)
    const doc = await findDocument(get().db, id)
    expect([doc?.status, doc?.step]).toEqual(['returned', null])
    expect(await publicDocuments(get().db, today).select('id').where('id', '=', id).execute()).toEqual([])
    await submitDocument(get(), id, drafter, today)
    expect((await findDocument(get().db, id))?.step).toBe('department')
  })

  it('gives 索引号 serials in order per agency and year and never reuses a withdrawn one', async () => {
    const agency = await makeAgency(get(), { indexSerialWidth: 6 })
    const first = await makeDraft(get(), agency)
    await reviewAndPublish(get(), first, today)
    await withdrawDocument(get(), first, '内容有误', office, today)
    const second = await makeDraft(get(), agency)
    await reviewAndPublish(get(), second, today)
    const [a, b] = [await findDocument(get().db, first), await findDocument(get().db, second)]
    expect(a?.index_no).toBe(`${agency.code}/2026-000001`)
    expect(b?.index_no).toBe(`${agency.code}/2026-000002`)
    const nextYear = await makeDraft(get(), agency, { formedOn: '2027-01-04' })
    await reviewAndPublish(get(), nextYear, '2027-01-05' as CalendarDay)
    expect((await findDocument(get().db, nextYear))?.index_no).toBe(`${agency.code}/2027-000001`)
  })

  it('flags an item published more than 20 working days after it was formed (《条例》第二十六条)', async () => {
    const agency = await makeAgency(get())
    // formed 2026-09-28: 中秋 9/25–27 and 国庆 10/1–7 rest, 调休 10/10 works → the 20th working day is 10/30
    const onTime = await makeDraft(get(), agency, { formedOn: '2026-09-28' })
    await reviewAndPublish(get(), onTime, '2026-10-30' as CalendarDay)
    const late = await makeDraft(get(), agency, { formedOn: '2026-09-28' })
    await reviewAndPublish(get(), late, '2026-11-02' as CalendarDay)
    expect((await findDocument(get().db, onTime))?.late).toBe(0)
    expect((await findDocument(get().db, late))?.late).toBe(1)
  })

  it('a scheduled item becomes public on its day, not before', async () => {
    const agency = await makeAgency(get())
    const id = await makeDraft(get(), agency)
    await reviewAndPublish(get(), id, today, { on: '2026-03-09' as CalendarDay })
    const visible = (day: string) =>
      publicDocuments(get().db, day as CalendarDay)
        .select('id')
        .where('id', '=', id)
        .execute()
    expect(await visible('2026-03-08')).toEqual([])
    expect((await visible('2026-03-09')).map((r) => r.id)).toEqual([id])
  })

  it('withdrawal needs a reason; expiry keeps the item public but marked', async () => {
    const agency = await makeAgency(get())
    const id = await makeDraft(get(), agency)
    await reviewAndPublish(get(), id, today)
    await changeValidity(get(), id, 'repealed', '2026-06-01' as CalendarDay, office, today)
    const doc = await findDocument(get().db, id)
    expect([doc?.validity, doc?.validity_on, doc?.status]).toEqual(['repealed', '2026-06-01', 'published'])
    await expect(withdrawDocument(get(), id, '', office, today)).rejects.toThrow('请填写撤回理由')
    await withdrawDocument(get(), id, '文件已被替代', office, today)
    expect(await publicDocuments(get().db, today).select('id').where('id', '=', id).execute()).toEqual([])
  })

  it('a policy that requires its interpretation cannot go out before the interpretation is approved, then both go out together', async () => {
    const agency = await makeAgency(get())
    const policy = await makeDraft(get(), agency, { requiresInterpretation: true })
    const reading = await makeDraft(get(), agency, {
      title: '《关于进一步规范住宅物业服务收费的通知》政策解读',
      docNo: null,
      interpretsId: policy,
      genre: '政策解读',
    })
    await submitDocument(get(), policy, drafter, today)
    for (const step of ['department', 'leader', 'secrecy'] as const)
      await approveStep(get(), policy, step, '同意', reviewers[step], today)
    await expect(publishDocument(get(), policy, office, today)).rejects.toThrow('政策解读尚未审核通过')
    await submitDocument(get(), reading, drafter, today)
    for (const step of ['department', 'leader', 'secrecy'] as const)
      await approveStep(get(), reading, step, '同意', reviewers[step], today)
    await publishDocument(get(), policy, office, today)
    expect((await findDocument(get().db, reading))?.status).toBe('published')
  })
})
