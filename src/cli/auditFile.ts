// One file of `gongkai audit`, read and audited: the same work whether the main thread or a worker does it.
import { readFileSync } from 'node:fs'
import { auditReport } from '../audit/audit.js'
import type { AuditedFile } from '../audit/csv.js'
import { decodeReport } from '../audit/decode.js'

export function auditFile(file: string): AuditedFile {
  try {
    // one file after another: a synchronous read skips the thread-pool round trip that costs as much as parsing
    return { file, report: auditReport(decodeReport(readFileSync(file))) }
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? err.code : undefined
    return { file, error: code === 'ENOENT' ? '文件不存在' : '无法读取' }
  }
}
