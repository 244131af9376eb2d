import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { ColumnState } from '../../domain/siteInspection/freshness.js'
import { columnFindings } from '../../domain/siteInspection/freshness.js'
import { classifyLink, linksOf } from '../../domain/siteInspection/links.js'
import { listAgencies } from '../../store/agencyRepo.js'
import { listColumns } from '../../store/catalogRepo.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import type { FindingRow } from '../../store/siteInspectionRepo.js'
import { documentAgencies, lastPublishedByColumn, saveRun } from '../../store/siteInspectionRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'

// The site inspection (decision 0041): every public page reached from the home page and the sitemap, each link
// on it checked (internal links by route through the app itself, external ones only when asked), and each
// column's freshness against the agency's thresholds (defaults: 国办秘函〔2019〕19号).

/** A page as the app answers it (the web layer passes app.inject). */
export interface PageAnswer {
  status: number
  contentType: string
  body: string
}

export type FetchPage = (path: string) => Promise<PageAnswer>
/** true when an external URL answers (HEAD, then GET); handed in so tests never leave the machine */
export type ProbeExternal = (url: string) => Promise<boolean>

/** The header the crawler sends: a document page it reads counts no view (web/routes/portal.ts). */
export const INSPECTION_HEADER = 'x-gongkai-site-inspection'

const ORIGIN = 'http://gongkai.invalid'
const MAX_PAGES = 20_000

/** Pages whose links are read; other paths are only checked to answer (files, feeds, the console's login). */
function crawlable(path: string): boolean {
  return (
    !/^\/(console|api|search|a11y|feeds|assets)(\/|\?|$)/.test(path) &&
    !/\/files\/|\.(atom|xml|css|docx|xlsx|pdf|html|json)(\?|$)/.test(path)
  )
}

/** Which agency a page belongs to, by its path (null: a page of the whole site). */
function agencyOfPage(path: string, byCode: Map<string, number>, docs: Map<number, number>): number | null {
  const code = /^\/(?:xxgk|services|inspections|feeds)\/([^/?]+)/.exec(path)?.[1]
  if (code) return byCode.get(decodeURIComponent(code)) ?? null
  const doc = /^\/documents\/(\d+)/.exec(path)?.[1]
  return doc ? (docs.get(Number(doc)) ?? null) : null
}

async function columnStates(store: Store, agencyId: number, last: Map<number, string>): Promise<ColumnState[]> {
  const columns = await listColumns(store.db, agencyId)
  const newest = (id: number): string | null => {
    const own = last.get(id) ?? null
    const kids = columns.filter((c) => c.parent_id === id).map((c) => newest(Number(c.id)))
    return [own, ...kids].reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null)
  }
  return columns.map((c) => ({
    slug: c.slug,
    name: c.name,
    parent: columns.some((k) => k.parent_id === c.id),
    lastPublishedOn: newest(Number(c.id)) as CalendarDay | null,
  }))
}

export interface SiteInspectionSummary {
  runId: number
  pages: number
  links: number
  external: number
  findings: FindingRow[]
}

export async function runSiteInspection(props: {
  store: Store
  actor: Actor
  fetchPage: FetchPage
  today: CalendarDay
  /** external links are checked only when a probe is given (off by default) */
  probeExternal?: ProbeExternal
}): Promise<SiteInspectionSummary> {
  authorize(props.actor, 'siteInspection.run')
  const { store, today } = props
  const agencies = await listAgencies(store.db)
  const byCode = new Map(agencies.map((a) => [a.code, a.id]))
  const docs = await documentAgencies(store.db, today)
  const findings: FindingRow[] = []
  const referrers = new Map<string, Set<string>>()
  const external = new Map<string, Set<string>>()
  const queue: string[] = ['/']
  const seen = new Set<string>(queue)
  const sitemap = await props.fetchPage('/sitemap.xml')
  for (const m of sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const t = classifyLink(m[1] ?? '', '/', ORIGIN)
    const path = t.kind === 'internal' ? t.path : t.kind === 'external' ? new URL(t.url).pathname : null
    if (path && !seen.has(path)) {
      seen.add(path)
      queue.push(path)
    }
  }
  let pages = 0
  let links = 0
  const status = new Map<string, number>()
  while (queue.length && pages < MAX_PAGES) {
    const path = queue.shift() as string
    const answer = await props.fetchPage(path)
    status.set(path, answer.status)
    if (answer.status >= 400 || !crawlable(path) || !answer.contentType.includes('text/html')) continue
    pages++
    for (const href of linksOf(answer.body)) {
      links++
      const t = classifyLink(href, path, ORIGIN)
      if (t.kind === 'skip') continue
      if (t.kind === 'unsafe') {
        findings.push({
          agencyId: agencyOfPage(path, byCode, docs),
          kind: 'unsafe',
          page: path,
          target: t.href,
          message: `不安全的链接：${t.href}`,
        })
        continue
      }
      if (t.kind === 'external') {
        external.set(t.url, (external.get(t.url) ?? new Set()).add(path))
        continue
      }
      referrers.set(t.path, (referrers.get(t.path) ?? new Set()).add(path))
      if (!seen.has(t.path)) {
        seen.add(t.path)
        queue.push(t.path)
      }
    }
  }
  for (const [target, from] of referrers) {
    const code = status.get(target)
    if (code === undefined || code < 400) continue
    for (const page of from)
      findings.push({
        agencyId: agencyOfPage(page, byCode, docs),
        kind: 'link',
        page,
        target,
        message: `错链：${target} 返回 ${code}`,
      })
  }
  if (props.probeExternal)
    for (const [url, from] of external)
      if (!(await props.probeExternal(url)))
        for (const page of from)
          findings.push({
            agencyId: agencyOfPage(page, byCode, docs),
            kind: 'external',
            page,
            target: url,
            message: `外部链接无法访问：${url}`,
          })
  const last = await lastPublishedByColumn(store.db, today)
  for (const a of agencies) {
    for (const f of columnFindings(await columnStates(store, a.id, last), today, a.settings.siteFreshness ?? {}))
      findings.push({
        agencyId: a.id,
        kind: f.kind,
        page: `/xxgk/${a.code}/${f.slug}`,
        target: f.slug,
        message: f.message,
      })
  }
  const run = {
    asOf: today,
    pages,
    links,
    external: props.probeExternal ? external.size : 0,
    at: nowIso(),
    by: props.actor.username,
  }
  const runId = await store.db.transaction().execute(async (trx) => {
    const id = await saveRun(trx, run, findings)
    await appendAudit(trx, {
      ...auditActor(props.actor),
      action: 'siteInspection.run',
      targetType: 'siteInspection',
      targetId: id,
      detail: { pages, links, findings: findings.length },
    })
    return id
  })
  return { runId, pages, links, external: run.external, findings }
}
