import type { FastifyPluginAsync } from 'fastify'
import { sql } from 'kysely'
import type { AppContext } from '../context.js'
import { SITE_CSS } from '../views/siteCss.js'

export const coreRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/healthz', async () => {
    await sql`select 1`.execute(ctx.store.db)
    return { ok: true, engine: ctx.store.engine }
  })

  app.get('/assets/site.css', async (_req, reply) => {
    return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_CSS)
  })
}
