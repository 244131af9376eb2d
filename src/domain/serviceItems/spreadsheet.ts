import { GUIDE_FIELDS } from './guide.js'
import { serviceItemKindOf } from './kinds.js'

// 事项目录的常见表格：一行一项，表头为中文字段名（浙江政务服务网、福建网上办事大厅导出的“事项清单”均如此）。
const ALIASES: Record<string, string[]> = {
  basis: ['法律依据', '设定依据及条款'],
  materials: ['申请材料', '材料清单'],
  process: ['办理程序', '办事流程'],
  timeLimit: ['承诺时限', '承诺办结时限'],
  fee: ['是否收费', '收费依据'],
  phone: ['咨询方式', '联系电话'],
}

const HEADERS: Record<string, string[]> = {
  code: ['事项编码', '编码', '事项代码', '基本编码'],
  name: ['事项名称', '名称'],
  kind: ['事项类型', '事项类别', '类型', '权力类型'],
  department: ['实施主体', '实施机关', '承办机构'],
  ...Object.fromEntries(GUIDE_FIELDS.map((f) => [f.key, [f.label, ...(ALIASES[f.key] ?? [])]])),
}

export interface SheetRow {
  /** 1-based line of the sheet (the header is line 1) */
  line: number
  /** the row's fields, to be validated by serviceItemSchema */
  item: { code: string; name: string; kind: string; department: string; guide: Record<string, string> }
}

/** Which field each column holds; throws nothing: unknown columns are ignored, missing ones reported by the caller. */
export function mapHeader(header: readonly string[]): Map<number, string> {
  const map = new Map<number, string>()
  header.forEach((h, i) => {
    const name = h.replace(/\s/g, '')
    for (const [field, names] of Object.entries(HEADERS)) if (names.includes(name)) map.set(i, field)
  })
  return map
}

export const REQUIRED_COLUMNS = ['code', 'name', 'kind', 'basis', 'conditions', 'materials', 'process'] as const

/** The header names a sheet must carry that this one lacks (in Chinese, for the message). */
export function missingColumns(map: Map<number, string>): string[] {
  const present = new Set(map.values())
  return REQUIRED_COLUMNS.filter((f) => !present.has(f)).map((f) => HEADERS[f]?.[0] ?? f)
}

/** Rows of text cells (row 0 the header) as items to validate; a kind written in Chinese becomes its code. */
export function rowsToItems(rows: readonly string[][], map: Map<number, string>): SheetRow[] {
  return rows.slice(1).map((cells, i) => {
    const fields: Record<string, string> = {}
    map.forEach((field, col) => (fields[field] = (cells[col] ?? '').trim()))
    const { code = '', name = '', kind = '', department = '', ...guide } = fields
    return { line: i + 2, item: { code, name, kind: serviceItemKindOf(kind) ?? kind, department, guide } }
  })
}
