import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../context.js'
import { NotFound } from '../errors.js'
import type { DisplayMode } from '../views/Layout.js'
import { renderPage } from '../views/Layout.js'
import { HomePortal } from '../views/portal/HomePortal.js'
import { ColumnPage } from '../views/portal/ColumnPage.js'
import { DocumentPage } from '../views/portal/DocumentPage.js'
import { SearchPage } from '../views/portal/SearchPage.js'
import { NotFoundPage } from '../views/portal/NotFoundPage.js'
import type { SearchForm } from '../views/portal/SearchPage.js'
import { listColumns } from '../../store/catalogRepo.js'
import { localDiskStorage } from '../../services/catalog/attachmentStorage.js'
import {
  agencyByCode,
  columnFor,
  countInColumn,
  descendants,
  documentView,
  homeData,
  latestInColumn,
  latestPublic,
  portalAgencies,
  publicAttachment,
  sitemapEntries,
} from '../../services/catalog/portal.js'
import { searchDocuments, searchParams } from '../../services/catalog/searchDocuments.js'
import { ValidationError } from '../../services/errors.js'
import { PageCache } from '../../services/catalog/pageCache.js'
import { ViewCounter } from '../../services/catalog/viewCounter.js'

// The public portal (主动公开): pages, search, JSON API, Atom feeds, sitemap. Every document it shows comes
// through services/catalog/portal.ts and searchDocuments, which select through `publicDocuments` only.

const COLUMN_PAGE_SIZE = 20
const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body)
const notFound = (req: FastifyRequest, reply: FastifyReply, what: string) =>
  html(reply.status(404), renderPage(NotFoundPage({ what, mode: displayMode(req) })))

/** 适老化 mode from its cookie (set by /a11y). */
export function displayMode(req: FastifyRequest): DisplayMode {
  return /(?:^|;\s*)gk_mode=elder(?:;|$)/.test(req.headers.cookie ?? '') ? 'elder' : 'normal'
}

/** Only site-relative paths are followed back (no open redirect). */
function safeBack(back: unknown): string {
  return typeof back === 'string' && back.startsWith('/') && !back.startsWith('//') && !back.includes('\\') ? back : '/'
}

const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) })
const idParam = z.object({ id: z.coerce.number().int().positive() })

