import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { inspectionColumn, publishedDraw } from '../../services/inspections/inspectionPages.js'
import { serviceItemGuide, serviceItemList } from '../../services/serviceItems/serviceItemPages.js'
import type { AppContext } from '../context.js'
import { NotFound } from '../errors.js'
import { presentServiceList } from '../presenters/serviceItems.js'
import type { DisplayMode } from '../views/Layout.js'
import { renderPage } from '../views/Layout.js'
import { InspectionColumnPage } from '../views/inspections/InspectionColumnPage.js'
import { ServiceGuidePage } from '../views/services/ServiceGuidePage.js'
import { ServiceListPage } from '../views/services/ServiceListPage.js'
import {
  drawParams,
  drawResponse,
  inspectionsQuery,
  serviceGuideParams,
  servicesJsonQuery,
  servicesParams,
  servicesQuery,
  servicesResponse,
} from './issue18Portal.schema.js'

// Public pages and JSON of issue 18: 政务服务事项 with their 办事指南, the 双随机、一公开 column, published draws.

const mode = (req: FastifyRequest): DisplayMode =>
  /(?:^|;\s*)gk_mode=elder(?:;|$)/.test(req.headers.cookie ?? '') ? 'elder' : 'normal'
const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body)
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`

export const issue18PortalRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const open = { permission: 'public' as const }

  r.get(
    '/services/:code',
    { config: open, schema: { params: servicesParams, querystring: servicesQuery } },
    async (req, reply) => {
      const data = await serviceItemList({ store: ctx.store, code: req.params.code, ...req.query })
      if (!data) throw new NotFound('该机关')
      return html(reply, renderPage(ServiceListPage({ ...data, mode: mode(req), path: req.url })))
    },
  )

  r.get('/services/:code/:id', { config: open, schema: { params: serviceGuideParams } }, async (req, reply) => {
    const data = await serviceItemGuide({ store: ctx.store, ...req.params })
    if (!data) throw new NotFound('该事项')
    return html(reply, renderPage(ServiceGuidePage({ ...data, mode: mode(req), path: req.url })))
  })

  r.get(
    '/inspections/:code',
    { config: open, schema: { params: servicesParams, querystring: inspectionsQuery } },
    async (req, reply) => {
      const data = await inspectionColumn({ store: ctx.store, code: req.params.code, year: req.query.year })
      if (!data) throw new NotFound('该机关')
      return html(reply, renderPage(InspectionColumnPage({ ...data, mode: mode(req), path: req.url })))
    },
  )

  r.get(
    '/api/services/:code',
    {
      config: open,
      schema: {
        summary: '机关的政务服务事项清单',
        tags: ['政务服务事项'],
        params: servicesParams,
        querystring: servicesJsonQuery,
        response: { 200: servicesResponse },
      },
    },
    async (req) => {
      const data = await serviceItemList({ store: ctx.store, code: req.params.code, ...req.query })
      if (!data) throw new NotFound('该机关')
      return presentServiceList(origin(req), data)
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
