import { buildApp } from '../web/app.js'
import { systemToday } from '../web/context.js'
import { SCHEDULED_JOBS } from '../jobs/jobs.js'
import { startScheduler } from '../jobs/scheduler.js'
import { countAgencies } from '../store/agencyRepo.js'
import { databaseUrl, migrate, openStore } from '../store/database.js'

/**
 * `gongkai serve` / `npm start`: migrate, load the demo on a first start, listen, and tick the scheduled jobs
 * (each runs once per slot across every instance on the database; GONGKAI_SCHEDULER=0 turns ticking off).
 */
export async function runServe(opts: { port: number; demo: boolean }): Promise<void> {
  const store = await openStore(databaseUrl())
  await migrate(store)
  const { rebuildSearchIndex } = await import('../services/catalog/rebuildSearchIndex.js')
  const rebuilt = await rebuildSearchIndex(store)
  if (rebuilt !== null) process.stdout.write(`检索索引已按新格式重建（${rebuilt} 条信息）\n`)
  if (opts.demo) {
    if ((await countAgencies(store.db)) === 0) {
      const { loadDemo } = await import('../services/demo/loadDemo.js')
      process.stdout.write(`首次启动，载入演示数据：${await loadDemo(store)}\n`)
    }
  }
  const app = await buildApp({ store, today: systemToday, now: () => new Date() }, { logger: true })
  const { startAuditAnchoring } = await import('../services/auditLog.js')
  const stopAnchoring = startAuditAnchoring(store.db, Number(process.env.GONGKAI_AUDIT_ANCHOR_EVERY_MIN ?? 60), (m) =>
    app.log.warn(m),
  )
  const everyMs = Number(process.env.GONGKAI_SCHEDULER_TICK_MS ?? 60_000)
  const stop =
    process.env.GONGKAI_SCHEDULER === '0'
      ? () => undefined
      : startScheduler(
          store,
          SCHEDULED_JOBS,
          { now: () => new Date(), today: systemToday },
          (m) => app.log.info(m),
          everyMs,
        )
  const close = async () => {
    stopAnchoring()
    stop()
    await app.close()
    await store.close()
    process.exit(0)
  }
  process.once('SIGINT', close)
  process.once('SIGTERM', close)
  await app.listen({ port: opts.port, host: process.env.HOST ?? '127.0.0.1' })
  process.stdout.write(`gongkai 已启动：http://localhost:${opts.port}/ （数据库：${store.engine}）\n`)
}
