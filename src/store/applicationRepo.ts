import type { Kysely, Selectable } from 'kysely'
import { z } from 'zod'
import type { ApplicationEvent } from '../domain/application/events.js'
import { EVENT_LABELS } from '../domain/application/states.js'
import { IMPORT_WARNINGS } from '../domain/report/ledger.js'
import { isCalendarDay } from '../domain/calendar/calendarDay.js'
import type { ApplicationTable, Database } from './schema.js'
import { nowIso } from './database.js'
import { masterKey } from './personalData/masterKey.js'
import type { IndexedApplicant } from './personalData/sealedStore.js'
import { createDataKey, replaceApplicantIndex, sealText } from './personalData/sealedStore.js'

export type ApplicationRow = Selectable<ApplicationTable>

const APPLICANT = z.record(z.string(), z.unknown())

/**
 * The applicant's details (JSON: contact, identity, delivery …) as an object, from the text opened by the vault
 * (services/personalData/vault.ts); a broken or non-object value reads as empty, so a reader never fails on an old row.
 */
export function parseApplicantDetails(json: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    value = null // not JSON: read as empty below
  }
  const r = APPLICANT.safeParse(value)
  return r.success ? r.data : {}
}

export interface NewApplication {
  agencyId: number
  ref: string
  queryCode: string
  channel: string
  applicantKind: string
  applicantName: string
  applicant: Record<string, unknown>
  description: string
  topic: string | null
  receivedOn: string
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')

/** What the keyed hash index holds of an applicant: name, phone, and name with ID number or credit code. */
export function indexedApplicant(name: string, details: Record<string, unknown>): IndexedApplicant {
  return { name, phone: text(details.phone), idNumber: text(details.idNumber) || text(details.orgCode) }
}

/**
 * A new case. The applicant's name and details are sealed with the case's own data key (decision 0045) and the
 * keyed hash index gets its entries: nothing of the applicant is written in clear.
 */
export async function insertApplication(db: Kysely<Database>, a: NewApplication): Promise<number> {
  const master = masterKey()
  const key = await createDataKey(db, master)
  const row = await db
    .insertInto('applications')
    .values({
      agency_id: a.agencyId,
      ref: a.ref,
      query_code: a.queryCode,
      channel: a.channel,
      applicant_kind: a.applicantKind,
      applicant_name: sealText(key, a.applicantName),
      applicant: sealText(key, JSON.stringify(a.applicant)),
      data_key_id: key.id,
      import_warned: IMPORT_WARNINGS in a.applicant ? 1 : 0,
      description: a.description,
      topic: a.topic,
      received_on: a.receivedOn,
      state: 'registered',
      due_provisional: 0,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const id = Number(row.id)
  await replaceApplicantIndex(
    db,
    { id, agencyId: a.agencyId },
    indexedApplicant(a.applicantName, a.applicant),
    master,
    true,
  )
  return id
}

export async function findApplication(db: Kysely<Database>, id: number): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findApplicationByQueryCode(
  db: Kysely<Database>,
  code: string,
): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('query_code', '=', code).executeTakeFirst()
}

/**
 * One stored event (JSON column, written by appendEvent from a checked event): its kind must be one the domain
 * knows and its day a calendar day, else the history is broken and reading it stops here.
 */
function storedEvent(data: string): ApplicationEvent {
  const v: unknown = JSON.parse(data)
  if (!isStoredEvent(v)) throw new Error(`broken case event: ${data.slice(0, 200)}`)
  return v
}

function isStoredEvent(v: unknown): v is ApplicationEvent {
  return (
    typeof v === 'object' &&
    v !== null &&
    'kind' in v &&
    typeof v.kind === 'string' &&
    Object.hasOwn(EVENT_LABELS, v.kind) &&
    'on' in v &&
    typeof v.on === 'string' &&
    isCalendarDay(v.on)
  )
}

/** The case history in order (the event table is append-only). */
export async function loadEvents(db: Kysely<Database>, applicationId: number): Promise<ApplicationEvent[]> {
  const rows = await db
    .selectFrom('application_events')
    .select(['data'])
    .where('application_id', '=', applicationId)
    .orderBy('seq')
    .execute()
  return rows.map((r) => storedEvent(r.data))
}

export async function appendEvent(
  db: Kysely<Database>,
  applicationId: number,
  seq: number,
  event: ApplicationEvent,
): Promise<void> {
  await db
    .insertInto('application_events')
    .values({
      application_id: applicationId,
      seq,
      kind: event.kind,
      on_day: event.on,
      actor: event.actor ?? null,
      data: JSON.stringify(event),
      recorded_at: nowIso(),
    })
    .execute()
}

/** Stored copies of derived facts, for queries; always written from the clock, never by hand. */
export interface DerivedFacts {
  state: string
  outcome: string | null
  concludedOn: string | null
  dueBy: string | null
  dueProvisional: boolean
  departmentId: number | null
}

export async function updateDerived(db: Kysely<Database>, id: number, d: DerivedFacts): Promise<void> {
  await db
    .updateTable('applications')
    .set({
      state: d.state,
      outcome: d.outcome,
      concluded_on: d.concludedOn,
      due_by: d.dueBy,
      due_provisional: d.dueProvisional ? 1 : 0,
      department_id: d.departmentId,
    })
    .where('id', '=', id)
    .execute()
}

export async function listOpenApplicationIds(db: Kysely<Database>, openStates: readonly string[]): Promise<number[]> {
  const rows = await db
    .selectFrom('applications')
    .select('id')
    .where('state', 'in', [...openStates])
    .orderBy('id')
    .execute()
  return rows.map((r) => Number(r.id))
}
