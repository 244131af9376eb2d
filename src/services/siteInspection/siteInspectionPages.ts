import { listScope } from '../../domain/auth/permissions.js'
import { listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { latestRun, runFindings } from '../../store/siteInspectionRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'

const KIND_LABEL: Record<string, string> = {
  link: '错链',
  unsafe: '不安全链接',
  external: '外部链接',
  stale: '栏目不更新',
  blank: '空白栏目',
}

/**
 * The latest run as the console shows it: what failed in the agencies the actor may read, and (for a
 * supervisor or a system administrator) each agency's count.
 */
export async function siteInspectionReport(props: { store: Store; actor: Actor }) {
  const p = authorize(props.actor, 'siteInspection.read')
  const scope = listScope(p, 'siteInspection.read')
  const run = await latestRun(props.store.db)
  const agencies = (await listAgencies(props.store.db)).filter(
    (a) => scope.allAgencies || scope.agencyIds.includes(a.id),
  )
  if (!run) return { run: null, findings: [], counts: [] }
  const rows = await runFindings(props.store.db, run.id, scope.allAgencies ? null : scope.agencyIds)
  const name = new Map(agencies.map((a) => [a.id, a.name]))
  return {
    run: {
      id: Number(run.id),
      asOf: run.as_of,
      pages: run.pages,
      links: run.links,
      runAt: run.run_at,
      runBy: run.run_by,
    },
    findings: rows.map((f) => ({
      agency: f.agency_id === null ? '全站' : (name.get(f.agency_id) ?? String(f.agency_id)),
      kind: KIND_LABEL[f.kind] ?? f.kind,
      page: f.page,
      target: f.target,
      message: f.message,
    })),
    counts: agencies.map((a) => ({ agency: a.name, count: rows.filter((f) => f.agency_id === a.id).length })),
  }
}
