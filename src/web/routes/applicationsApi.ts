import type { FastifyPluginAsync } from 'fastify'
import { CASE_STATES } from '../../domain/application/states.js'
import { outcomeLabel } from '../../domain/application/outcomes.js'
import type { OutcomeCode } from '../../domain/application/outcomes.js'
import { loadCaseContext } from '../../services/caseContext.js'
import type { AppContext } from '../context.js'
import { NotFound } from '../errors.js'
import { presentClock } from '../presenters/clock.js'

export const applicationApiRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get<{ Params: { id: string } }>('/api/applications/:id', async (req) => {
    const id = Number(req.params.id)
    if (!Number.isInteger(id) || id <= 0) throw new NotFound('申请')
    const file = await loadCaseContext(ctx.store.db, id, ctx.today())
    return {
      id,
      ref: file.row.ref,
      channel: file.row.channel,
      applicantKind: file.row.applicant_kind,
      description: file.row.description,
      state: file.state,
      stateLabel: CASE_STATES.find((s) => s.code === file.state)?.label,
      outcome: file.clock.outcome,
      outcomeLabel: file.clock.outcome ? outcomeLabel(file.clock.outcome as OutcomeCode) : null,
      ...presentClock(file.clock),
      events: file.events,
    }
  })
}
