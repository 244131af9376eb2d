import type { Selectable } from 'kysely'
import type { Speaker } from '../../domain/interaction/responses.js'
import type { ConsultationTable, LetterTable } from '../../store/interactionSchema.js'

// The fields the 政民互动 pages show, listed explicitly (the rows carry writer's contacts that never reach the portal).

interface ListedRow {
  id: number
  title: string
  agency: string
  opens_on: string
  closes_on: string
  status?: string
}

const hubItem = (r: ListedRow) => ({
  id: Number(r.id),
  title: r.title,
  agency: r.agency,
  opensOn: r.opens_on,
  closesOn: r.closes_on,
  status: r.status ?? 'open',
})

export function presentHub(consultations: readonly ListedRow[], surveys: readonly ListedRow[]) {
  return { consultations: consultations.map(hubItem), surveys: surveys.map(hubItem) }
}

export function presentPublished(l: {
  id: number
  kind: string
  public_subject: string | null
  public_body: string | null
  public_answer: string | null
  answered_on: string | null
  agency: string
}) {
  return {
    id: Number(l.id),
    kind: l.kind,
    subject: l.public_subject ?? '',
    body: l.public_body ?? '',
    answer: l.public_answer ?? '',
    answeredOn: l.answered_on ?? '',
    agency: l.agency,
  }
}

export function presentResponse(r: {
  id: number
  agency: string
  kind: string
  held_on: string
  subject: string
  concern: string
  speakers: Speaker[]
  link: string
}) {
  return {
    id: r.id,
    agency: r.agency,
    kind: r.kind,
    heldOn: r.held_on,
    subject: r.subject,
    concern: r.concern,
    speakers: r.speakers,
    link: r.link,
  }
}

export function presentConsultation(
  c: Pick<
    Selectable<ConsultationTable>,
    'id' | 'title' | 'explanation' | 'draft_text' | 'opens_on' | 'closes_on' | 'status' | 'feedback' | 'feedback_on'
  >,
) {
  return {
    id: c.id,
    title: c.title,
    explanation: c.explanation,
    draftText: c.draft_text,
    opensOn: c.opens_on,
    closesOn: c.closes_on,
    status: c.status,
    feedback: c.feedback,
    feedbackOn: c.feedback_on,
  }
}

type LetterRow<K extends keyof LetterTable> = Pick<Selectable<LetterTable>, K>

export function presentDeskLetter(
  l: LetterRow<
    'id' | 'kind' | 'subject' | 'status' | 'received_on' | 'due_on' | 'due_provisional' | 'rating' | 'supervised_on'
  > & { department: string | null; overdue: boolean },
) {
  return {
    id: l.id,
    kind: l.kind,
    subject: l.subject,
    status: l.status,
    receivedOn: l.received_on,
    dueOn: l.due_on,
    provisional: l.due_provisional === 1,
    department: l.department,
    rating: l.rating,
    overdue: l.overdue,
    supervisedOn: l.supervised_on,
  }
}

export function presentStaffLetter(
  l: LetterRow<
    | 'id'
    | 'kind'
    | 'subject'
    | 'body'
    | 'writer_name'
    | 'writer_phone'
    | 'writer_email'
    | 'wants_public'
    | 'about_disclosure'
    | 'status'
    | 'received_on'
    | 'due_on'
    | 'due_provisional'
    | 'department_id'
    | 'answer'
    | 'answered_on'
    | 'answered_late'
    | 'rating'
    | 'published'
    | 'supervised_on'
    | 'supervise_note'
  >,
) {
  return {
    id: l.id,
    kind: l.kind,
    subject: l.subject,
    body: l.body,
    writerName: l.writer_name,
    writerPhone: l.writer_phone,
    writerEmail: l.writer_email,
    wantsPublic: l.wants_public === 1,
    aboutDisclosure: l.about_disclosure === 1,
    status: l.status,
    receivedOn: l.received_on,
    dueOn: l.due_on,
    provisional: l.due_provisional === 1,
    departmentId: l.department_id === null ? null : Number(l.department_id),
    answer: l.answer,
    answeredOn: l.answered_on,
    answeredLate: l.answered_late === 1,
    rating: l.rating,
    published: l.published === 1,
    supervisedOn: l.supervised_on,
    superviseNote: l.supervise_note,
  }
}

export function presentListed(r: ListedRow) {
  return hubItem(r)
}
