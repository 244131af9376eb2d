import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import type { Store } from '../../src/store/database.js'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import {
  anonymous,
  cookieHeader,
  get,
  PASSWORD,
  signIn,
  takeCookies,
  testApp,
  uniqueAgency,
  type Agent,
} from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'
import { fixtures } from './support.js'

const QUZHOU = readFileSync(path.join(fixtures, 'seeds/000_ff4240299ce9dbe2.txt'))
const FUZHOU = readFileSync(path.join(fixtures, 'seeds/001_6cd2a124bf8ccbf4.txt'))

interface Part {
  name: string
  value: string | Buffer
  filename?: string
}

function multipart(parts: Part[]): { body: Buffer; type: string } {
  const boundary = '----gongkaiTestBoundary7MA4YWxk'
  const chunks: Buffer[] = []
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.filename ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`
    chunks.push(Buffer.from(head), Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` }
}

async function post(app: FastifyInstance, a: Agent, url: string, parts: Part[]) {
  const { body, type } = multipart([{ name: '_csrf', value: a.csrf }, ...parts])
  const res = await app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookieHeader(a), 'content-type': type, accept: 'text/html' },
    payload: body,
  })
  takeCookies(a, res.headers['set-cookie'])
  return res
}

/** a visitor who opened the public page (its cookie and form token) */
async function visitor(app: FastifyInstance): Promise<Agent> {
  const a: Agent = { cookies: new Map(), csrf: '' }
  const page = await get(app, a, '/report-check')
  a.csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
  return a
}

describeEachEngine('年报体检 web page', (getStore, engine) => {
  let app: FastifyInstance
  let store: Store

  beforeAll(async () => {
    store = getStore()
    app = await testApp(store)
  })

  it('is public: the form asks for pasted text or a file', async () => {
    const res = await app.inject({ url: '/report-check' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('粘贴报告全文')
    expect(res.body).toContain('type="file"')
  })

  it('pasted text: shows the tables read, marks the cells of a broken sum, explains the finding in Chinese', async () => {
    const a = await visitor(app)
    const res = await post(app, a, '/report-check', [{ name: 'text', value: QUZHOU.toString('utf8') }])
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('衢州市住房和城乡建设局 2020年度报告')
    expect(res.body).toContain('统计表：从事政府信息公开工作人员数为1，但其中：专职人员数(0)+兼职人员数(2)=2，相差1')
    expect(res.body).toContain('统计表的合计项应等于其分项之和')
    expect(res.body).toMatch(/从事政府信息公开工作人员数<\/th><td class="audit-bad">1<\/td>/)
    expect(res.body).toMatch(/收到（受理）申请数<\/th><td>18<\/td>/)
  })

  it('an uploaded file: table 三 cells shown, nothing marked when the report adds up', async () => {
    const a = await visitor(app)
    const res = await post(app, a, '/report-check', [{ name: 'file', filename: 'fuzhou.txt', value: FUZHOU }])
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('上传的文件“fuzhou.txt”')
    expect(res.body).toContain('未发现不一致')
    expect(res.body).toMatch(/一、本年新收<\/th><td>48<\/td>(<td>0<\/td>){4}<td>1<\/td><td>49<\/td>/)
    expect(res.body).not.toContain('<td class="audit-bad"')
    // table 二 as read: 其他对外管理服务事项 7 / 0 / 116
    expect(res.body).toMatch(/其他对外管理服务事项<\/th><td>7<\/td><td>0<\/td><td>116<\/td>/)
  })

  it('a changed cell is marked in its row and column', async () => {
    const a = await visitor(app)
    const broken = FUZHOU.toString('utf8').replace('(一)予以公开 |\n7 |', '(一)予以公开 |\n8 |')
    const res = await post(app, a, '/report-check', [{ name: 'text', value: broken }])
    expect(res.body).toContain('（一）予以公开行：总计为7，但各分项之和（自然人(8)）=8，相差1')
    expect(res.body).toMatch(/（一）予以公开<\/th><td>8<\/td>(<td>0<\/td>){5}<td class="audit-bad">7<\/td>/)
  })

  it('text the page cannot show as HTML is escaped, never executed', async () => {
    const a = await visitor(app)
    const res = await post(app, a, '/report-check', [
      {
        name: 'text',
        value: '<script>alert(1)</script>标题：<img src=x onerror=alert(1)>2020年政府信息公开工作年度报告',
      },
    ])
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toContain('<script>alert')
    expect(res.body).not.toContain('<img src=x')
    expect(res.body).toContain('未找到表三')
  })

  it('a PDF or other binary upload is refused with a Chinese message naming the file', async () => {
    const a = await visitor(app)
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'),
      Buffer.alloc(64),
    ])
    const res = await post(app, a, '/report-check', [{ name: 'file', filename: '年报.pdf', value: pdf }])
    expect(res.statusCode).toBe(415)
    expect(res.body).toContain('文件“年报.pdf”是 PDF 格式')
  })

  it('nothing given: asks for text or a file', async () => {
    const res = await post(app, await visitor(app), '/report-check', [{ name: 'text', value: '  ' }])
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('请粘贴报告全文或上传报告文件')
  })

  it('a post without the form token is refused (CSRF)', async () => {
    const a = await visitor(app)
    a.csrf = ''
    const res = await post(app, a, '/report-check', [{ name: 'text', value: 'x' }])
    expect(res.statusCode).toBe(403)
  })

  it('the supervisors page needs a sign-in, and gives one CSV row per uploaded file', async () => {
    const anon = await anonymous(app)
    const page = await get(app, anon, '/console/report-check')
    expect(page.statusCode).toBe(302)
    expect(page.headers.location).toContain('/console/login')

    const agencyId = await uniqueAgency(store, '丁市政务公开办')
    const username = `audit-sup-${engine}`
    await createUser({
      store: store,
      actor: systemActor('test'),
      username,
      displayName: '督查员',
      password: PASSWORD,
      roles: ['supervisor'],
      agencyId: null,
      supervisedRootId: agencyId,
      mustChangePassword: false,
    })
    const a = await signIn(app, username)
    const form = await get(app, a, '/console/report-check')
    expect(form.statusCode).toBe(200)
    a.csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? ''
    const res = await post(app, a, '/console/report-check', [
      { name: 'files', filename: 'quzhou.txt', value: QUZHOU },
      { name: 'files', filename: 'fuzhou.txt', value: FUZHOU },
      { name: 'files', filename: 'scan.png', value: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
    ])
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.headers['content-disposition']).toContain('attachment')
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      'quzhou.txt,衢州市住房和城乡建设局,2020,legacy,18',
      'fuzhou.txt,福州市住房保障和房产管理局,2020,2019,49',
      'scan.png,,,,',
    ])
    expect(lines[3]).toContain('PNG 格式')
  })
})
