import { buildApp } from '../web/app.js'
import { systemToday } from '../web/context.js'
import { countAgencies } from '../store/agencyRepo.js'
import { databaseUrl, migrate, openStore } from '../store/database.js'

/** `gongkai serve` / `npm start`: migrate, load the demo on a first start, listen. */
export async function runServe(opts: { port: number; demo: boolean }): Promise<void> {
  const store = await openStore(databaseUrl())
  await migrate(store)
  if (opts.demo) {
    if ((await countAgencies(store.db)) === 0) {
      const { loadDemo } = await import('../services/demo/loadDemo.js')
      process.stdout.write(`首次启动，载入演示数据：${await loadDemo(store)}\n`)
    }
  }
  const app = await buildApp({ store, today: systemToday, now: () => new Date() }, { logger: true })
  const close = async () => {
    await app.close()
    await store.close()
    process.exit(0)
  }
  process.once('SIGINT', close)
  process.once('SIGTERM', close)
  await app.listen({ port: opts.port, host: process.env.HOST ?? '127.0.0.1' })
  process.stdout.write(`gongkai 已启动：http://localhost:${opts.port}/ （数据库：${store.engine}）\n`)
}
