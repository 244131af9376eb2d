import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import type { Store } from '../../src/store/database.js'
import { buildApp } from '../../src/web/app.js'
import { freshStore } from '../support/engines.js'

// Issue 18: the public JSON API described as OpenAPI 3 from the routes' zod schemas, valid by an independent
// validator; /api/docs serves it as a page.

describe('OpenAPI of the public JSON API', () => {
  let store: Store & { drop(): Promise<void> }
  let app: FastifyInstance
  beforeAll(async () => {
    store = await freshStore('sqlite')
    app = await buildApp({ store, today: () => '2026-03-02' as CalendarDay })
    await app.ready()
  })
  afterAll(async () => {
    await app.close()
    await store.drop()
  })

  it('is a valid OpenAPI 3 document (@seriousme/openapi-schema-validator) of the public /api/ routes only', async () => {
    const res = await app.inject('/api/openapi.json')
    expect(res.statusCode).toBe(200)
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> }
    const result = await new Validator().validate(doc)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(doc.openapi).toMatch(/^3\./)
    const paths = Object.keys(doc.paths)
    expect(paths).toEqual(
      expect.arrayContaining(['/api/documents', '/api/services/{code}', '/api/inspections/draws/{id}']),
    )
    // staff-only and non-API routes are not described
    expect(paths.some((p) => p.startsWith('/console') || p === '/api/applications/{id}')).toBe(false)
    expect(paths).not.toContain('/api/docs')
  })

  it('describes a route’s parameters and response from its schema', async () => {
    const doc = (await app.inject('/api/openapi.json')).json() as {
      paths: Record<
        string,
        {
          get: {
            parameters: { name: string; in: string }[]
            responses: Record<string, { content: Record<string, { schema: { properties: Record<string, unknown> } }> }>
          }
        }
      >
    }
    const op = doc.paths['/api/inspections/draws/{id}']?.get
    expect(op?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id'])
    expect(Object.keys(op?.responses['200']?.content['application/json']?.schema.properties ?? {})).toEqual(
      expect.arrayContaining(['seed', 'inspectors', 'entities', 'result']),
    )
  })

  it('/api/docs is served as a page listing each operation, without any script or outside resource', async () => {
    const res = await app.inject('/api/docs')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.body).toContain('GET /api/inspections/draws/{id}')
    expect(res.body).toContain('/api/openapi.json')
    expect(res.body).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/)
  })
})
