import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { describeEachEngine } from '../support/engines.js'
import { ImportRejected, importDocuments } from '../../src/services/catalog/importDocuments.js'
import { searchDocuments } from '../../src/services/catalog/searchDocuments.js'
import { nextIndexSerial } from '../../src/store/catalogRepo.js'
import { makeAgency } from './factories.js'

const today = '2026-03-02' as CalendarDay
const importer = { name: '导入', role: 'sysAdmin' }
// issue 13: publishing an import at once is an explicit choice with a reason (decision 0018)
const publishNow = { publishNow: { reason: '原系统中已审核发布' } }
const good = (code: string) => [
  {
    row: 2,
    values: {
      标题: '关于加强物业专项维修资金管理的通知',
      栏目: '法定主动公开内容',
      成文日期: '2020-05-06',
      发布日期: '2020-05-08',
      发布机构: '测试局',
      文号: '榕房〔2020〕51号',
      索引号: `${code}/2020-00042`,
    },
  },
  {
    row: 3,
    values: {
      标题: '2020年第1批公共租赁住房保障对象名单公示',
      栏目: 'statutory',
      成文日期: '2020-06-01',
      发布日期: '2020-06-03',
      发布机构: '测试局',
      有效性: '失效',
    },
  },
]

describeEachEngine('importing an existing catalog', (get) => {
  it('imports every row as published and searchable, keeping the 索引号 it came with', async () => {
    const agency = await makeAgency(get())
    expect(await importDocuments(get(), agency.id, good(agency.code), importer, today, undefined, publishNow)).toBe(2)
    const r = await searchDocuments(get(), { q: '维修资金' }, today)
    expect(r.hits.map((h) => [h.title, h.indexNo])).toEqual([
      ['关于加强物业专项维修资金管理的通知', `${agency.code}/2020-00042`],
    ])
    // 42 came with the file, so the row without one got 43, and 44 is next
    const row3 = await get()
      .db.selectFrom('documents')
      .select('index_no')
      .where('title', '=', '2020年第1批公共租赁住房保障对象名单公示')
      .where('agency_id', '=', agency.id)
      .executeTakeFirst()
    expect(row3?.index_no).toBe(`${agency.code}/2020-00043`)
    expect(await nextIndexSerial(get().db, agency.id, 2020)).toBe(44)
  })

  it('rejects the whole file with every row error in Chinese, naming row and field, and writes nothing', async () => {
    const agency = await makeAgency(get())
    const rows = [
      ...good(agency.code),
      {
        row: 4,
        values: { 标题: '', 栏目: '不存在的栏目', 成文日期: '2020-02-30', 发布日期: '2020-03-01', 发布机构: '测试局' },
      },
      {
        row: 5,
        values: {
          标题: '某通知',
          栏目: '法定主动公开内容',
          成文日期: '2020-03-01',
          发布日期: '2020-03-02',
          发布机构: '测试局',
          公开方式: '公开',
        },
      },
    ]
    const err = await importDocuments(get(), agency.id, rows, importer, today).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ImportRejected)
    expect((err as ImportRejected).errors).toEqual([
      { row: 4, field: '标题', message: '标题不能为空' },
      { row: 4, field: '成文日期', message: '成文日期应为有效日期（YYYY-MM-DD）' },
      { row: 5, field: '公开方式', message: '公开方式应为主动公开、依申请公开、不予公开之一' },
    ])
    const n = await get()
      .db.selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', agency.id)
      .executeTakeFirstOrThrow()
    expect(Number(n.n)).toBe(0)
  })

  it('refuses a 索引号 already in use', async () => {
    const agency = await makeAgency(get())
    await importDocuments(get(), agency.id, good(agency.code), importer, today, undefined, publishNow)
    await expect(importDocuments(get(), agency.id, good(agency.code).slice(0, 1), importer, today)).rejects.toThrow(
      `第2行「索引号」：索引号 ${agency.code}/2020-00042 已被使用`,
    )
  })
})

