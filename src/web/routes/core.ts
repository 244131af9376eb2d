import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { checkHealth } from '../../services/health.js'
import type { AppContext } from '../context.js'
import { SITE_CSS } from '../views/siteCss.js'

const healthResponse = z.object({ ok: z.literal(true), engine: z.enum(['sqlite', 'postgres']) })

export const coreRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get('/healthz', { schema: { response: { 200: healthResponse } } }, async () => checkHealth(ctx.store))

  r.get('/assets/site.css', async (_req, reply) => {
    return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_CSS)
  })
}
