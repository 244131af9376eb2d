import autocannon from 'autocannon'
import type { Kysely } from 'kysely'
import type { Database } from '../../src/store/schema.js'

// What the load benchmarks share: the application they POST, the run gathering acknowledged query codes, and
// the look-up of which codes the database holds afterwards.

/** The i-th online application to `agency`; `label` names the run in the applicant's name and description. */
export function applicationBody(agency: string, label: string, i: number): string {
  return JSON.stringify({
    agency,
    applicantKind: 'naturalPerson',
    name: `${label}申请人${i}`,
    idType: 'resident-id',
    idNumber: '11010519491231002X',
    phone: '0570-1234567',
    email: 'load@example.cn',
    description: `${label}：请公开某项政府信息（第${i}件）`,
    delivery: 'electronic',
  })
}

/** POSTs applications to `base` for `seconds`; `acknowledged` fills with each query code a 201 returned. */
export function postApplications(p: {
  base: string
  connections: number
  seconds: number
  body: (i: number) => string
}) {
  const acknowledged: string[] = []
  let n = 0
  const run = autocannon({
    url: `${p.base}/api/public/applications`,
    connections: p.connections,
    duration: p.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: p.body(++n) }) }],
    setupClient: (client) => {
      client.on('body', (buf: Buffer) => {
        try {
          const j = JSON.parse(buf.toString()) as { queryCode?: string }
          if (j.queryCode) acknowledged.push(j.queryCode)
        } catch {
          // a response cut by the kill
        }
      })
    },
  })
  return { run, acknowledged }
}

/** The codes the database holds, asked in slices of 500 (the engines' limits on bound parameters). */
export async function storedCodes(db: Kysely<Database>, codes: readonly string[]): Promise<Set<string>> {
  const present = new Set<string>()
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('applications')
      .select('query_code')
      .where('query_code', 'in', codes.slice(i, i + 500))
      .execute()
    rows.forEach((r) => present.add(r.query_code))
  }
  return present
}
