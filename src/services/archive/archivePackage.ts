import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { render } from 'preact-render-to-string'
import { h } from 'preact'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { DISCLOSURES, VALIDITIES, labelOf } from '../../domain/catalog/metadata.js'
import type { ArchiveManifest } from '../../domain/archive/manifest.js'
import {
  ARCHIVE_FORMAT,
  CHECKSUM_FILE,
  MANIFEST_FILE,
  archiveManifest,
  checksumProblems,
  formatChecksums,
  parseChecksums,
} from '../../domain/archive/manifest.js'
import { attachmentsOf, publishedInYear } from '../../store/archiveRepo.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import type { AttachmentStorage } from '../catalog/attachmentStorage.js'
import { ValidationError } from '../errors.js'
import { resolveAgency } from '../report/generateReport.js'

// The yearly package for the archives (docs/archive.md, decision 0041): 主动公开信息报送档案馆.

function sm3Bytes(bytes: Uint8Array): string {
  return createHash('sm3').update(bytes).digest('hex')
}

/** A file name that is safe on every file system, keeping its Chinese and its extension. */
function safeName(name: string): string {
  const cleaned = [...name]
    .map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .replace(/^\.+/, '_')
    .slice(-120)
  return cleaned || 'file'
}

/** The item as a standalone page: its catalog metadata above its text. */
function itemPage(meta: Record<string, string>, bodyHtml: string, title: string): string {
  const table = h(
    'table',
    null,
    Object.entries(meta).map(([k, v]) => h('tr', null, h('th', null, k), h('td', null, v))),
  )
  // body_html was sanitized when the item was saved (domain/catalog/body.ts); the package keeps it as published
  const page = h(
    'html',
    { lang: 'zh-CN' },
    h('head', null, h('meta', { charset: 'utf-8' }), h('title', null, title)),
    h(
      'body',
      null,
      h('h1', null, title),
      table,
      h('div', { class: 'body', dangerouslySetInnerHTML: { __html: bodyHtml } }),
    ),
  )
  return `<!doctype html>${render(page)}\n`
}

export interface BuiltArchive {
  dir: string
  items: number
  files: number
}

/**
 * Writes an agency's package of a year into `outDir/<code>-<year>/`: every item it published that year with
 * its attachments, manifest.json (catalog metadata, each file's SM3) and checksums.sm3. A folder already there
 * is replaced. Audited.
 */
export async function buildArchive(props: {
  store: Store
  actor: Actor
  storage: AttachmentStorage
  agency: string | number
  year: number
  outDir: string
  today: CalendarDay
}): Promise<BuiltArchive> {
  if (!Number.isInteger(props.year) || props.year < 2008 || props.year > 2100)
    throw new ValidationError([{ field: 'year', message: '年度应为2008年至2100年之间的整数' }])
  const db = props.store.db
  const agency = await resolveAgency(db, props.agency)
  authorize(props.actor, 'archive.build', { agencyId: agency.id })
  const docs = await publishedInYear(db, agency.id, props.year, props.today)
  const atts = await attachmentsOf(
    db,
    docs.map((d) => Number(d.id)),
  )
  const dir = resolve(props.outDir, `${agency.code}-${props.year}`)
  await rm(dir, { recursive: true, force: true })
  const sums = new Map<string, string>()
  const write = async (path: string, bytes: Uint8Array) => {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), bytes)
    const sum = sm3Bytes(bytes)
    sums.set(path, sum)
    return { path, size: bytes.byteLength, sm3: sum }
  }
  const items: ArchiveManifest['items'] = []
  for (const d of docs) {
    const meta = {
      索引号: d.index_no ?? '',
      标题: d.title,
      文号: d.doc_no ?? '',
      成文日期: d.formed_on,
      发布日期: d.published_on ?? '',
      栏目: d.column_name,
      发布机构: d.publisher,
      有效性: labelOf(VALIDITIES, d.validity),
    }
    const body = await write(`items/${d.id}/item.html`, Buffer.from(itemPage(meta, d.body_html, d.title), 'utf8'))
    const attachments = []
    for (const a of atts.filter((x) => x.document_id === d.id)) {
      const bytes = await props.storage.get(a.storage_key)
      if (!bytes) throw new Error(`attachment ${a.id} of document ${d.id} missing from storage`)
      const ref = await write(`items/${d.id}/files/${a.id}-${safeName(a.file_name)}`, bytes)
      attachments.push({ ...ref, name: a.file_name, mime: a.mime })
    }
    items.push({
      id: Number(d.id),
      indexNo: d.index_no,
      title: d.title,
      docNo: d.doc_no,
      formedOn: d.formed_on,
      publishedOn: d.published_on ?? '',
      column: d.column_name,
      genre: d.genre,
      topic: d.topic,
      publisher: d.publisher,
      disclosure: labelOf(DISCLOSURES, d.disclosure),
      validity: labelOf(VALIDITIES, d.validity),
      body,
      attachments,
    })
  }
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    agency: { name: agency.name, code: agency.code },
    year: props.year,
    builtAt: nowIso(),
    items,
  }
  await write(MANIFEST_FILE, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'))
  await writeFile(join(dir, CHECKSUM_FILE), formatChecksums(sums), 'utf8')
  await props.store.db.transaction().execute((trx) =>
    appendAudit(trx, {
      ...auditActor(props.actor),
      action: 'archive.build',
      targetType: 'archive',
      targetId: `${agency.id}/${props.year}`,
      detail: { items: items.length, files: sums.size },
    }),
  )
  return { dir, items: items.length, files: sums.size }
}

async function filesUnder(root: string, dir = root): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, e.name)
    if (e.isDirectory()) out.push(...(await filesUnder(root, full)))
    else out.push(relative(root, full).split(sep).join('/'))
  }
  return out
}

export interface ArchiveCheck {
  ok: boolean
  files: number
  items: number
  problems: string[]
}

/**
 * Checks a package: every file's SM3 against checksums.sm3 (an altered file is named), no file missing or
 * added, and the manifest readable and agreeing with the list. Needs no database: anyone holding the package can run it.
 */
export async function verifyArchive(dir: string): Promise<ArchiveCheck> {
  const root = resolve(dir)
  if (!(await stat(root).catch(() => null))?.isDirectory())
    throw new ValidationError([{ field: 'package', message: `归档包不存在或不是目录：${dir}` }])
  const listedText = await readFile(join(root, CHECKSUM_FILE), 'utf8').catch(() => null)
  if (listedText === null) return { ok: false, files: 0, items: 0, problems: [`缺少校验清单 ${CHECKSUM_FILE}`] }
  const listed = parseChecksums(listedText)
  const actual = new Map<string, string>()
  for (const path of await filesUnder(root))
    if (path !== CHECKSUM_FILE) actual.set(path, sm3Bytes(await readFile(join(root, path))))
  const problems = checksumProblems(listed, actual)
  let items = 0
  const manifest = archiveManifest.safeParse(
    await readFile(join(root, MANIFEST_FILE), 'utf8')
      .then((t) => JSON.parse(t) as unknown)
      .catch(() => null),
  )
  if (!manifest.success) problems.push(`${MANIFEST_FILE} 无法读取或不符合格式 ${ARCHIVE_FORMAT}`)
  else {
    items = manifest.data.items.length
    for (const i of manifest.data.items)
      for (const f of [i.body, ...i.attachments])
        if (listed.get(f.path) !== f.sm3) problems.push(`${MANIFEST_FILE} 与校验清单不一致：${f.path}`)
  }
  return { ok: problems.length === 0, files: actual.size, items, problems }
}
