import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { caseRecord } from '../../services/cases/caseRecord.js'
import type { AppContext } from '../context.js'
import { caseRecordJson, presentCaseRecord } from '../presenters/caseRecord.js'
import { idParams } from './formSchemas.js'
import { requestActor } from './consoleSupport.js'

export const applicationApiRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>()
  app.get('/api/applications/:id', { schema: { params: idParams, response: { 200: caseRecordJson } } }, async (req) => {
    const c = await caseRecord({
      store: ctx.store,
      actor: requestActor(req),
      applicationId: req.params.id,
      today: ctx.today(),
    })
    return presentCaseRecord(c)
  })
}
