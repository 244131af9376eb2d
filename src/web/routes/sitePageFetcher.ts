import type { FastifyInstance } from 'fastify'
import { INSPECTION_HEADER } from '../../services/siteInspection/runSiteInspection.js'

/** How the site inspection reads a page of this site: asked of the app itself by route (inject, no network). */
export function sitePageFetcher(app: FastifyInstance) {
  return async (path: string) => {
    const res = await app.inject({
      method: 'GET',
      url: path,
      headers: { [INSPECTION_HEADER]: '1', accept: 'text/html' },
    })
    return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body }
  }
}
