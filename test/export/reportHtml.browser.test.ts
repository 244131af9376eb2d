import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportHtml } from '../../src/export/reportHtml.js'
import { FUZHOU, loadDemo } from '../../src/services/demo/loadDemo.js'
import { generateReport } from '../../src/services/report/generateReport.js'
import { browserAvailable, launchBrowser } from '../support/browser.js'
import { freshStore } from '../support/engines.js'

describe.skipIf(!browserAvailable)('the printable HTML report in a browser', () => {
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    const store = await freshStore('sqlite')
    await loadDemo(store)
    const model = await generateReport(store, { agency: FUZHOU.name, year: 2020 })
    await store.drop()
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 900, height: 1200 } })
    await page.setContent(reportHtml(model))
  }, 60_000)
  afterAll(async () => browser?.close())

  const rowCells = (table: string, label: string) =>
    page
      .locator(`table[data-table="${table}"] tr`, { has: page.locator('td', { hasText: label }) })
      .first()
      .locator('td.num')
      .allInnerTexts()

  it('table 三 shows the seed’s numbers in the rows the form prints', async () => {
    expect(await rowCells('applications', '一、本年新收政府信息公开申请数量')).toEqual([
      '48',
      '0',
      '0',
      '0',
      '0',
      '1',
      '49',
    ])
    expect(await rowCells('applications', '1.本机关不掌握相关政府信息')).toEqual(['27', '0', '0', '0', '0', '1', '28'])
    expect(await rowCells('applications', '（七）总计')).toEqual(['48', '0', '0', '0', '0', '1', '49'])
    expect(await page.locator('table[data-table="reviews"] td.num').allInnerTexts()).toEqual([
      '4',
      '0',
      '0',
      '0',
      '4',
      ...Array(10).fill('0'),
    ])
  })

  it('merged header cells lie over the columns they name', async () => {
    const box = async (text: string) =>
      (await page.locator('table[data-table="applications"] th', { hasText: text }).first().boundingBox())!
    const org = await box('法人或其他组织')
    const first = await box('商业企业')
    const last = await box('法律服务机构')
    expect(first.x).toBeGreaterThanOrEqual(org.x - 1)
    expect(last.x + last.width).toBeLessThanOrEqual(org.x + org.width + 1)
    expect(first.y).toBeGreaterThan(org.y)
    const group = (await page.locator('td', { hasText: '三、本年度办理结果' }).boundingBox())!
    const top = (await page.locator('td', { hasText: '（一）予以公开' }).boundingBox())!
    const bottom = (await page.locator('td', { hasText: '（七）总计' }).boundingBox())!
    expect(group.y).toBeLessThanOrEqual(top.y + 1)
    expect(group.y + group.height).toBeGreaterThanOrEqual(bottom.y + bottom.height - 1)
  })

  it('prints on A4', async () => {
    const pdf = await page.pdf({ preferCSSPageSize: true })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  })
})
