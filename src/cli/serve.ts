import { buildApp } from '../web/app.js'
import { systemToday } from '../web/context.js'
import { SCHEDULED_JOBS } from '../jobs/jobs.js'
import { startScheduler } from '../jobs/scheduler.js'
import { countAgencies } from '../store/agencyRepo.js'
import { databaseUrl, migrate, openStore } from '../store/database.js'
import { withStartupLock } from '../store/startupLock.js'

/**
 * `gongkai serve` / `npm start`: migrate, rebuild an old-format search index and load the demo on a first start
 * (once across instances), listen, and tick the scheduled jobs, the audit anchor among them (each runs once per
 * slot across every instance on the database; GONGKAI_SCHEDULER=0 turns ticking off).
 */
export async function runServe(opts: { port: number; demo: boolean }): Promise<void> {
  const store = await openStore(databaseUrl())
  await migrate(store)
  // once across instances (decision 0049): the first to start does it, the others wait for it, then find it done;
  // none listens before the search index is in the current format
  await withStartupLock(store, 'start', async () => {
    const { rebuildSearchIndex } = await import('../services/catalog/rebuildSearchIndex.js')
    const rebuilt = await rebuildSearchIndex(store)
    if (rebuilt !== null) process.stdout.write(`检索索引已按新格式重建（${rebuilt} 条信息）\n`)
    if (opts.demo && (await countAgencies(store.db)) === 0) {
      const { loadDemo } = await import('../services/demo/loadDemo.js')
      process.stdout.write(`首次启动，载入演示数据：${await loadDemo(store)}\n`)
    }
    // what an upgrade left in clear is sealed by the first instance; the others then find nothing to seal
    const { sealAtStart } = await import('../services/personalData/sealExisting.js')
    process.stdout.write(await sealAtStart(store))
  })
  const app = await buildApp({ store, today: systemToday, now: () => new Date() }, { logger: true })
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
