// Bytes of a saved page or text file to a string: UTF-8 (with or without BOM), UTF-16 with BOM, or the
// GB18030/GBK that many government sites still serve and that Excel/WPS save as "CSV" on a Chinese Windows
// (declared in a meta tag, or not declared at all).

export type TextEncoding = 'UTF-8' | 'UTF-16' | 'GBK'

/** The text and the encoding it was read in: a BOM decides; else UTF-8 when the bytes are valid UTF-8; else GBK. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    // GB18030 decodes every GBK byte sequence the same way, and more
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GBK' }
  }
}

export function decodeReport(bytes: Uint8Array): string {
  return decodeText(bytes).text
}
