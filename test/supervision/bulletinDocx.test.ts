import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import type { BulletinFigures } from '../../src/domain/supervision/bulletin.js'
import { draftBulletinText } from '../../src/domain/supervision/bulletin.js'
import { bulletinPng } from '../../src/export/bulletinChart.js'
import { bulletinDocx } from '../../src/export/bulletinDocx.js'

// Issue 19: the Word 通报 carries the chart the page shows, as a picture Word, WPS and LibreOffice display.

const SOFFICE = '/usr/bin/soffice'
const hasOffice = existsSync(SOFFICE) && existsSync('/usr/bin/pdfimages') && existsSync('/usr/bin/pdftoppm')
if (!hasOffice) console.warn('[skip] LibreOffice or poppler missing: the 通报 rendering test is SKIPPED')

const line = (agency: string, rank: number, received: number, overdueNow: number, score: number) => ({
  agency,
  depth: 1,
  received,
  answered: received - overdueNow,
  onTime: received - overdueNow - 1,
  late: 1,
  overdueNow,
  correctedRate: null,
  proactive: 12,
  score,
  rank,
})

const figures: BulletinFigures = {
  root: '福州市人民政府',
  period: '2025年第四季度',
  asOf: '2026-01-05',
  weights: { onTime: 40, overdue: 30, corrected: 20, proactive: 10 },
  lines: [
    line('福州市人民政府', 1, 14, 0, 96.5),
    line('福州市住房保障和房产管理局', 2, 22, 3, 81.2),
    line('福州市鼓楼区人民政府', 3, 9, 1, 77),
  ],
  total: { received: 45, answered: 41, onTime: 38, overdueNow: 4 },
  overdue: [
    { agency: '福州市住房保障和房产管理局', count: 3 },
    { agency: '福州市鼓楼区人民政府', count: 1 },
  ],
  reports: [],
}

describe('the Word 通报', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bulletin-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const title = '2025年第四季度各单位政务公开工作情况'
  const make = async () =>
    bulletinDocx({
      issuer: figures.root,
      text: draftBulletinText(figures),
      figures,
      dateText: '2026年1月5日',
      chart: { title, png: await bulletinPng(title, figures.lines) },
    })

  it('holds the chart as a PNG picture part that the document body places', async () => {
    const zip = await JSZip.loadAsync(await make())
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))
    expect(media).toHaveLength(1)
    const png = await zip.file(media[0]!)!.async('nodebuffer')
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    expect(png.readUInt32BE(16)).toBe(1800) // IHDR width: the 900 px chart at twice its size
    const xml = await zip.file('word/document.xml')!.async('string')
    expect(xml).toContain('<a:blip r:embed=')
    expect(xml).toContain(`图：${title}`)
  }, 60_000)

  it.skipIf(!hasOffice)(
    'LibreOffice renders the picture on the page, under the figures table',
    async () => {
      writeFileSync(join(dir, 'bulletin.docx'), await make())
      execFileSync(
        SOFFICE,
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/lo`,
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, 'bulletin.docx'),
        ],
        { stdio: 'ignore', timeout: 120_000 },
      )
      const images = execFileSync('pdfimages', ['-list', join(dir, 'bulletin.pdf')], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter((l) => l.trim())
        .map((l) => l.trim().split(/\s+/))
        .filter((c) => c[2] === 'image') // an alpha channel is listed apart, as an 'smask'
      // page, num, type, width, height: one picture, the chart at its full 1800 × 840 pixels
      expect(images.map((c) => [c[2], c[3], c[4]])).toEqual([['image', '1800', '840']])
      const page = images[0]![0]!
      const text = execFileSync('pdftotext', ['-f', page, '-l', page, '-layout', join(dir, 'bulletin.pdf'), '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, '')
      expect(text).toContain(`图：${title}`)
      execFileSync('pdftoppm', [
        '-f',
        page,
        '-l',
        page,
        '-r',
        '80',
        '-png',
        join(dir, 'bulletin.pdf'),
        join(dir, 'page'),
      ])
      const shots = process.env.GONGKAI_SHOTS
      if (shots) {
        mkdirSync(shots, { recursive: true })
        const out = execFileSync('ls', [dir], { encoding: 'utf8' })
          .split('\n')
          .find((f) => f.startsWith('page'))
        if (out) copyFileSync(join(dir, out), join(shots, 'bulletin-docx-chart.png'))
      }
    },
    180_000,
  )
})
