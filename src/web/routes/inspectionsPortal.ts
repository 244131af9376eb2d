import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { inspectionColumn, publishedDraw } from '../../services/inspections/inspectionPages.js'
import type { AppContext } from '../context.js'
import { NotFound } from '../errors.js'
import { renderPage } from '../views/Layout.js'
import { InspectionColumnPage } from '../views/inspections/InspectionColumnPage.js'
import { displayMode } from '../displayMode.js'
import { agencyParams, drawParams, drawResponse, inspectionsQuery } from './inspectionsPortal.schema.js'

// The public 双随机、一公开 column and the JSON of a published draw.

export const inspectionsPortalRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const open = { permission: 'public' as const }

  r.get(
    '/inspections/:code',
    { config: open, schema: { params: agencyParams, querystring: inspectionsQuery } },
    async (req, reply) => {
      const data = await inspectionColumn({ store: ctx.store, code: req.params.code, year: req.query.year })
      if (!data) throw new NotFound('该机关')
      const page = renderPage(InspectionColumnPage({ ...data, mode: displayMode(req), path: req.url }))
      return reply.type('text/html; charset=utf-8').send(page)
    },
  )

  r.get(
    '/api/inspections/draws/:id',
    {
      config: open,
      schema: {
        summary: '一次双随机抽查的公布记录（种子、名录及指纹、抽取结果），供 gongkai draw verify 核对',
        tags: ['双随机、一公开'],
        params: drawParams,
        response: { 200: drawResponse },
      },
    },
    async (req) => {
      const draw = await publishedDraw(ctx.store, req.params.id)
      if (!draw) throw new NotFound('该抽查')
      return draw
    },
  )
}
