import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { chromium } from 'playwright-core'

const CHROMIUM = '/usr/bin/chromium'
/** `.ci/run` sets this: there, a missing Chromium fails the browser tests instead of skipping them. */
const REQUIRED = process.env.GONGKAI_REQUIRE_BROWSER === '1'

export const browserAvailable = existsSync(CHROMIUM)
if (!browserAvailable) {
  if (REQUIRED) throw new Error(`Chromium is required (GONGKAI_REQUIRE_BROWSER=1) but ${CHROMIUM} is missing`)
  console.warn(`[skip] ${CHROMIUM} is missing: browser tests are SKIPPED (apt-get install chromium fonts-noto-cjk)`)
}

/** Headless Debian Chromium with the flags this machine needs (no network beyond loopback). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  })
}

/** A built app listening on a free loopback port, and a browser to visit it; `close` ends both. */
export async function serveToBrowser(app: {
  listen(o: { port: number; host: string }): Promise<string>
  close(): Promise<unknown>
}): Promise<{ base: string; browser: Browser; close(): Promise<void> }> {
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  const browser = await launchBrowser()
  return {
    base,
    browser,
    async close() {
      await browser.close()
      await app.close()
    },
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's serious and critical violations on the page, one line each (rule, impact, where). */
export async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  const r = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[]
  }
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
