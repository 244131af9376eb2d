import type { Kysely } from 'kysely'
import { nowIso } from './database.js'
import type { Database } from './schema.js'
import { Opener, applicationDataKey, sealBuffer } from './personalData/sealedStore.js'

/** A file an applicant sent with the application (ID proof, supporting papers), its type sniffed by content. */
export interface NewApplicationFile {
  applicationId: number
  purpose: string
  fileName: string
  mime: string
  data: Buffer
}

/** Stores a file sealed with its case's data key (decision 0045): the column holds ciphertext, never the bytes. */
export async function insertApplicationFile(db: Kysely<Database>, f: NewApplicationFile): Promise<void> {
  const key = await applicationDataKey(db, f.applicationId)
  await db
    .insertInto('application_files')
    .values({
      application_id: f.applicationId,
      purpose: f.purpose,
      file_name: f.fileName.slice(0, 200),
      mime: f.mime,
      size: f.data.length,
      content_base64: sealBuffer(key, f.data),
      created_at: nowIso(),
    })
    .execute()
}

/** What the case page lists of a case's files (not their content). */
export interface ApplicationFileLine {
  id: number
  fileName: string
  mime: string
  size: number
}

export async function listApplicationFiles(
  db: Kysely<Database>,
  applicationId: number,
): Promise<ApplicationFileLine[]> {
  const rows = await db
    .selectFrom('application_files')
    .select(['id', 'file_name', 'mime', 'size'])
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute()
  return rows.map((f) => ({ id: Number(f.id), fileName: f.file_name, mime: f.mime, size: Number(f.size) }))
}

/** One file of a case with its content (the download); undefined when the case has no such file. */
export interface ApplicationFileContent extends ApplicationFileLine {
  data: Buffer
}

export async function findApplicationFile(
  db: Kysely<Database>,
  applicationId: number,
  fileId: number,
): Promise<ApplicationFileContent | undefined> {
  const f = await db
    .selectFrom('application_files')
    .select(['id', 'file_name', 'mime', 'size', 'content_base64'])
    .where('application_id', '=', applicationId)
    .where('id', '=', fileId)
    .executeTakeFirst()
  if (!f) return undefined
  const data = f.content_base64 ? await new Opener(db).bytes(f.content_base64) : null
  if (!data) return undefined // the case was anonymised: its files are gone
  return { id: Number(f.id), fileName: f.file_name, mime: f.mime, size: Number(f.size), data }
}

/** A case's files kept for one purpose (e.g. `disclosed`: the information an answer discloses), without content. */
export async function listApplicationFilesFor(
  db: Kysely<Database>,
  applicationId: number,
  purpose: string,
): Promise<ApplicationFileLine[]> {
  const rows = await db
    .selectFrom('application_files')
    .select(['id', 'file_name', 'mime', 'size'])
    .where('application_id', '=', applicationId)
    .where('purpose', '=', purpose)
    .orderBy('id')
    .execute()
  return rows.map((f) => ({ id: Number(f.id), fileName: f.file_name, mime: f.mime, size: Number(f.size) }))
}

/** One file of a case kept for `purpose`, with its content. */
export async function findApplicationFileFor(
  db: Kysely<Database>,
  applicationId: number,
  fileId: number,
  purpose: string,
): Promise<ApplicationFileContent | undefined> {
  const f = await db
    .selectFrom('application_files')
    .select(['id', 'file_name', 'mime', 'size', 'content_base64'])
    .where('application_id', '=', applicationId)
    .where('id', '=', fileId)
    .where('purpose', '=', purpose)
    .executeTakeFirst()
  if (!f) return undefined
  const data = f.content_base64 ? await new Opener(db).bytes(f.content_base64) : null
  if (!data) return undefined // the case was anonymised: its files are gone
  return { id: Number(f.id), fileName: f.file_name, mime: f.mime, size: Number(f.size), data }
}