function origin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`
}

function xml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

// the 浏览次数 cell of a cached document page, filled per request (random: no document text can contain it)
const VIEWS_SLOT = `views-${randomBytes(12).toString('hex')}`

export const portalRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const storage = localDiskStorage()
  const cache = new PageCache()
  const views = new ViewCounter(ctx.store)
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

  app.get('/', async (req, reply) =>
    cached(req, reply, '该页面', async () =>
      renderPage(HomePortal({ agencies: await homeData(ctx.store, ctx.today()), mode: displayMode(req) })),
    ),
  )

  app.get('/a11y', async (req, reply) => {
    const q = req.query as Record<string, unknown>
    const elder = q.mode === 'elder'
    void reply.header(
      'set-cookie',
      `gk_mode=${elder ? 'elder' : 'normal'}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`,
    )
    return reply.redirect(safeBack(q.back), 303)
  })

  const columnPage = async (req: FastifyRequest, reply: FastifyReply, code: string, slug: string | null) =>
    cached(req, reply, slug === null ? '该机关' : '该栏目', async () => renderColumn(req, code, slug))

  const renderColumn = async (req: FastifyRequest, code: string, slug: string | null): Promise<string | null> => {
    const agency = await agencyByCode(ctx.store, code)
    if (!agency) return null
    const columns = await listColumns(ctx.store.db, agency.id)
    const column = slug === null ? null : columns.find((c) => c.slug === slug)
    if (column === undefined) return null
    const ids = column ? descendants(columns, column.id) : columns.map((c) => Number(c.id))
    const { page } = pageQuery.parse(req.query)
    const today = ctx.today()
    const [docs, total] = await Promise.all([
      latestInColumn(ctx.store, ids, today, COLUMN_PAGE_SIZE, (page - 1) * COLUMN_PAGE_SIZE),
      countInColumn(ctx.store, ids, today),
    ])
    return renderPage(
      ColumnPage({
        agency,
        columns: columns.map((c) => ({ id: Number(c.id), slug: c.slug, name: c.name, parentId: c.parent_id })),
        column: column ? { id: Number(column.id), slug: column.slug, name: column.name } : null,
        docs: docs.map((d) => ({
          id: Number(d.id),
          title: d.title,
          publishedOn: d.published_on ?? '',
          validity: d.validity,
        })),
        total,
        page,
        pages: Math.max(1, Math.ceil(total / COLUMN_PAGE_SIZE)),
        mode: displayMode(req),
        path: req.url,
      }),
    )
  }

  app.get<{ Params: { code: string } }>('/xxgk/:code', async (req, reply) =>
    columnPage(req, reply, req.params.code, null),
  )
  app.get<{ Params: { code: string; slug: string } }>('/xxgk/:code/:slug', async (req, reply) =>
    columnPage(req, reply, req.params.code, req.params.slug),
  )

  /** The document page (or its print view) with the 浏览次数 cell left as a slot. */
  const renderDocument = async (req: FastifyRequest, id: number, print: boolean): Promise<string | null> => {
    const doc = await documentView(ctx.store, id, ctx.today())
    if (!doc) return null
    views.seen(id, doc.views)
    return renderPage(DocumentPage({ doc: { ...doc, views: VIEWS_SLOT }, mode: displayMode(req), print }))
  }

  /** The document page counts a view; its print view shows the count without counting. */
  const documentRoute = (print: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const parsedId = idParam.safeParse(req.params)
    if (!parsedId.success) return notFound(req, reply, '该信息')
    const { id } = parsedId.data
    const page = await cache.get(ctx.store, ctx.today(), `${displayMode(req)} ${req.url}`, () =>
      renderDocument(req, id, print),
    )
    if (page === null) return notFound(req, reply, '该信息')
    return html(reply, page.replace(VIEWS_SLOT, String(print ? views.current(id) : views.view(id))))
  }
  app.get('/documents/:id', documentRoute(false))
  app.get('/documents/:id/print', documentRoute(true))

  app.get('/documents/:id/files/:fileId', async (req, reply) => {
    const p = z
      .object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() })
      .parse(req.params)
    const att = await publicAttachment(ctx.store, p.id, p.fileId, ctx.today())
    if (!att) throw new NotFound('该附件')
    const bytes = await storage.get(att.storage_key)
    if (!bytes) throw new NotFound('该附件')
    return reply
      .type(att.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(att.file_name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(bytes)
  })

  app.get('/search', async (req, reply) => {
    const query = req.query as Record<string, unknown>
    const cleaned = Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string' && v !== ''))
    const parsed = searchParams.safeParse(cleaned)
    const agencies = await portalAgencies(ctx.store)
    const mode = displayMode(req)
    const form: SearchForm = {
      q: typeof query.q === 'string' ? query.q.slice(0, 100) : '',
      sort: query.sort === 'date' ? 'date' : 'relevance',
      agency: typeof query.agency === 'string' ? query.agency : undefined,
      year: parsed.success ? parsed.data.year : undefined,
      validity: typeof query.validity === 'string' ? query.validity : undefined,
      docNo: typeof query.docNo === 'string' ? query.docNo : undefined,
    }
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => i.message).join('；')
      return html(
        reply.status(400),
        renderPage(SearchPage({ form, result: null, agencies, error: message, mode, path: req.url })),
      )
    }
    const hasQuery = Boolean(parsed.data.q || parsed.data.docNo)
    try {
      const result = hasQuery ? await searchDocuments(ctx.store, parsed.data, ctx.today()) : null
      return html(reply, renderPage(SearchPage({ form, result, agencies, mode, path: req.url })))
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      return html(
        reply.status(400),
        renderPage(SearchPage({ form, result: null, agencies, error: err.message, mode, path: req.url })),
      )
    }
  })

  app.get('/api/documents', async (req, reply) => {
    const query = Object.fromEntries(
      Object.entries(req.query as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && v !== ''),
    )
    const parsed = searchParams.safeParse(query)
    if (!parsed.success) return reply.status(400).send({ error: parsed.error.issues.map((i) => i.message).join('；') })
    const p = parsed.data
    const base = origin(req)
    const today = ctx.today()
    if (!p.q && !p.docNo) {
      const { rows, total } = await latestPublic(ctx.store, today, p.pageSize, (p.page - 1) * p.pageSize)
      return {
        total,
        items: rows.map((r) => ({
          indexNo: r.index_no,
          title: r.title,
          publishedOn: r.published_on,
          url: `${base}/documents/${r.id}`,
          docNo: r.doc_no,
          publisher: r.publisher,
          validity: r.validity,
        })),
      }
    }
    const result = await searchDocuments(ctx.store, p, today)
    // the body is exactly { total, items } (other systems rely on it); a total that stopped counting says so here
    if (result.totalCapped) void reply.header('x-total-capped', 'true')
    return {
      total: result.total,
      items: result.hits.map((h) => ({
        indexNo: h.indexNo,
        title: h.title,
        publishedOn: h.publishedOn,
        url: `${base}/documents/${h.id}`,
        docNo: h.docNo,
        publisher: h.publisher,
        validity: h.validity,
        snippet: h.snippet.map((s) => s.text).join(''),
      })),
    }
  })

  app.get<{ Params: { code: string; file: string } }>('/feeds/:code/:file', async (req, reply) => {
    const m = /^([a-z0-9-]+)\.atom$/.exec(req.params.file)
    if (!m) throw new NotFound('该订阅')
    const found = await columnFor(ctx.store, req.params.code, m[1] as string)
    if (!found) throw new NotFound('该订阅')
    const docs = await latestInColumn(ctx.store, found.ids, ctx.today(), 50)
    const base = origin(req)
    const self = `${base}/feeds/${found.agency.code}/${found.column.slug}.atom`
    const updated = docs[0]?.updated_at ?? `${ctx.today()}T00:00:00Z`
    const entries = docs
      .map(
        (d) => `  <entry>
    <id>${xml(`${base}/documents/${d.id}`)}</id>
    <title>${xml(d.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(`${base}/documents/${d.id}`)}"/>
    <published>${d.published_on}T00:00:00+08:00</published>
    <updated>${xml(d.updated_at)}</updated>
    <author><name>${xml(d.publisher)}</name></author>
    <summary>${xml(d.body_text.slice(0, 200))}</summary>
  </entry>`,
      )
      .join('\n')
    const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xml(self)}</id>
  <title>${xml(`${found.agency.name} - ${found.column.name}`)}</title>
  <link rel="self" href="${xml(self)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${base}/xxgk/${found.agency.code}/${found.column.slug}`)}"/>
  <updated>${xml(updated)}</updated>
${entries}
</feed>
`
    return reply.type('application/atom+xml; charset=utf-8').send(body)
  })

  app.get('/sitemap.xml', async (req, reply) => {
    const base = origin(req)
    const rows = await sitemapEntries(ctx.store, ctx.today())
    const urls = rows
      .map((r) => `  <url><loc>${xml(`${base}/documents/${r.id}`)}</loc><lastmod>${r.published_on}</lastmod></url>`)
      .join('\n')
    return reply
      .type('application/xml; charset=utf-8')
      .send(
        `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
      )
  })
}
