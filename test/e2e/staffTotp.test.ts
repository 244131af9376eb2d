import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import type { Store } from '../../src/store/database.js'
import { PASSWORD, testApp, totpCode } from '../auth/support.js'
import { axe, browserAvailable, serveToBrowser } from '../support/browser.js'
import { freshStore } from '../support/engines.js'

// Issue 15: a second factor for staff, required for administrators (decision 0031). The journey starts from
// the empty login form; the test plays the phone: it reads the key the page shows and computes the codes with
// the same library an authenticator app follows (RFC 6238).

const SHOTS = process.env.GONGKAI_SCREENSHOT_DIR ?? '/tmp/shots/auth'

/** Screenshots at both widths, and axe's serious or critical findings at both. */
async function look(page: Page, name: string, violations: Record<string, string[]>) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 })
    violations[`${name}@${width}`] = await axe(page)
    await page.screenshot({ path: join(SHOTS, `totp-${name}-${width}.png`), fullPage: true })
  }
  await page.setViewportSize({ width: 1366, height: 900 })
}

describe.skipIf(!browserAvailable)('staff login with a TOTP second factor, in Chromium', { timeout: 90_000 }, () => {
  let store: Store & { drop(): Promise<void> }
  let app: FastifyInstance
  let browser: Browser
  let base: string
  let close: (() => Promise<void>) | undefined
  const violations: Record<string, string[]> = {}

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    store = await freshStore('sqlite')
    // the first administrator, as `gongkai users create-admin` makes it
    await createUser({
      store,
      actor: systemActor('cli'),
      username: 'root-admin',
      displayName: '系统管理员 周杰',
      password: PASSWORD,
      roles: ['sysAdmin'],
      agencyId: null,
      mustChangePassword: false,
    })
    app = await testApp(store)
    ;({ base, browser, close } = await serveToBrowser(app))
  })
  afterAll(async () => {
    await close?.()
    await store?.drop()
  })

  it('an administrator enrols, signs out, signs in with password and code; a wrong code is refused in Chinese', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage()
    await page.goto(`${base}/console/login`)
    await look(page, 'login', violations)
    await page.fill('#username', 'root-admin')
    await page.fill('#password', PASSWORD)
    await page.click('button:has-text("登录")')
    await page.waitForURL(`${base}/console/totp/enrol`)
    expect(await page.textContent('h1')).toBe('绑定动态验证码')
    expect(await page.textContent('body')).toContain('管理员账号须使用动态验证码')
    // the QR code is an image the browser could draw
    expect(await page.$eval('.totp-qr img', (img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    await look(page, 'enrol', violations)
    // "scanning": the key the page shows, the same one the QR code carries
    const secret = (await page.getAttribute('#totp-secret', 'data-secret')) ?? ''
    expect((await page.textContent('#totp-secret'))?.replace(/\s/g, '')).toBe(secret)
    const enrolledAt = Date.now()
    await page.fill('#code', totpCode(secret, enrolledAt))
    await page.click('button:has-text("完成绑定")')
    await page.waitForSelector('text=动态验证码已绑定')
    expect(await page.$$eval('.recovery-codes li', (li) => li.length)).toBe(10)
    await look(page, 'recovery-codes', violations)
    await page.click('text=已保存，进入工作台')
    await page.waitForURL(`${base}/console`)

    await page.click('button:has-text("退出")')
    await page.waitForURL(/\/console\/login$/)
    await page.fill('#username', 'root-admin')
    await page.fill('#password', PASSWORD)
    await page.click('button:has-text("登录")')
    await page.waitForURL(/\/console\/totp\?next=/)
    expect(await page.textContent('h1')).toBe('输入动态验证码')
    await look(page, 'verify', violations)

    const current = totpCode(secret, enrolledAt + 30_000)
    await page.fill('#code', current === '123456' ? '654321' : '123456')
    await page.click('button:has-text("验证")')
    await page.waitForSelector('.errors')
    expect(await page.textContent('.errors')).toContain('动态验证码不正确或已使用，请输入验证器应用中当前显示的6位数字')
    await look(page, 'verify-wrong', violations)
    expect(page.url()).not.toBe(`${base}/console`)

    await page.fill('#code', current)
    await page.click('button:has-text("验证")')
    await page.waitForURL(`${base}/console`)
    expect(await page.textContent('.whoami')).toContain('系统管理员 周杰')
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])))
  })
})
