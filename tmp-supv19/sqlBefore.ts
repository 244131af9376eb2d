import { openStore } from '../src/store/database.js'
import { aggregateApplications } from '/tmp/b19/src/store/reportRepo.js'
const store = await openStore('postgres://127.0.0.1:5432/prof19')
const q = store.db.getExecutor()
// compile the report's query to SQL text via a logging hook
const origExec = q.executeQuery.bind(q)
;(q as any).executeQuery = async (c: any, id: any) => { console.log(c.sql.replace(/\$(\d+)/g, (_: string, n: string) => JSON.stringify(c.parameters[Number(n) - 1]).replace(/"/g, "'"))); return { rows: [] } }
await aggregateApplications(store.db, 2024, null, { legacy: false })
await store.close()
