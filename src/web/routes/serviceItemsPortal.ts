import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { serviceItemGuide, serviceItemList } from '../../services/serviceItems/serviceItemPages.js'
import type { AppContext } from '../context.js'
import { NotFound } from '../errors.js'
import { presentServiceList } from '../presenters/serviceItems.js'
import { renderPage } from '../views/Layout.js'
import { ServiceGuidePage } from '../views/services/ServiceGuidePage.js'
import { ServiceListPage } from '../views/services/ServiceListPage.js'
import { displayMode } from '../displayMode.js'
import {
  serviceGuideParams,
  servicesJsonQuery,
  servicesParams,
  servicesQuery,
  servicesResponse,
} from './serviceItemsPortal.schema.js'

// Public pages and JSON of 政务服务事项 with their 办事指南.

const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body)
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`

export const serviceItemsPortalRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const open = { permission: 'public' as const }

  r.get(
    '/services/:code',
    { config: open, schema: { params: servicesParams, querystring: servicesQuery } },
    async (req, reply) => {
      const data = await serviceItemList({ store: ctx.store, code: req.params.code, ...req.query })
      if (!data) throw new NotFound('该机关')
      return html(reply, renderPage(ServiceListPage({ ...data, mode: displayMode(req), path: req.url })))
    },
  )

  r.get('/services/:code/:id', { config: open, schema: { params: serviceGuideParams } }, async (req, reply) => {
    const data = await serviceItemGuide({ store: ctx.store, ...req.params })
    if (!data) throw new NotFound('该事项')
    return html(reply, renderPage(ServiceGuidePage({ ...data, mode: displayMode(req), path: req.url })))
  })

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
}
