// The letter as issued (issue 15 point 7, decision 0033). Call `issuedLetter(db, applicationId, seq, today)` to show
// or send a letter: it returns the text and DOCX stored when the letter was issued, never a letter rebuilt from
// today's template. A letter is stored in the transaction that records its event; one that predates storage is
// stored the first time it is produced (or when its template is about to change) and is fixed from then on.
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Letter } from '../../domain/letters/composeLetter.js'
import { formatDay, letterKindOf } from '../../domain/letters/composeLetter.js'
import { RuleViolation } from '../../domain/application/rules.js'
import type { LetterKind } from '../../domain/letters/templates.js'
import { loadEvents } from '../../store/applicationRepo.js'
import { sm3 } from '../../store/auditRepo.js'
import { nowIso } from '../../store/database.js'
import type { IssuedLetterRow } from '../../store/issuedLetterRepo.js'
import { casesWithEvents, findIssuedLetter, insertIssuedLetter, issuedSeqs } from '../../store/issuedLetterRepo.js'
import type { Database } from '../../store/schema.js'
import { buildLetter } from './letters.js'
import { renderLetterDocx } from './renderDocx.js'

/** A letter as it was issued, with the SM3 digests of its text and its DOCX. */
export interface IssuedLetter {
  letter: Letter
  text: string
  textSm3: string
  docx: Buffer
  docxSm3: string
  /** the instant it was stored (ISO, UTC) */
  issuedAt: string
}

/** The letter's plain text, line by line: what its digest covers. */
export function letterText(l: Letter): string {
  return [l.title, `编号：${l.number}`, l.addressee, ...l.paragraphs, ...l.remedies, l.signer, formatDay(l.date)]
    .filter((line) => line !== '')
    .join('\n')
}

function presented(row: IssuedLetterRow): IssuedLetter {
  return {
    letter: JSON.parse(row.letter) as Letter,
    text: row.text,
    textSm3: row.text_sm3,
    docx: Buffer.from(row.docx),
    docxSm3: row.docx_sm3,
    issuedAt: row.issued_at,
  }
}

/**
 * Composes the letter of event `seq` now and stores it unless one is stored already (the first issue wins).
 * Throws NotFoundError for an event without a letter and RuleViolation while the agency's review body is unknown.
 */
export async function issueLetter(
  db: Kysely<Database>,
  applicationId: number,
  seq: number,
  today: CalendarDay,
): Promise<void> {
  const letter = await buildLetter(db, applicationId, seq, today)
  const text = letterText(letter)
  const docx = await renderLetterDocx(letter)
  await insertIssuedLetter(db, {
    application_id: applicationId,
    seq,
    kind: letter.kind,
    letter: JSON.stringify(letter),
    text,
    text_sm3: sm3(text),
    docx,
    docx_sm3: sm3Bytes(docx),
    issued_at: nowIso(),
  })
}

/** SM3 of bytes (GB/T 32905-2016), as the audit chain's sm3 is of text. */
function sm3Bytes(bytes: Buffer): string {
  return createHash('sm3').update(bytes).digest('hex')
}

/** The letter of event `seq` as issued; issued now when it never was (a letter from before letters were stored). */
export async function issuedLetter(
  db: Kysely<Database>,
  applicationId: number,
  seq: number,
  today: CalendarDay,
): Promise<IssuedLetter> {
  const stored = await findIssuedLetter(db, applicationId, seq)
  if (stored) return presented(stored)
  await issueLetter(db, applicationId, seq, today)
  const row = await findIssuedLetter(db, applicationId, seq)
  if (!row) throw new Error(`issued letter ${applicationId}/${seq} not stored`)
  return presented(row)
}

/**
 * Issues the letter of a just-recorded event inside the recording transaction. A deciding letter of an agency
 * whose review body is still unknown cannot be composed yet: it is issued when first produced after the body
 * is set (staff are told why until then).
 */
export async function issueLetterOfEvent(
  db: Kysely<Database>,
  applicationId: number,
  seq: number,
  today: CalendarDay,
): Promise<void> {
  try {
    await issueLetter(db, applicationId, seq, today)
  } catch (err) {
    if (!(err instanceof RuleViolation)) throw err
  }
}

/**
 * Stores every letter not stored yet, of one agency (all when null) and of one kind (all when omitted), each
 * composed as of its own event's day: run at demo load and before a template changes, so that the change
 * reaches only later letters. Returns how many were stored.
 */
export async function issuePendingLetters(
  db: Kysely<Database>,
  scope: { agencyId: number | null; kind?: LetterKind },
): Promise<number> {
  let n = 0
  for (const id of await casesWithEvents(db, scope.agencyId)) {
    const done = await issuedSeqs(db, id)
    const events = await loadEvents(db, id)
    for (const [seq, e] of events.entries()) {
      const kind = letterKindOf(e)
      if (!kind || done.has(seq) || (scope.kind && kind !== scope.kind)) continue
      try {
        await issueLetter(db, id, seq, e.on)
        n++
      } catch (err) {
        if (!(err instanceof RuleViolation)) throw err
      }
    }
  }
  return n
}
