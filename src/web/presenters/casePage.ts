import type { CasePageData } from '../../services/cases/casePageData.js'
import { DELIVERIES, ID_TYPES } from '../../services/cases/publicApplication.js'
import { REVIEW_RESULTS } from '../../services/reviews.js'
import type { ReviewLine } from '../../services/cases/listReviews.js'
import { APPLICANT_KINDS } from '../../domain/application/applicant.js'
import type { CaseView } from '../views/console/CasePage.js'

/** A fact of the applicant as the case page prints it. */
export interface ApplicantFact {
  label: string
  value: string
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '')
const labelOf = (list: readonly { code: string; label: string }[], code: string) =>
  list.find((x) => x.code === code)?.label ?? code

/**
 * 《条例》第二十九条 as the applicant gave it (the online form's fields, or what the office typed): who applies,
 * proof of identity, contact, the 文号 named, the form and the way of delivery asked for. Empty fields are left out.
 */
function presentApplicant(kind: string, name: string, a: Record<string, unknown>): ApplicantFact[] {
  const facts: [string, string][] = [
    ['申请人类型', labelOf(APPLICANT_KINDS, kind)],
    [kind === 'naturalPerson' ? '姓名' : '名称', name],
    ['证件类型', text(a.idType) ? labelOf(ID_TYPES, text(a.idType)) : ''],
    ['证件号码', text(a.idNumber)],
    ['单位名称', kind === 'naturalPerson' || text(a.orgName) === name ? '' : text(a.orgName)],
    ['统一社会信用代码', text(a.orgCode)],
    ['法定代表人或负责人', text(a.legalRepresentative)],
    ['联系人', text(a.contactName)],
    ['联系电话', text(a.phone)],
    ['电子邮箱', text(a.email)],
    ['通信地址', text(a.address)],
    ['邮政编码', text(a.postalCode)],
    ['文号', text(a.documentNumber)],
    ['信息形式', { electronic: '电子文本', paper: '纸质文本' }[text(a.format)] ?? text(a.format)],
    ['获取方式', text(a.delivery) ? labelOf(DELIVERIES, text(a.delivery)) : ''],
  ]
  return facts.filter(([, v]) => v !== '').map(([label, value]) => ({ label, value }))
}

const REVIEW_KIND_LABELS: Record<string, string> = {
  review: '行政复议',
  lawsuitDirect: '行政诉讼（未经复议）',
  lawsuitAfterReview: '行政诉讼（复议后）',
}

/** A review or lawsuit as the console shows it: kind and result in words. */
export interface ReviewView {
  id: number
  applicationId: number | null
  caseRef: string | null
  kind: string
  kindLabel: string
  filedOn: string
  body: string
  /** upheld | corrected | other | pending */
  result: string
  resultLabel: string
  decidedOn: string
}

export function presentReview(r: ReviewLine): ReviewView {
  const result = r.result ?? 'pending'
  return {
    id: r.id,
    applicationId: r.applicationId,
    caseRef: r.caseRef,
    kind: r.kind,
    kindLabel: REVIEW_KIND_LABELS[r.kind] ?? r.kind,
    filedOn: r.filedOn,
    body: r.body,
    result,
    resultLabel: labelOf(REVIEW_RESULTS, result),
    decidedOn: r.decidedOn ?? '',
  }
}

/** The case page's facts about a case. */
export function presentCase(d: CasePageData): CaseView {
  const { row, agency, state, events, clock } = d.case
  const id = Number(row.id)
  return {
    id,
    ref: row.ref,
    queryCode: row.query_code,
    agencyName: agency.name,
    channel: row.channel,
    applicantKind: row.applicant_kind,
    applicantName: d.applicantName,
    applicant: d.applicant,
    applicantFacts: presentApplicant(row.applicant_kind, d.applicantName, d.applicant),
    description: row.description,
    department: d.department,
    state,
    events,
    clock,
    files: d.files.map((f) => ({
      id: f.id,
      fileName: f.fileName,
      mime: f.mime,
      size: f.size,
      href: `/console/applications/${id}/files/${f.id}`,
    })),
    reviews: d.reviews.map(presentReview),
  }
}
