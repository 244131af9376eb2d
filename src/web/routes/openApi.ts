import swagger from '@fastify/swagger'
import type { FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import type { OpenAPIV3 } from 'openapi-types'
import { needOf } from '../auth/routeTable.js'
import { renderPage } from '../views/Layout.js'
import { ApiDocsPage } from '../views/ApiDocsPage.js'

// OpenAPI 3 of the public JSON API, made from the routes' own zod schemas (@fastify/swagger +
// fastify-type-provider-zod's jsonSchemaTransform). Registered before the routes so it sees each of them;
// only public routes under /api/ are described. /api/docs reads the same document, rendered on the server
// (no script, no CDN: works offline).

const DOC_PATHS = new Set(['/api/openapi.json', '/api/docs'])

/** A route the public may call: under /api/, declared public (in its config or routeTable.ts). */
function publicApi(method: string, url: string, config: unknown): boolean {
  if (!url.startsWith('/api/') || DOC_PATHS.has(url)) return false
  return needOf(method, url, config as Parameters<typeof needOf>[2])?.permission === 'public'
}

const openApiImpl: FastifyPluginAsync = async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'gongkai 政府信息公开平台 公开数据接口',
        description: '主动公开目录、政务服务事项、双随机抽查记录等公开数据（无需登录）。',
        version: '0.1.0',
      },
    },
    transform: (args) => {
      const method = [args.route.method].flat()[0] ?? 'GET'
      if (!publicApi(String(method), args.url, args.route.config))
        return { schema: { ...args.schema, hide: true }, url: args.url }
      return jsonSchemaTransform(args)
    },
  })
  app.get('/api/openapi.json', { config: { permission: 'public' } }, async () => app.swagger())
  app.get('/api/docs', { config: { permission: 'public' } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(renderPage(ApiDocsPage({ doc: app.swagger() as OpenAPIV3.Document }))),
  )
}

export const openApiPlugin = fp(openApiImpl, { name: 'gongkai-openapi' })
