// An uploaded report file: sniffed (never trusted by its name), size-limited, decoded.
import { fileTypeFromBuffer } from 'file-type'
import { decodeReport } from './decode.js'

export const REPORT_FILE_LIMIT_BYTES = 5 * 1024 * 1024

export class UnsupportedReportFile extends Error {
  readonly code = 'UNSUPPORTED_REPORT_FILE'
  constructor(message: string) {
    super(message)
  }
}

/** The text of an uploaded report, or UnsupportedReportFile with a Chinese message naming the file. */
export async function reportText(fileName: string, bytes: Uint8Array): Promise<string> {
  if (bytes.length > REPORT_FILE_LIMIT_BYTES)
    throw new UnsupportedReportFile(`文件“${fileName}”超过${REPORT_FILE_LIMIT_BYTES / 1024 / 1024}MB`)
  const type = await fileTypeFromBuffer(bytes)
  // file-type recognises binary formats only; text and HTML are not recognised (undefined) or are xml
  if (type && type.mime !== 'application/xml' && type.ext !== 'xml') {
    throw new UnsupportedReportFile(
      `文件“${fileName}”是 ${type.ext.toUpperCase()} 格式，请上传网页另存的 .html 或 .txt 文本（PDF、Word 请先另存为文本）`,
    )
  }
  if (bytes.subarray(0, 8192).includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
    throw new UnsupportedReportFile(`文件“${fileName}”不是文本文件`)
  }
  return decodeReport(bytes)
}
