import { APPLICANT_KINDS } from '../../domain/application/applicant.js'
import { stateLabel } from '../../domain/application/states.js'
import { maskContact } from '../../domain/privacy/index.js'
import type { CaseState } from '../../domain/application/states.js'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { anonymisationDue } from '../../domain/retention/anonymisationDue.js'
import { heldFields } from '../../domain/retention/heldFields.js'
import { retentionPeriodsOf } from '../../domain/retention/periods.js'
import { findAgencyById } from '../../store/agencyRepo.js'
import { messagesOfCase } from '../../store/applicantRightsRepo.js'
import type { ApplicationRow } from '../../store/applicationRepo.js'
import type { Store } from '../../store/database.js'
import { retentionOfCase, reviewsOfCase } from '../../store/retentionRepo.js'
import { readApplicantRecord } from '../retention/applicantData.js'

const TOPIC_LABELS: Record<string, string> = {
  received: '申请已受理',
  supplementRequested: '补正通知',
  extended: '延期答复通知',
  consultationPaused: '征求意见通知',
  answered: '答复通知',
  feeNoticed: '收费通知',
  code: '验证码',
}

/** When the applicant's data of the case goes (or went): what the retention rule says today. */
export type RetentionStatus =
  | { status: 'open' | 'disputed' }
  | { status: 'scheduled'; caseDue: string; filesDue: string; messagesDue: string }
  | { status: 'done'; on: string }

/** Everything the agency holds about the applicant of one case, in full (the export) and as shown on screen. */
export interface HeldData {
  agencyName: string
  caseRef: string
  queryCode: string
  receivedOn: string
  stateLabel: string
  applicantKindLabel: string
  /** masked (`shown`) for the applicant's screen; `full` for the staff's copy */
  fields: { key: string; label: string; shown: string; full: string }[]
  files: { id: number; purpose: string; fileName: string; mime: string; size: number }[]
  messages: {
    topicLabel: string
    channel: string
    recipient: string
    recipientShown: string
    subject: string
    body: string
    state: string
    createdAt: string
    sentAt: string | null
  }[]
  retention: RetentionStatus
  /** the full record, for the download only */
  full: { name: string; kind: string; details: Record<string, unknown> }
}

/** Collects what is held about the applicant of `row` (no permission check, no audit: the callers do both). */
export async function collectHeldData(store: Store, row: ApplicationRow): Promise<HeldData> {
  const id = Number(row.id)
  const record = await readApplicantRecord(store.db, id)
  const agency = await findAgencyById(store.db, Number(row.agency_id))
  const done = await retentionOfCase(store.db, id)
  const reviews = await reviewsOfCase(store.db, id)
  const due = anonymisationDue(
    {
      state: row.state,
      concludedOn: row.concluded_on as CalendarDay | null,
      reviews: reviews.map((r) => ({
        filedOn: r.filedOn as CalendarDay,
        decidedOn: r.decidedOn as CalendarDay | null,
      })),
    },
    retentionPeriodsOf(agency?.settings.retention),
  )
  const retention: RetentionStatus = done?.caseOn
    ? { status: 'done', on: done.caseOn }
    : due.status === 'scheduled'
      ? { status: 'scheduled', caseDue: due.caseDue, filesDue: due.filesDue, messagesDue: due.messagesDue }
      : { status: due.status }
  const messages = await messagesOfCase(store.db, id)
  const name = record?.name ?? ''
  const details = record?.details ?? {}
  return {
    agencyName: agency?.name ?? '',
    caseRef: row.ref,
    queryCode: row.query_code,
    receivedOn: row.received_on,
    stateLabel: stateLabel(row.state as CaseState),
    applicantKindLabel: APPLICANT_KINDS.find((k) => k.code === row.applicant_kind)?.label ?? row.applicant_kind,
    fields: heldFields(name, details),
    files: record?.files ?? [],
    messages: messages
      .filter((m) => m.topic !== 'code')
      .map((m) => ({
        topicLabel: TOPIC_LABELS[m.topic] ?? m.topic,
        channel: m.channel === 'email' ? '电子邮件' : '短信',
        recipient: m.recipient,
        recipientShown: maskContact(m.recipient),
        subject: m.subject,
        body: m.body,
        state: m.state,
        createdAt: m.createdAt,
        sentAt: m.sentAt,
      })),
    retention,
    full: { name, kind: row.applicant_kind, details },
  }
}

/** The download: every value in full, with what it is and when it goes. */
export function heldDataExport(h: HeldData, exportedAt: Date) {
  return {
    exportedAt: exportedAt.toISOString(),
    agency: h.agencyName,
    case: { ref: h.caseRef, queryCode: h.queryCode, receivedOn: h.receivedOn, state: h.stateLabel },
    applicant: { ...h.full, kindLabel: h.applicantKindLabel },
    files: h.files,
    messages: h.messages.map(({ recipientShown: _shown, ...m }) => m),
    retention: h.retention,
  }
}