describeEachEngine('imports wait for review unless published at once with a reason', (get) => {
  it('an imported row waits at the 处室负责人审核 step and is not public', async () => {
    const agency = await makeAgency(get())
    expect(await importDocuments(get(), agency.id, good(agency.code), importer, today)).toBe(2)
    const rows = await get()
      .db.selectFrom('documents')
      .select(['status', 'step', 'published_on'])
      .where('agency_id', '=', agency.id)
      .execute()
    expect(rows).toEqual([
      { status: 'inReview', step: 'department', published_on: null },
      { status: 'inReview', step: 'department', published_on: null },
    ])
    expect((await searchDocuments(get(), { q: '维修资金' }, today)).hits).toEqual([])
  })

  it('publishing an import at once without a reason is refused and writes nothing', async () => {
    const agency = await makeAgency(get())
    const err = await importDocuments(get(), agency.id, good(agency.code), importer, today, undefined, {
      publishNow: { reason: '  ' },
    }).catch((e: unknown) => e)
    expect(String(err)).toContain('导入后直接发布须填写理由')
    const n = await get().db.selectFrom('documents').select('id').where('agency_id', '=', agency.id).execute()
    expect(n).toEqual([])
  })

  it("the reason for publishing at once is in the audit trail and in each item's review record", async () => {
    const agency = await makeAgency(get())
    await importDocuments(get(), agency.id, good(agency.code).slice(0, 1), importer, today, undefined, publishNow)
    const doc = await get()
      .db.selectFrom('documents')
      .select(['id', 'status'])
      .where('agency_id', '=', agency.id)
      .executeTakeFirstOrThrow()
    expect(doc.status).toBe('published')
    const events = await get()
      .db.selectFrom('document_events')
      .select(['kind', 'comment'])
      .where('document_id', '=', doc.id)
      .execute()
    expect(events).toEqual([{ kind: 'imported', comment: '导入并直接发布（未经审核流程），理由：原系统中已审核发布' }])
    const audit = await get()
      .db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_type', '=', 'document')
      .where('target_id', '=', String(doc.id))
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['document.imported'])
    expect(String(audit[0]?.detail)).toContain('原系统中已审核发布')
  })
})

describe('gongkai import documents FILE', () => {
  const run = promisify(execFile)
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'))
  const env = { ...process.env, GONGKAI_DB: `sqlite:${join(dir, 'g.db')}` }
  const cli = (...args: string[]) =>
    run('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env,
      cwd: new URL('../..', import.meta.url).pathname,
    }).catch((e: { stdout: string; stderr: string; code: number }) => e)

  it('imports an XLSX, and rejects a CSV with a bad row without importing any of it', async () => {
    await cli('agency', 'add', '--name', '测试局', '--code', '113308000026188164')
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('目录')
    sheet.addRow(['标题', '栏目', '成文日期', '发布日期', '发布机构', '文号'])
    sheet.addRow([
      '关于规范房屋征收评估工作的通知',
      '法定主动公开内容',
      new Date(Date.UTC(2021, 2, 3)),
      '2021-03-05',
      '测试局',
      '衢建〔2021〕7号',
    ])
    await book.xlsx.writeFile(join(dir, 'ok.xlsx'))
    const ok = await cli(
      'import',
      'documents',
      join(dir, 'ok.xlsx'),
      '--agency',
      '113308000026188164',
      '--publish',
      '--reason',
      '原系统中已审核发布',
    )
    expect(ok.stdout).toContain('导入完成：测试局 新增已发布信息 1 条')
    writeFileSync(
      join(dir, 'bad.csv'),
      '\uFEFF标题,栏目,成文日期,发布日期,发布机构\n"关于某事项的通知",政府信息公开年报,2021-04-01,2021-04-02,测试局\n第二条,政府信息公开年报,2021-04-01,2021/04/02,测试局\n',
    )
    const bad = (await cli('import', 'documents', join(dir, 'bad.csv'), '--agency', '113308000026188164')) as {
      stderr: string
      code: number
    }
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('文件有 1 处错误，未导入任何数据：')
    expect(bad.stderr).toContain('第3行「发布日期」：发布日期应为有效日期（YYYY-MM-DD）')
  })

  it('imports as items waiting for review, and refuses --publish without --reason', async () => {
    await cli('agency', 'add', '--name', '测试局', '--code', '113308000026188164')
    writeFileSync(
      join(dir, 'review.csv'),
      '标题,栏目,成文日期,发布日期,发布机构\n关于某事项的通知,法定主动公开内容,2021-04-01,2021-04-02,测试局\n',
    )
    const file = join(dir, 'review.csv')
    const refused = (await cli('import', 'documents', file, '--agency', '113308000026188164', '--publish')) as {
      stderr: string
      code: number
    }
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('须用 --reason 说明理由')
    const ok = await cli('import', 'documents', file, '--agency', '113308000026188164')
    expect(ok.stdout).toContain('新增待审核信息 1 条')
  })
})
