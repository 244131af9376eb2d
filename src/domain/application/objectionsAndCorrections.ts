import type { ApplicationEvent, EventOf } from './events.js'

/**
 * 第三十二条: the third-party consultations that ended with the third party objecting; only over such an objection
 * does the office, disclosing in the public interest, owe the third party a written notice.
 */
export function objectingThirdParties(history: readonly ApplicationEvent[]): string[] {
  const out: string[] = []
  let open: EventOf<'consultationStarted'> | null = null
  for (const e of history) {
    if (e.kind === 'consultationStarted') open = e
    if (e.kind === 'consultationEnded' && open) {
      if (open.party === 'thirdParty' && e.position === 'objects') out.push(open.with)
      open = null
    }
  }
  return out
}

/** 第四十一条: the correction request still waiting for its answer, if any. */
export function pendingCorrection(history: readonly ApplicationEvent[]): EventOf<'correctionRequested'> | null {
  let pending: EventOf<'correctionRequested'> | null = null
  for (const e of history) {
    if (e.kind === 'correctionRequested') pending = e
    if (e.kind === 'correctionAnswered') pending = null
  }
  return pending
}
