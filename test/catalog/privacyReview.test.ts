import { beforeAll, expect, it } from 'vitest'
import { Document, Packer, Paragraph } from 'docx'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { Role } from '../../src/domain/auth/roles.js'
import type { Actor } from '../../src/services/actor.js'
import { describeEachEngine } from '../support/engines.js'
import { findDocument } from '../../src/store/catalogRepo.js'
import { approveStep, returnDocument, submitDocument } from '../../src/services/catalog/workflow.js'
import { publishDocument } from '../../src/services/catalog/publishDocument.js'
import { updateDocument } from '../../src/services/catalog/documents.js'
import { addAttachment } from '../../src/services/catalog/attachments.js'
import { localDiskStorage } from '../../src/services/catalog/attachmentStorage.js'
import { searchDocuments } from '../../src/services/catalog/searchDocuments.js'
import { decidePrivacyFinding, privacyPanel, setPrivacyExemption } from '../../src/services/catalog/privacyReview.js'
import { drafter, makeAgency, makeDraft, office, reviewers } from './factories.js'
import { attachmentDir } from '../portal/world.js'

// Issue 17 point 2 (decision 0047): the 保密审查 step decides every personal-data finding before it may approve;
// 保留原文 needs a reason; 惩戒性公示 / 强制性信息披露 exempt a document, with a reason; publication masks.

const today = '2026-03-02' as CalendarDay
// a valid 身份证号 (check digit 4) and a mobile number, invented
const ID = '350102198506021234'
const PHONE = '13859670000'
const BODY = `<p>当事人：某某装饰工程有限公司，法定代表人身份证号码：${ID}，联系电话：${PHONE}。</p><p>经查，当事人未按规定办理施工许可。</p>`

let users = 0
/** A signed-in person of the agency holding `roles`. */
function staff(agencyId: number, ...roles: Role[]): Actor {
  users++
  const username = `privacy${users}`
  return {
    username,
    ip: '127.0.0.1',
    principal: { userId: 90_000 + users, username, roles, agencyId, departmentIds: [], supervisedAgencyIds: [] },
  }
}

