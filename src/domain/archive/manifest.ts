import { z } from 'zod'

// The archive package (docs/archive.md, decision 0041): a folder holding manifest.json, the items and their
// attachments, and checksums.sm3 listing the SM3 of every other file. Version 1 of the format.
export const ARCHIVE_FORMAT = 'gongkai-archive/1'

export const CHECKSUM_FILE = 'checksums.sm3'
export const MANIFEST_FILE = 'manifest.json'

const fileRef = z.object({
  path: z.string(),
  size: z.number().int().nonnegative(),
  sm3: z.string().regex(/^[0-9a-f]{64}$/),
})

export const archiveManifest = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  agency: z.object({ name: z.string(), code: z.string() }),
  year: z.number().int(),
  builtAt: z.string(),
  items: z.array(
    z.object({
      id: z.number().int(),
      indexNo: z.string().nullable(),
      title: z.string(),
      docNo: z.string().nullable(),
      formedOn: z.string(),
      publishedOn: z.string(),
      column: z.string(),
      genre: z.string(),
      topic: z.string(),
      publisher: z.string(),
      disclosure: z.string(),
      validity: z.string(),
      body: fileRef,
      attachments: z.array(fileRef.extend({ name: z.string(), mime: z.string() })),
    }),
  ),
})

export type ArchiveManifest = z.output<typeof archiveManifest>

/** checksums.sm3 as `sm3sum` writes it: `<hex>  <path>` a line, paths sorted. */
export function formatChecksums(files: ReadonlyMap<string, string>): string {
  return [...files.keys()]
    .sort()
    .map((p) => `${files.get(p)}  ${p}\n`)
    .join('')
}

export function parseChecksums(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)
    if (m) out.set(m[2] as string, m[1] as string)
  }
  return out
}

/**
 * What is wrong with a package: each file whose SM3 differs from the list (named), listed but missing, present
 * but unlisted. `actual` holds every file of the package but checksums.sm3 itself, with its SM3.
 */
export function checksumProblems(listed: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): string[] {
  const problems: string[] = []
  for (const [path, sum] of listed) {
    const got = actual.get(path)
    if (got === undefined) problems.push(`缺少文件：${path}`)
    else if (got !== sum) problems.push(`文件已被改动（SM3 不符）：${path}`)
  }
  for (const path of actual.keys()) if (!listed.has(path)) problems.push(`清单外的文件：${path}`)
  return problems
}
