import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { PASSWORD, totpCode } from '../auth/support.js'
import { axe } from './browser.js'
import type { startMailServer } from './mailServer.js'

// What every browser journey does between its own steps: look at a page at both widths, wait for an e-mail,
// sign in through the console's login form.

/** Both widths of a page, saved under `dir` and checked by axe; the findings go into `violations[name]`. */
export async function lookAt(page: Page, name: string, dir: string, violations: Record<string, string[]>) {
  violations[name] = await axe(page)
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true })
  }
  await page.setViewportSize({ width: 1366, height: 900 })
}

/** The e-mails that reached the test SMTP server with this subject word, waiting up to 10 s. */
export async function mailAbout(mail: Awaited<ReturnType<typeof startMailServer>>, word: string) {
  for (let i = 0; i < 100; i++) {
    const found = mail.received.filter((m) => m.subject.includes(word))
    if (found.length) return found
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`no e-mail about ${word}; got: ${mail.received.map((m) => m.subject).join(' | ')}`)
}

/**
 * Signs in from the empty login form; an administrator binds an authenticator first, the test playing the
 * phone. Ends on the console's home page.
 */
export async function signInThroughForm(page: Page, base: string, username: string) {
  await page.goto(`${base}/console`)
  await page.waitForURL(/\/console\/login/)
  await page.fill('#username', username)
  await page.fill('#password', PASSWORD)
  await page.click('button:has-text("登录")')
  await page.waitForLoadState()
  if (page.url().includes('/console/totp/enrol')) {
    const secret = (await page.getAttribute('#totp-secret', 'data-secret')) ?? ''
    await page.fill('#code', totpCode(secret))
    await page.click('button:has-text("完成绑定")')
    await page.click('text=已保存，进入工作台')
  }
  await page.waitForURL(`${base}/console`)
}
