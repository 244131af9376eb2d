import QRCode from 'qrcode'

/** The enrolment QR code as a data: URL of an SVG (the CSP allows data: images; no script needed). */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}
