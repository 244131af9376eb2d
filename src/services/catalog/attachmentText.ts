import { execFile } from 'node:child_process'
import JSZip from 'jszip'

// The text of an attachment, for the personal-data check before publication (issue 17 point 2, decision 0047).
// Word (DOCX) is read from its XML; PDF through poppler's pdftotext where the machine has it. Anything else
// (scans, images, spreadsheets, OFD, old Word) gives null: the reviewer is told it was not examined.

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
/** More text than this is not a document an office publishes; it is a zip bomb, and is not examined. */
const MAX_TEXT_BYTES = 8 * 1024 * 1024

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')

async function docxText(bytes: Uint8Array): Promise<string | null> {
  const zip = await JSZip.loadAsync(bytes)
  const entry = zip.file('word/document.xml')
  if (!entry) return null
  const chunks: Buffer[] = []
  const whole = await new Promise<boolean>((resolve, reject) => {
    let size = 0
    const stream = entry.nodeStream('nodebuffer')
    stream
      .on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_TEXT_BYTES) {
          stream.pause()
          resolve(false)
        } else chunks.push(chunk)
      })
      .on('end', () => resolve(true))
      .on('error', reject)
  })
  if (!whole) return null
  const xml = Buffer.concat(chunks).toString('utf8')
  return decode(
    xml
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<w:br\/>|<\/w:p>/g, '\n')
      .replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, '')
      .replace(/<[^>]+>/g, ''),
  ).trim()
}

function pdfText(bytes: Uint8Array): Promise<string | null> {
  return new Promise((resolve) => {
    const child = execFile(
      'pdftotext',
      ['-q', '-enc', 'UTF-8', '-', '-'],
      { maxBuffer: MAX_TEXT_BYTES, timeout: 20_000, encoding: 'utf8' },
      (err, stdout) => resolve(err ? null : stdout.trim()),
    )
    child.stdin?.on('error', () => resolve(null))
    child.stdin?.end(Buffer.from(bytes))
  })
}

/** The attachment's text, or null when the platform cannot read it. */
export async function attachmentText(bytes: Uint8Array, mime: string): Promise<string | null> {
  try {
    if (mime === DOCX) return await docxText(bytes)
    if (mime === 'application/pdf') return await pdfText(bytes)
  } catch {
    // a damaged file is not examined; the reviewer is told so
    return null
  }
  return null
}
