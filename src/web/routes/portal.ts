import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { localDiskStorage } from '../../services/catalog/attachmentStorage.js'
import { columnFeed, columnListing } from '../../services/catalog/columnListing.js'
import { listDocuments } from '../../services/catalog/documentList.js'
import { PageCache } from '../../services/catalog/pageCache.js'
import { documentView, homeData, publicAttachment, sitemapEntries } from '../../services/catalog/portal.js'
import { searchPage } from '../../services/catalog/searchPage.js'
import { publishedReportFile } from '../../services/report/publicReportFile.js'
import { REPORT_PRINT_CSS } from '../../export/reportHtml.js'
import { ViewCounter } from '../../services/catalog/viewCounter.js'
import type { AppContext } from '../context.js'
import { DEFAULT_PUBLIC_URL } from '../edgeConfig.js'
import { NotFound } from '../errors.js'
import { presentListedDocument } from '../presenters/documentList.js'
import { atomFeed, sitemapXml } from '../presenters/feeds.js'
import { displayMode, displayModeCookie } from '../displayMode.js'
import { renderPage } from '../views/Layout.js'
import { ColumnPage } from '../views/portal/ColumnPage.js'
import { DocumentPage } from '../views/portal/DocumentPage.js'
import { HomePortal } from '../views/portal/HomePortal.js'
import { NotFoundPage } from '../views/portal/NotFoundPage.js'
import { SearchPage } from '../views/portal/SearchPage.js'
import {
  a11yQuery,
  agencyParams,
  attachmentParams,
  columnParams,
  documentParams,
  documentsQuery,
  documentsResponse,
  feedParams,
  pageQuery,
  reportFileParams,
  textQuery,
} from './portal.schema.js'

// The public portal (主动公开): pages, search, JSON API, Atom feeds, sitemap. Every document it shows comes
// through services/catalog/portal.ts and searchDocuments, which select through `publicDocuments` only.

const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body)
const notFound = (req: FastifyRequest, reply: FastifyReply, what: string) =>
  html(reply.status(404), renderPage(NotFoundPage({ what, mode: displayMode(req) })))

const HERE = 'http://gongkai.invalid'

/**
 * Only a path of this site is followed back (issue 15 finding 4). The address is read as a browser reads it
 * (tabs and line breaks dropped, backslashes as slashes, dot segments resolved), so `/%09/other-host` is the
 * other host it means and goes nowhere; what is sent back is the parser's own encoding of the path, which
 * holds no control character.
 */
function safeBack(back: string): string {
  if (!back.startsWith('/') || !URL.canParse(back, HERE)) return '/'
  const url = new URL(back, HERE)
  const path = `${url.pathname}${url.search}${url.hash}`
  return url.origin === HERE && !path.startsWith('//') ? path : '/'
}

// the 浏览次数 cell of a cached document page, filled per request (random: no document text can contain it)
const VIEWS_SLOT = `views-${randomBytes(12).toString('hex')}`

