import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { readApplicantRecord } from '../../src/services/personalData/vault.js'
import { findApplicationFile } from '../../src/store/applicationFileRepo.js'
import type { Engine, Store } from '../../src/store/database.js'
import { anonymous, cookieHeader, testApp, uniqueAgency } from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'

// Issue 17 point 1, acceptance: after an online application with an ID proof image, sent through the portal's own
// form, nothing in the raw database (every table, every text or binary column) holds the ID number, the phone
// number or the image's bytes, on both engines.

process.env.GONGKAI_MASTER_KEY = randomBytes(32).toString('hex')

// A real PNG (sniffed by content) with random bytes after IEND: bytes no other row can hold by chance
const PNG = Buffer.concat([
  Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  ),
  randomBytes(240),
])

const PERSON = {
  applicantKind: 'naturalPerson',
  name: '欧阳明远',
  idType: 'resident-id',
  idNumber: '11010519491231002X',
  phone: '139-1234-5678',
  email: 'ouyang.mingyuan@example.cn',
  address: '浙江省衢州市柯城区某路1号3幢402室',
  description: '请公开2020年本市棚户区改造项目的征收补偿方案',
  delivery: 'electronic',
  secondFactor: 'phone',
}

/** Every text form the image could take: raw bytes, base64 at each alignment, hex. */
function imageNeedles(): { text: string[]; bytes: Buffer[] } {
  const tail = PNG.subarray(PNG.length - 200)
  const b64 = [0, 1, 2].map((o) => {
    const s = tail.subarray(o).toString('base64')
    return s.slice(4, s.length - 8) // whole characters only, away from padding
  })
  return { text: [...b64, tail.toString('hex'), tail.toString('hex').toUpperCase()], bytes: [tail] }
}

async function tablesOf(store: Store, engine: Engine): Promise<string[]> {
  const q =
    engine === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`
  return (await q.execute(store.db)).rows.map((r) => r.name)
}

/** Every cell of every table where one of the needles occurs: `table.column` per finding. */
async function findInRawDatabase(
  store: Store,
  engine: Engine,
  needles: { text: string[]; bytes: Buffer[] },
): Promise<{ cells: number; tables: number; found: string[] }> {
  const found: string[] = []
  let cells = 0
  const tables = await tablesOf(store, engine)
  for (const t of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(store.db)).rows
    for (const row of rows)
      for (const [col, v] of Object.entries(row)) {
        cells++
        const bytes = Buffer.isBuffer(v) ? v : v instanceof Uint8Array ? Buffer.from(v) : null
        const text = typeof v === 'string' ? v : v !== null && typeof v === 'object' && !bytes ? JSON.stringify(v) : ''
        const raw = bytes ?? Buffer.from(text, 'utf8')
        const asText = bytes ? bytes.toString('latin1') + bytes.toString('utf8') : text
        for (const n of needles.text) if (asText.includes(n)) found.push(`${t}.${col} ⊃ ${n.slice(0, 24)}`)
        for (const n of needles.bytes)
          if (raw.includes(n) || Buffer.from(text, 'latin1').includes(n)) found.push(`${t}.${col} ⊃ image bytes`)
      }
  }
  return { cells, tables: tables.length, found }
}

describeEachEngine('the raw database after an online application with an ID proof', (getStore, engine) => {
  let app: FastifyInstance
  let store: Store
  let agencyCode: string
  let queryCode: string

  beforeAll(async () => {
    store = getStore()
    const id = await uniqueAgency(store, '庚市住房和城乡建设局')
    agencyCode = (await store.db.selectFrom('agencies').select('code').where('id', '=', id).executeTakeFirstOrThrow())
      .code
    app = await testApp(store)
    // the portal's own form: its page (CSRF token and cookie), then the multipart POST a browser sends
    const a = await anonymous(app)
    const form = await app.inject({ url: '/apply', headers: { cookie: cookieHeader(a) } })
    expect(form.statusCode).toBe(200)
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? ''
    for (const c of [form.headers['set-cookie'] ?? []].flat())
      a.cookies.set(c.split('=')[0] as string, c.split(';')[0]?.split('=')[1] ?? '')
    const boundary = `----gongkai${randomBytes(8).toString('hex')}`
    const parts: Buffer[] = []
    for (const [k, v] of Object.entries({ _csrf: csrf, agency: agencyCode, ...PERSON }))
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="idProof"; filename="身份证.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    )
    const res = await app.inject({
      method: 'POST',
      url: '/apply',
      headers: { cookie: cookieHeader(a), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat(parts),
    })
    expect(res.statusCode).toBe(303)
    queryCode = /code=([A-Z0-9]+)/.exec(String(res.headers.location))?.[1] ?? ''
    expect(queryCode).not.toBe('')
  })

  it('holds neither the ID number, nor the phone number, nor the image bytes, in any table or column', async () => {
    const needles = imageNeedles()
    needles.text.push(
      PERSON.idNumber,
      PERSON.idNumber.toLowerCase(),
      '13912345678',
      '139-1234-5678',
      '139 1234 5678',
      PERSON.email,
      PERSON.name,
    )
    const r = await findInRawDatabase(store, engine, needles)
    console.info(`[${engine}] raw database: ${r.tables} tables, ${r.cells} cells searched, ${r.found.length} found`)
    expect(r.found).toEqual([])
    // the search really saw the case, its file and its messages (sealed, not missing)
    const counts = await Promise.all(
      (['applications', 'application_files', 'outbox_messages', 'applicant_index', 'data_keys'] as const).map(
        async (t) =>
          Number(
            (
              await store.db
                .selectFrom(t)
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
      ),
    )
    expect(counts.every((n) => n > 0)).toBe(true)
  })

  it('reads back whole through the vault: the details, and the image byte for byte', async () => {
    const row = await store.db
      .selectFrom('applications')
      .select('id')
      .where('query_code', '=', queryCode)
      .executeTakeFirstOrThrow()
    const record = await readApplicantRecord(store.db, Number(row.id))
    expect(record?.name).toBe(PERSON.name)
    expect(record?.details).toMatchObject({ idNumber: PERSON.idNumber, phone: PERSON.phone, email: PERSON.email })
    expect(record?.files.map((f) => [f.purpose, f.mime, f.size])).toEqual([['idProof', 'image/png', PNG.length]])
    const file = await findApplicationFile(store.db, Number(row.id), record?.files[0]?.id ?? 0)
    expect(file?.data.equals(PNG)).toBe(true)
  })
})

describeEachEngine('the raw-database search itself', (getStore, engine) => {
  it('finds an ID number in a text column and an image in a binary column when they are stored in clear', async () => {
    const store = getStore()
    const blob = engine === 'sqlite' ? sql`blob` : sql`bytea`
    await sql`create table privacy_probe (t text, b ${blob})`.execute(store.db)
    await sql`insert into privacy_probe (t, b) values (${`x${PNG.toString('base64')}`}, ${PNG})`.execute(store.db)
    await sql`insert into privacy_probe (t, b) values (${PERSON.idNumber}, null)`.execute(store.db)
    const r = await findInRawDatabase(store, engine, {
      ...imageNeedles(),
      text: [...imageNeedles().text, PERSON.idNumber],
    })
    await sql`drop table privacy_probe`.execute(store.db)
    expect(r.found.filter((f) => f.startsWith('privacy_probe.t')).length).toBeGreaterThanOrEqual(2)
    expect(r.found).toContain('privacy_probe.b ⊃ image bytes')
  })
})
