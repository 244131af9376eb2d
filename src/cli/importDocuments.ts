import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { shanghaiDay } from '../domain/calendar/calendarDay.js'
import { findAgency } from '../services/agencies.js'
import { ensureCatalog } from '../services/catalog/columns.js'
import { ImportRejected, importDocuments } from '../services/catalog/importDocuments.js'
import { withStore } from './withStore.js'

/** Rows of a CSV (RFC 4180: quotes, doubled quotes, newlines inside quotes; a UTF-8 BOM is dropped). */
function parseCsv(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, '')
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += c
  }
  if (cell !== '' || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows.filter((r) => r.some((x) => x.trim() !== ''))
}

async function readSheet(path: string): Promise<string[][]> {
  const ext = extname(path).toLowerCase()
  if (ext === '.csv') return parseCsv(await readFile(path, 'utf8'))
  if (ext !== '.xlsx') throw new Error(`不支持的文件类型 ${ext || '（无扩展名）'}：请使用 .csv 或 .xlsx`)
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  const sheet = book.worksheets[0]
  if (!sheet) return []
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (r) => {
    const cells: string[] = []
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = r.getCell(c).value
      // a date typed in Excel is a calendar day: its UTC date is the day written in the cell
      cells.push(v instanceof Date ? v.toISOString().slice(0, 10) : r.getCell(c).text)
    }
    rows.push(cells)
  })
  return rows
}

/** Reads the file, imports all rows or none, prints row-level Chinese errors; returns the exit code. */
export async function runImportDocuments(
  file: string,
  opts: { agency: string; publish?: boolean; reason?: string },
): Promise<number> {
  const reason = opts.reason?.trim() ?? ''
  if (opts.publish && !reason) {
    process.stderr.write('导入后直接发布（--publish）须用 --reason 说明理由，理由将记入审计日志和保密审查表\n')
    return 1
  }
  if (!opts.publish && reason) {
    process.stderr.write('--reason 只与 --publish 一起使用；不加 --publish 时导入的信息进入审核流程\n')
    return 1
  }
  const sheet = await readSheet(file)
  const [header, ...body] = sheet
  if (!header) {
    process.stderr.write('文件为空：第1行应为表头\n')
    return 1
  }
  const rows = body.map((cells, i) => ({
    row: i + 2,
    values: Object.fromEntries(header.map((h, j) => [h.trim(), cells[j] ?? ''])),
  }))
  const { default: progress } = await import('cli-progress')
  return withStore(async (store) => {
    const agency = await findAgency(store, opts.agency)
    if (!agency) {
      process.stderr.write(`机关「${opts.agency}」不存在（用 gongkai agency add 新建）\n`)
      return 1
    }
    await ensureCatalog(store, agency.id)
    const bar = new progress.SingleBar(
      {
        format: '导入 [{bar}] {value}/{total} 条',
        stream: process.stderr,
        noTTYOutput: true,
        notTTYSchedule: 1000,
        hideCursor: true,
      },
      progress.Presets.shades_classic,
    )
    let started = false
    try {
      const n = await importDocuments(
        store,
        agency.id,
        rows,
        { name: `命令行导入（${file}）`, role: 'sysAdmin' },
        shanghaiDay(new Date()),
        (done, total) => {
          if (!started) {
            bar.start(total, 0)
            started = true
          }
          bar.update(done)
        },
        opts.publish ? { publishNow: { reason } } : {},
      )
      if (started) bar.stop()
      process.stdout.write(
        opts.publish
          ? `导入完成：${agency.name} 新增已发布信息 ${n} 条（未经审核直接发布，理由：${reason}）\n`
          : `导入完成：${agency.name} 新增待审核信息 ${n} 条，已进入“处室负责人审核”环节\n`,
      )
      return 0
    } catch (err) {
      if (started) bar.stop()
      if (!(err instanceof ImportRejected)) throw err
      process.stderr.write(`文件有 ${err.errors.length} 处错误，未导入任何数据：\n`)
      for (const e of err.errors) process.stderr.write(`第${e.row}行「${e.field}」：${e.message}\n`)
      return 1
    }
  })
}
