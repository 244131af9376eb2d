// A file's name as an uploader wrote it is shown to staff and to the public and written into downloads and
// CSV files: control characters and the bidirectional overrides that make `txt.exe` read as `exe.txt` are
// dropped (issue 15 finding 11: NUL and U+202E were stored), and the name is kept to a length a page can show.

/** C0 and C1 controls, and the Unicode bidirectional embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

export const FILE_NAME_MAX_CHARS = 200

/** The name as it is stored and shown: unsafe characters dropped, trimmed, at most FILE_NAME_MAX_CHARS. */
export function cleanFileName(name: string): string {
  const clean = name.replace(UNSAFE, '').trim()
  if (clean.length <= FILE_NAME_MAX_CHARS) return clean
  // keep the extension: it says what the file is
  const dot = clean.lastIndexOf('.')
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : ''
  return clean.slice(0, FILE_NAME_MAX_CHARS - ext.length) + ext
}
