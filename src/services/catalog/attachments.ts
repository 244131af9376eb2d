import { createHash } from 'node:crypto'
import { cleanFileName } from '../../domain/catalog/fileName.js'
import { fileTypeFromBuffer } from 'file-type'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Actor } from '../../domain/catalog/workflow.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import { appendDocumentEvent } from '../../store/catalogRepo.js'
import { NotFoundError, ValidationError } from '../errors.js'
import type { AttachmentStorage } from './attachmentStorage.js'

/** The kinds an attachment may be, decided by its content (not its name): documents, sheets, images, archives. */
const ALLOWED_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/x-cfb': 'Word/Excel（旧版）',
  'application/vnd.ms-excel': 'Excel（旧版）',
  'application/msword': 'Word（旧版）',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'application/zip': 'ZIP 压缩包',
  'application/x-ofd': 'OFD',
}

const DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

/** Checks a file before anything is written: a name, not empty, within the size limit, an allowed kind by content. */
export async function checkAttachment(
  file: { name: string; bytes: Uint8Array },
  maxBytes = DEFAULT_MAX_ATTACHMENT_BYTES,
): Promise<{ name: string; mime: string }> {
  const name = cleanFileName(file.name.replace(/[\\/]/g, '_'))
  if (!name) throw new ValidationError([{ field: 'file', message: '请提供附件文件名' }])
  if (file.bytes.length === 0) throw new ValidationError([{ field: 'file', message: '附件是空文件' }])
  if (file.bytes.length > maxBytes) {
    throw new ValidationError([
      {
        field: 'file',
        message: `附件过大（${(file.bytes.length / 1048576).toFixed(1)} MB，上限 ${Math.floor(maxBytes / 1048576)} MB）`,
      },
    ])
  }
  const type = await fileTypeFromBuffer(file.bytes)
  if (!type || !ALLOWED_TYPES[type.mime]) {
    throw new ValidationError([
      {
        field: 'file',
        message: `附件「${name}」的类型不允许（按内容识别为 ${type?.mime ?? '未知类型'}；允许 PDF、Word、Excel、OFD、图片、ZIP）`,
      },
    ])
  }
  return { name, mime: type.mime }
}

/** Attaches a file to a document: type sniffed from the bytes, size limited, stored under a content hash. */
export async function addAttachment(
  store: Store,
  storage: AttachmentStorage,
  documentId: number,
  file: { name: string; bytes: Uint8Array },
  actor: Actor,
  today: CalendarDay,
  maxBytes = DEFAULT_MAX_ATTACHMENT_BYTES,
): Promise<number> {
  const { name, mime } = await checkAttachment(file, maxBytes)
  const sha256 = createHash('sha256').update(file.bytes).digest('hex')
  const key = `${sha256.slice(0, 2)}/${sha256.slice(2)}`
  await storage.put(key, file.bytes)
  return store.db.transaction().execute(async (trx) => {
    const doc = await trx.selectFrom('documents').select('id').where('id', '=', documentId).executeTakeFirst()
    if (!doc) throw new NotFoundError('该信息')
    const row = await trx
      .insertInto('attachments')
      .values({
        document_id: documentId,
        file_name: name,
        mime,
        size: file.bytes.length,
        sha256,
        storage_key: key,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendDocumentEvent(trx, documentId, actor, {
      kind: 'attached',
      comment: name,
      onDay: today,
      data: { sha256, mime },
    })
    return Number(row.id)
  })
}
