import { z } from 'zod'
import type { ApplicationEvent } from '../../domain/application/events.js'
import { isOutcomeCode, outcomeLabel } from '../../domain/application/outcomes.js'
import { stateLabel } from '../../domain/application/states.js'
import type { CaseContext } from '../../services/caseContext.js'
import { clockJson, presentClock } from './clock.js'

/** GET /api/applications/:id: a case, its computed dates and its history, for staff. */
export const caseRecordJson = z.object({
  id: z.number(),
  ref: z.string(),
  channel: z.string(),
  applicantKind: z.string(),
  description: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  ...clockJson.shape,
  // the events as recorded: each is one of domain/application/events.ts, with its kind and day
  events: z.array(z.custom<ApplicationEvent>((v) => typeof v === 'object' && v !== null && 'kind' in v)),
})

export function presentCaseRecord(c: CaseContext): z.infer<typeof caseRecordJson> {
  const o = c.clock.outcome
  return {
    id: Number(c.row.id),
    ref: c.row.ref,
    channel: c.row.channel,
    applicantKind: c.row.applicant_kind,
    description: c.row.description,
    state: c.state,
    stateLabel: stateLabel(c.state),
    outcome: o,
    outcomeLabel: o && isOutcomeCode(o) ? outcomeLabel(o) : null,
    ...presentClock(c.clock),
    events: c.events,
  }
}