export const portalRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const storage = localDiskStorage()
  const cache = new PageCache()
  const views = new ViewCounter(ctx.store)
  // links that leave the page name the configured address, never the request's Host (issue 15 finding 2)
  const base = ctx.publicUrl ?? DEFAULT_PUBLIC_URL
  app.addHook('onClose', async () => views.close())
  /** A cached page (or 404 page when `render` gives null), per URL and display mode. */
  const cached = async (
    req: FastifyRequest,
    reply: FastifyReply,
    what: string,
    render: () => Promise<string | null>,
  ) => {
    const page = await cache.get(ctx.store, ctx.today(), `${displayMode(req)} ${req.url}`, render)
    return page === null ? notFound(req, reply, what) : html(reply, page)
  }

  r.get('/', async (req, reply) =>
    cached(req, reply, '该页面', async () =>
      renderPage(HomePortal({ agencies: await homeData(ctx.store, ctx.today()), mode: displayMode(req) })),
    ),
  )

  r.get('/a11y', { schema: { querystring: a11yQuery } }, async (req, reply) => {
    void reply.header('set-cookie', displayModeCookie(req.query.mode === 'elder' ? 'elder' : 'normal'))
    return reply.redirect(safeBack(req.query.back), 303)
  })

  /** An agency's catalog (slug null) or one column of it, page by page. */
  const columnPage = (req: FastifyRequest, reply: FastifyReply, code: string, slug: string | null, page: number) =>
    cached(req, reply, slug === null ? '该机关' : '该栏目', async () => {
      const listing = await columnListing({ store: ctx.store, today: ctx.today(), code, slug, page })
      return listing && renderPage(ColumnPage({ ...listing, mode: displayMode(req), path: req.url }))
    })

  r.get('/xxgk/:code', { schema: { params: agencyParams, querystring: pageQuery } }, async (req, reply) =>
    columnPage(req, reply, req.params.code, null, req.query.page),
  )
  r.get('/xxgk/:code/:slug', { schema: { params: columnParams, querystring: pageQuery } }, async (req, reply) =>
    columnPage(req, reply, req.params.code, req.params.slug, req.query.page),
  )

  /** The document page (or its print view) with the 浏览次数 cell left as a slot. */
  const renderDocument = async (req: FastifyRequest, id: number, print: boolean): Promise<string | null> => {
    const doc = await documentView(ctx.store, id, ctx.today())
    if (!doc) return null
    views.seen(id, doc.views)
    return renderPage(DocumentPage({ doc: { ...doc, views: VIEWS_SLOT }, mode: displayMode(req), print }))
  }

  /** The document page counts a view; its print view shows the count without counting. */
  const documentRoute =
    (print: boolean) => async (req: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply) => {
      const { id } = req.params
      const page = await cache.get(ctx.store, ctx.today(), `${displayMode(req)} ${req.url}`, () =>
        renderDocument(req, id, print),
      )
      if (page === null) return notFound(req, reply, '该信息')
      // the site inspection's crawler (services/siteInspection) reads pages without counting a view
      const counts = !print && req.headers['x-gongkai-site-inspection'] === undefined
      return html(reply, page.replace(VIEWS_SLOT, String(counts ? views.view(id) : views.current(id))))
    }
  r.get('/documents/:id', { schema: { params: documentParams } }, documentRoute(false))
  r.get('/documents/:id/print', { schema: { params: documentParams } }, documentRoute(true))

  r.get('/documents/:id/files/:fileId', { schema: { params: attachmentParams } }, async (req, reply) => {
    const att = await publicAttachment(ctx.store, req.params.id, req.params.fileId, ctx.today())
    const bytes = att ? await storage.get(att.storage_key) : null
    if (!att || !bytes) throw new NotFound('该附件')
    return reply
      .type(att.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(att.file_name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(bytes)
  })

  r.get('/assets/report.css', { config: { permission: 'public' } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(REPORT_PRINT_CSS),
  )

  // the download links of a report's page in the 政府信息公开年报 column: files of the latest published version
  r.get(
    '/xxgk/:code/annual-reports/:year/report.:ext',
    { schema: { params: reportFileParams } },
    async (req, reply) => {
      const file = await publishedReportFile({
        store: ctx.store,
        storage,
        agencyCode: req.params.code,
        ...req.params,
        kind: req.params.ext,
      })
      if (file.attachment)
        void reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      return reply.type(file.type).header('x-content-type-options', 'nosniff').send(file.body)
    },
  )

  r.get('/search', { schema: { querystring: textQuery } }, async (req, reply) => {
    const data = await searchPage({ store: ctx.store, today: ctx.today(), query: req.query })
    const page = renderPage(SearchPage({ ...data, mode: displayMode(req), path: req.url }))
    return html(reply.status(data.error ? 400 : 200), page)
  })

  r.get(
    '/api/documents',
    { schema: { querystring: documentsQuery, response: { 200: documentsResponse } } },
    async (req, reply) => {
      const list = await listDocuments({ store: ctx.store, today: ctx.today(), query: req.query })
      // the body is exactly { total, items }; a total that stopped counting says so here
      if (list.totalCapped) void reply.header('x-total-capped', 'true')
      return { total: list.total, items: list.items.map((d) => presentListedDocument(base, d)) }
    },
  )

  r.get('/feeds/:code/:file', { schema: { params: feedParams } }, async (req, reply) => {
    const feed = await columnFeed({ store: ctx.store, today: ctx.today(), ...req.params })
    return reply.type('application/atom+xml; charset=utf-8').send(atomFeed(base, feed))
  })

  r.get('/sitemap.xml', async (req, reply) => {
    const docs = await sitemapEntries(ctx.store, ctx.today())
    return reply.type('application/xml; charset=utf-8').send(sitemapXml(base, docs))
  })
}
