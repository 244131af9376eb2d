import { fileTypeFromBuffer } from 'file-type'
import type { FieldProblem } from '../errors.js'
import { ValidationError } from '../errors.js'

export interface Upload {
  field: string
  fileName: string
  data: Buffer
}

export interface SniffedUpload {
  upload: Upload
  /** the type its bytes show (never its name or declared type) */
  mime: string
}

/** What one upload form takes: which types (by content), how large, how many, and where a refusal is shown. */
export interface UploadRule {
  types: ReadonlySet<string>
  /** the accepted types as a refusal names them */
  typesText: string
  limitBytes: number
  maxFiles: number
  /** the field a problem with the whole set is named under */
  field: string
  tooMany: string
  /** the refusal when no file is sent; without it files are optional and an empty one counts as none */
  required?: string
  /** the field a file's own problem is named under; without it, the field the file came in */
  fileField?: string
}

export const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024
export const UPLOAD_MAX_FILES = 3
export const DISCLOSED_LIMIT_BYTES = 20 * 1024 * 1024
export const DISCLOSED_MAX_FILES = 5

/** Applicants' uploads (ID proof, supporting papers, supplements). */
export const APPLICANT_UPLOADS: UploadRule = {
  types: new Set(['application/pdf', 'image/jpeg', 'image/png']),
  typesText: 'PDF、JPEG 或 PNG',
  limitBytes: UPLOAD_LIMIT_BYTES,
  maxFiles: UPLOAD_MAX_FILES,
  field: 'files',
  tooMany: `最多上传${UPLOAD_MAX_FILES}个文件`,
}

/** The information an answer discloses: documents and scans. */
export const DISCLOSED_UPLOADS: UploadRule = {
  types: new Set([
    'application/pdf',
    'image/jpeg',
    'image/png',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/ofd',
  ]),
  typesText: 'PDF、JPEG、PNG、Word、Excel、OFD',
  limitBytes: DISCLOSED_LIMIT_BYTES,
  maxFiles: DISCLOSED_MAX_FILES,
  field: 'disclosed',
  tooMany: `一次最多上传${DISCLOSED_MAX_FILES}个文件`,
  required: '请选择要公开的信息文件',
  fileField: 'disclosed',
}

/** Checks each upload by its bytes against the rule; returns the detected types, or throws naming each problem's field. */
export async function sniffUploads(files: Upload[], rule: UploadRule): Promise<SniffedUpload[]> {
  const errors: FieldProblem[] = []
  const out: SniffedUpload[] = []
  if (rule.required && files.length === 0) errors.push({ field: rule.field, message: rule.required })
  if (files.length > rule.maxFiles) errors.push({ field: rule.field, message: rule.tooMany })
  for (const f of files) {
    if (!rule.required && f.data.length === 0) continue
    const field = rule.fileField ?? f.field
    if (f.data.length > rule.limitBytes) {
      errors.push({ field, message: `「${f.fileName}」超过${rule.limitBytes / 1024 / 1024}MB` })
      continue
    }
    const type = await fileTypeFromBuffer(f.data)
    if (!type || !rule.types.has(type.mime)) {
      errors.push({ field, message: `「${f.fileName}」不是 ${rule.typesText} 文件（按文件内容识别）` })
      continue
    }
    out.push({ upload: f, mime: type.mime })
  }
  if (errors.length) throw new ValidationError(errors)
  return out
}
