import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { systemActor } from '../services/actor.js'
import { runSiteInspection } from '../services/siteInspection/runSiteInspection.js'
import { probeExternal } from '../services/siteInspection/probeExternal.js'
import type { Store } from '../store/database.js'
import { buildApp } from '../web/app.js'
import { sitePageFetcher } from '../web/routes/sitePageFetcher.js'

/** `gongkai inspect-site`: the app built in process, every public page asked by route (app.inject). */
export async function inspectSite(store: Store, today: CalendarDay, external: boolean) {
  const app = await buildApp({ store, today: () => today })
  try {
    const r = await runSiteInspection({
      store,
      actor: systemActor(),
      today,
      fetchPage: sitePageFetcher(app),
      ...(external ? { probeExternal } : {}),
    })
    const lines = r.findings.map((f) => `  [${f.kind}] ${f.page}：${f.message}\n`)
    return {
      failed: r.findings.length > 0,
      text:
        `网站检查（${today}）：检查页面 ${r.pages} 个，链接 ${r.links} 个${external ? `，外部链接 ${r.external} 个` : '（外部链接未检查）'}；发现问题 ${r.findings.length} 处\n` +
        lines.join(''),
    }
  } finally {
    await app.close()
  }
}