describeEachEngine('the 保密审查 step decides each personal-data finding', (get) => {
  beforeAll(() => {
    attachmentDir()
  })

  /** A penalty decision with an ID number and a phone, at the 保密审查 step. */
  async function atSecrecy(before?: (id: number) => Promise<unknown>) {
    const agency = await makeAgency(get())
    const id = await makeDraft(get(), agency, { title: '行政处罚决定书（榕建罚〔2026〕7号）', bodyHtml: BODY })
    await before?.(id)
    await submitDocument(get(), id, drafter, today)
    await approveStep(get(), id, 'department', '同意', reviewers.department, today)
    await approveStep(get(), id, 'leader', '同意', reviewers.leader, today)
    const secrecy = staff(agency.id, 'reviewerSecrecy')
    return { agency, id, secrecy }
  }

  async function panel(actor: Actor, id: number) {
    const doc = await findDocument(get().db, id)
    if (!doc || !actor.principal) throw new Error('no document')
    return privacyPanel(get(), actor.principal, doc)
  }

  const decide = (
    actor: Actor,
    id: number,
    f: { source: string; version: string; kind: string; start: number; end: number },
    decision: string,
    reason = '',
  ) => decidePrivacyFinding({ store: get(), actor, name: '保密办刘芳', id, finding: f, decision, reason, today })

  it('cannot approve while a finding is undecided; 保留原文 needs a reason; publication shows only the masks', async () => {
    const { agency, id, secrecy } = await atSecrecy()
    const p = await panel(secrecy, id)
    const id_ = p.findings.find((f) => f.kind === 'idNumber')
    const phone = p.findings.find((f) => f.kind === 'mobile')
    expect([id_?.context.found, id_?.masked]).toEqual([ID, '3501**********1234'])
    expect([phone?.context.found, phone?.masked]).toEqual([PHONE, '138****0000'])
    if (!id_ || !phone) throw new Error('findings missing')
    await expect(approveStep(get(), id, 'secrecy', '同意', reviewers.secrecy, today)).rejects.toThrow(
      /尚有 \d+ 项个人信息未逐项确认/,
    )
    // 保留原文 without a reason is refused, naming what is missing
    await expect(decide(secrecy, id, id_, 'keep', '  ')).rejects.toThrow('保留原文须填写理由')
    // only the 保密审查 reviewer decides
    await expect(decide(staff(agency.id, 'reviewerDept'), id, id_, 'accept')).rejects.toThrow('保密审查环节的审核人')
    await decide(secrecy, id, id_, 'keep', '先写理由再改主意')
    await decide(secrecy, id, id_, 'accept')
    for (const f of (await panel(secrecy, id)).findings.filter((x) => !x.decision))
      await decide(secrecy, id, f, 'accept')
    const decided = await panel(secrecy, id)
    expect(decided.findings.map((f) => f.decision?.code)).not.toContain(undefined)
    expect(decided.block).toBeNull()
    await approveStep(get(), id, 'secrecy', '同意', reviewers.secrecy, today)
    await publishDocument(get(), id, office, today)

    const doc = await findDocument(get().db, id)
    expect(doc?.body_html).toContain('3501**********1234')
    expect(doc?.body_html).toContain('138****0000')
    for (const original of [ID, PHONE]) {
      expect(doc?.body_html).not.toContain(original)
      expect(doc?.body_text).not.toContain(original)
    }
    // the search index is built from the masked text
    expect((await searchDocuments(get(), { q: '施工许可' }, today)).hits.map((h) => h.id)).toContain(id)
    expect((await searchDocuments(get(), { q: PHONE }, today)).total).toBe(0)
    expect((await searchDocuments(get(), { q: ID }, today)).total).toBe(0)
    const tokens = await get().db.selectFrom('search_docs').select('tokens').where('document_id', '=', id).execute()
    expect(tokens.map((t) => t.tokens).join(' ')).not.toMatch(/13859670000|350102198506021234/)
    // the staff record keeps the original, and every decision with who made it
    const after = await panel(secrecy, id)
    expect(after.originalHtml).toContain(ID)
    expect(after.findings.map((f) => [f.kind, f.decision?.code, f.decision?.by])).toEqual(
      expect.arrayContaining([
        ['idNumber', 'accept', '保密办刘芳'],
        ['mobile', 'accept', '保密办刘芳'],
      ]),
    )
    const audit = await get()
      .db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_type', '=', 'document')
      .where('target_id', '=', String(id))
      .execute()
    const actions = audit.map((a) => a.action)
    expect(actions.filter((a) => a === 'document.privacyDecided').length).toBeGreaterThanOrEqual(3)
    expect(actions).toContain('document.privacyMasked')
    // the audit chain names the findings by their masks, never the originals
    expect(JSON.stringify(audit)).not.toContain(ID)
  })

  it('a changed text is examined again: decisions of an earlier version do not carry over', async () => {
    const { agency, id, secrecy } = await atSecrecy()
    for (const f of (await panel(secrecy, id)).findings) await decide(secrecy, id, f, 'accept')
    await returnDocument(get(), id, 'secrecy', '请补充处罚依据', reviewers.secrecy, today)
    const doc = await findDocument(get().db, id)
    if (!doc) throw new Error('gone')
    await updateDocument(
      get(),
      id,
      {
        agencyId: agency.id,
        columnId: doc.column_id,
        title: doc.title,
        bodyHtml: `${BODY}<p>依据《建筑工程施工许可管理办法》第十二条。</p>`,
        formedOn: doc.formed_on,
        publisher: doc.publisher,
      },
      drafter,
      today,
    )
    await submitDocument(get(), id, drafter, today)
    await approveStep(get(), id, 'department', '同意', reviewers.department, today)
    await approveStep(get(), id, 'leader', '同意', reviewers.leader, today)
    const again = await panel(secrecy, id)
    expect(again.findings.length).toBeGreaterThanOrEqual(2)
    expect(again.findings.every((f) => f.decision === null)).toBe(true)
    await expect(approveStep(get(), id, 'secrecy', '同意', reviewers.secrecy, today)).rejects.toThrow(/尚有/)
  })

  it('惩戒性公示 with its reason: findings shown and recorded as exempt, nothing masked, the reason audited', async () => {
    const agency = await makeAgency(get())
    const id = await makeDraft(get(), agency, { title: '行政处罚决定书（榕建罚〔2026〕8号）', bodyHtml: BODY })
    const writer = staff(agency.id, 'handler')
    const mark = (actor: Actor, exempt: string, reason: string) =>
      setPrivacyExemption({ store: get(), actor, name: '物业处 王科员', id, exempt, reason, today })
    await expect(mark(writer, 'penalty', ' ')).rejects.toThrow('须填写理由')
    await expect(mark(writer, 'other', '理由')).rejects.toThrow('请选择惩戒性公示或强制性信息披露')
    await mark(writer, 'penalty', '《建筑市场信用管理暂行办法》第十条：行政处罚信息应予公开')
    await submitDocument(get(), id, drafter, today)
    // once in the chain only the 保密审查 reviewer may change the mark
    await expect(mark(writer, '', '')).rejects.toThrow('只有起草人')
    await approveStep(get(), id, 'department', '同意', reviewers.department, today)
    await approveStep(get(), id, 'leader', '同意', reviewers.leader, today)
    const secrecy = staff(agency.id, 'reviewerSecrecy')
    const p = await panel(secrecy, id)
    expect(p.exempt?.label).toBe('惩戒性公示')
    expect(p.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['idNumber', 'mobile']))
    expect(p.block).toBeNull()
    await approveStep(get(), id, 'secrecy', '同意', reviewers.secrecy, today)
    const recorded = await panel(secrecy, id)
    expect(recorded.findings.map((f) => f.decision?.code)).toEqual(recorded.findings.map(() => 'exempt'))
    expect(recorded.findings[0]?.decision?.reason).toContain('惩戒性公示：《建筑市场信用管理暂行办法》第十条')
    await publishDocument(get(), id, office, today)
    expect((await findDocument(get().db, id))?.body_text).toContain(ID)
    const audit = await get()
      .db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_id', '=', String(id))
      .where('action', '=', 'document.privacyExempt')
      .execute()
    expect(audit.length).toBe(1)
    expect(audit[0]?.detail).toContain('惩戒性公示：《建筑市场信用管理暂行办法》第十条')
  })

  it('a finding in a Word attachment cannot be masked by the platform: accepting it means replacing the file', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('附件：送达回证，受送达人电话 13912345678。')] }] }),
    )
    const { id, secrecy } = await atSecrecy((draft) =>
      addAttachment(get(), localDiskStorage(), draft, { name: '送达回证.docx', bytes: docx }, drafter, today),
    )
    const p = await panel(secrecy, id)
    const inFile = p.findings.find((f) => f.sourceName === '送达回证.docx')
    expect(inFile?.masked).toBe('139****5678')
    for (const f of p.findings) await decide(secrecy, id, f, 'accept')
    await expect(approveStep(get(), id, 'secrecy', '同意', reviewers.secrecy, today)).rejects.toThrow(
      '附件「送达回证.docx」中有 1 项个人信息须去标识化：系统不能改写附件，请退回起草人替换为去标识化后的附件',
    )
    if (!inFile) throw new Error('no finding in the attachment')
    await decide(secrecy, id, inFile, 'keep', '送达回证不公开，仅随卷归档')
    await approveStep(get(), id, 'secrecy', '同意', reviewers.secrecy, today)
    expect((await findDocument(get().db, id))?.status).toBe('approved')
  })
})
