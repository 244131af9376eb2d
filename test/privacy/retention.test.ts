import { expect, it } from 'vitest'
import { systemActor } from '../../src/services/actor.js'
import { registerReview } from '../../src/services/cases/registerReview.js'
import { loadDemo } from '../../src/services/demo/loadDemo.js'
import { generateReport } from '../../src/services/report/generateReport.js'
import { readApplicantRecord } from '../../src/services/retention/applicantData.js'
import { runRetention } from '../../src/services/retention/runRetention.js'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { insertApplicationFile } from '../../src/store/applicationFileRepo.js'
import { listRetentionRuns } from '../../src/store/retentionRepo.js'
import { SCHEDULED_JOBS } from '../../src/jobs/jobs.js'
import { tickJobs } from '../../src/jobs/scheduler.js'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'

// Issue 17 acceptance: the retention job on the demo data removes the personal data of old closed cases, leaves
// open and disputed cases alone, and changes no figure of any annual report.

const TODAY = '2031-01-01' as CalendarDay // the 10-year period of the demo's 2020 cases has run

/** Every annual report of every agency and year with applications, reviews or entered figures. */
async function everyReport(store: Store) {
  const agencies = await store.db.selectFrom('agencies').select(['id']).orderBy('id').execute()
  const years = new Set<number>()
  const add = (rows: { y: string | null }[]) => rows.forEach((r) => r.y && years.add(Number(r.y.slice(0, 4))))
  add(await store.db.selectFrom('applications').select('received_on as y').execute())
  add(await store.db.selectFrom('applications').select('concluded_on as y').execute())
  add(await store.db.selectFrom('reviews').select('filed_on as y').execute())
  const figureYears = await store.db.selectFrom('report_figures').select('year').distinct().execute()
  figureYears.forEach((r) => years.add(Number(r.year)))
  const out: Record<string, unknown> = {}
  for (const a of agencies)
    for (const year of [...years].sort()) {
      out[`${a.id}:${year}`] = await generateReport(store, { agency: Number(a.id), year })
      out[`${a.id}:${year}:legacy`] = await generateReport(store, { agency: Number(a.id), year, format: 'legacy' })
    }
  return out
}

/** Leaf cells of a report as path → value, so a difference names its cell. */
function cells(v: unknown, path = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) cells(x, `${path}/${k}`, out)
  else out[path] = v
  return out
}

describeEachEngine('the retention job on the demo data', (get) => {
  it('anonymises old closed cases, spares open and disputed ones, and every report cell stays equal', async () => {
    const store = get()
    await loadDemo(store)
    const closed = await store.db
      .selectFrom('applications')
      .select(['id', 'concluded_on'])
      .where('state', 'in', ['answered', 'delivered', 'archived'])
      .where('concluded_on', '<', '2021-01-01')
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('reviews').select('id').whereRef('application_id', '=', 'applications.id'))),
      )
      .orderBy('id')
      .execute()
    expect(closed.length).toBeGreaterThan(10)
    // one old closed case gets an ID proof; another a review still pending: it must survive
    const [withFile, disputed] = [Number(closed[0]?.id), Number(closed[1]?.id)]
    await insertApplicationFile(store.db, {
      applicationId: withFile,
      purpose: 'idProof',
      fileName: '身份证.png',
      mime: 'image/png',
      data: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    })
    const filedOn = String(closed[1]?.concluded_on).replace(/^(\d{4})-\d\d-\d\d$/, '$1-12-01')
    await registerReview({
      store,
      actor: systemActor('test'),
      applicationId: disputed,
      form: { kind: 'review', filedOn, body: '福州市人民政府' },
    })
    const open = await store.db.selectFrom('applications').select('id').where('concluded_on', 'is', null).execute()
    expect(open.length).toBeGreaterThan(0)
    const openBefore = await Promise.all(open.map((o) => readApplicantRecord(store.db, Number(o.id))))
    const disputedBefore = await readApplicantRecord(store.db, disputed)
    const before = cells(await everyReport(store))

    // the scheduled job itself, as the server's scheduler ticks it (decision 0044), on a day the period has run
    const ran = await tickJobs(
      store,
      SCHEDULED_JOBS.filter((j) => j.name === 'retention'),
      new Date('2031-01-01T02:00:00Z'),
      TODAY,
    )
    expect(ran).toEqual([{ job: 'retention', slot: TODAY, outcome: expect.stringMatching(/^anonymised \d+/) }])
    const { runs } = await listRetentionRuns(store.db, { limit: 1, offset: 0 })
    const r = runs[0]
    expect(r?.casesAnonymised).toBe(closed.length - 1)
    expect(r?.batches).toBeGreaterThan(1)
    expect(r?.filesRemoved).toBe(1)
    const batches = await store.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'retention.batch')
      .execute()
    expect(batches.length).toBe(r?.batches)

    for (const c of closed.filter((x) => Number(x.id) !== disputed)) {
      const rec = await readApplicantRecord(store.db, Number(c.id))
      expect(rec?.name).toBe('（已匿名化）')
      expect(JSON.stringify(rec?.details)).not.toMatch(/\d{11}|phone|address|idNumber/)
    }
    const file = await store.db
      .selectFrom('application_files')
      .selectAll()
      .where('application_id', '=', withFile)
      .execute()
    expect(file).toEqual([])
    const gone = closed.map((c) => Number(c.id)).filter((id) => id !== disputed)
    const texts = await store.db
      .selectFrom('outbox_messages')
      .select('body')
      .where('application_id', 'in', gone)
      .execute()
    expect(texts.length).toBeGreaterThan(0)
    expect(texts.every((m) => m.body === '（已匿名化）')).toBe(true)
    expect((await readApplicantRecord(store.db, withFile))?.files).toEqual([])
    expect(await readApplicantRecord(store.db, disputed)).toEqual(disputedBefore)
    expect(await Promise.all(open.map((o) => readApplicantRecord(store.db, Number(o.id))))).toEqual(openBefore)

    const after = cells(await everyReport(store))
    expect(Object.keys(after).length).toBeGreaterThan(100)
    expect(after).toEqual(before)
    console.info(
      `retention: ${r?.casesAnonymised} cases anonymised in ${r?.batches} batches (${r?.filesRemoved} file, ${r?.messagesCleared} message texts); ${Object.keys(after).length} report cells equal`,
    )

    // a second run finds nothing more to do
    const again = await runRetention({ store, actor: systemActor('test'), today: TODAY })
    expect(again.casesAnonymised).toBe(0)
  }, 600_000)
})
