import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createUser } from '../../src/services/accounts/createUser.js'
import { systemActor } from '../../src/services/actor.js'
import { FUZHOU, QUZHOU, loadDemo } from '../../src/services/demo/loadDemo.js'
import type { Agent } from '../auth/support.js'
import { PASSWORD, postForm, signIn, testApp, TODAY } from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'

// 《政府信息公开条例》第五十条: the annual report is published on the portal. Issue 13, point 4: a published
// version is a page of the agency's 政府信息公开年报 column, its tables as tables, its files to download; a
// correction replaces it and says why.

const FIT_TO_PUBLISH = {
  overview: '主动公开政府信息16件；依申请公开49件，全部按时答复；政府信息管理规范；平台建设有序；监督保障到位。',
  problems: '一是公开内容比较单一。下一步扩大公开范围。',
  other: '暂无其他需要报告的事项。',
}
const TITLE = `${FUZHOU.name}2020年政府信息公开工作年度报告`
const COLUMN = `/xxgk/${FUZHOU.code}/annual-reports`

describeEachEngine('the annual report on the portal', (getStore) => {
  let app: FastifyInstance
  let office: Agent
  let fz = 0
  const pub = (url: string) => app.inject({ url, headers: { accept: 'text/html' } })
  /** The ids of the column's public documents with this title. */
  const reportDocs = async (title: string) =>
    (
      await getStore()
        .db.selectFrom('documents')
        .innerJoin('catalog_columns', 'catalog_columns.id', 'documents.column_id')
        .select('documents.id')
        .where('catalog_columns.slug', '=', 'annual-reports')
        .where('documents.title', '=', title)
        .where('documents.status', '=', 'published')
        .execute()
    ).map((d) => Number(d.id))

  beforeAll(async () => {
    const store = getStore()
    await loadDemo(store)
    fz = Number(
      (await store.db.selectFrom('agencies').select('id').where('code', '=', FUZHOU.code).executeTakeFirstOrThrow()).id,
    )
    await createUser({
      store,
      actor: systemActor('test'),
      username: 'rop-office',
      displayName: '政务公开办 陈敏',
      password: PASSWORD,
      mustChangePassword: false,
      roles: ['office'],
      agencyId: fz,
    })
    app = await testApp(store)
    office = await signIn(app, 'rop-office')
  })
  afterAll(async () => app?.close())

  it('the seed reports loaded by the demo show their tables as tables, not as lines of bars', async () => {
    for (const title of [TITLE, '衢州市住房和城乡建设局 2020年政府信息公开工作年度报告']) {
      const [id] = await reportDocs(title)
      const page = await pub(`/documents/${id}`)
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('<table')
      expect(page.body).not.toMatch(/<p>[^<]*\|<\/p>/)
      expect(page.body).toMatch(/rowspan="\d+"/)
    }
    const fuzhou = await pub(`/documents/${(await reportDocs(TITLE))[0]}`)
    // 表二, 表三 and 表四 of the 2019 form, plus the metadata box
    expect(fuzhou.body.match(/<table/g)?.length).toBe(4)
    expect(fuzhou.body).toMatch(/<th[^>]*colspan="7"[^>]*>申请人情况<\/th>/)
    const quzhou = await pub(`/documents/${(await reportDocs(`${QUZHOU.name} 2020年政府信息公开工作年度报告`))[0]}`)
    expect(quzhou.body).toContain('政府信息公开工作情况报表（2020年）')
  })

  it('publishing a report in the console puts it in the 政府信息公开年报 column with its tables and files', async () => {
    const base = `/console/reports/${fz}/2020`
    await postForm(app, office, `${base}/narrative?format=2019`, FIT_TO_PUBLISH)
    const published = await postForm(app, office, `${base}/publish?format=2019`, { note: '' })
    expect(published.body).toContain('已发布第1版')
    const column = await pub(COLUMN)
    expect(column.body).toContain(TITLE)
    // one page per report: the version replaced the page of the seed report of the same year
    const ids = await reportDocs(TITLE)
    expect(ids).toHaveLength(1)
    const page = await pub(`/documents/${ids[0]}`)
    expect(page.body).toContain('主动公开政府信息16件')
    expect(page.body).toMatch(/<th[^>]*rowspan="3"[^>]*colspan="3"|<th[^>]*colspan="3"[^>]*rowspan="3"/)
    expect(page.body).toMatch(/<th[^>]*colspan="5"[^>]*>法人或其他组织<\/th>/)
    expect(page.body).toContain('报告文件下载')
    for (const ext of ['docx', 'xlsx', 'pdf', 'html'])
      expect(page.body).toContain(`/xxgk/${FUZHOU.code}/annual-reports/2020/report.${ext}`)
  })

  it('anyone downloads the published version as DOCX, XLSX and printable HTML', async () => {
    const file = (ext: string) => pub(`/xxgk/${FUZHOU.code}/annual-reports/2020/report.${ext}`)
    const docx = await file('docx')
    expect(docx.statusCode).toBe(200)
    expect(docx.headers['content-type']).toContain('wordprocessingml')
    expect(docx.headers['content-disposition']).toContain('attachment')
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const xlsx = await file('xlsx')
    expect(xlsx.headers['content-type']).toContain('spreadsheetml')
    const html = await file('html')
    expect(html.body).toContain('<link rel="stylesheet" href="/assets/report.css"')
    expect(html.body).not.toContain('<style')
    expect((await file('exe')).statusCode).toBe(404)
    expect((await pub(`/xxgk/${FUZHOU.code}/annual-reports/2019/report.docx`)).statusCode).toBe(404)
  })

  it('the printable report’s stylesheet is a file the site’s CSP allows, with ruled cells and the Chinese fonts', async () => {
    const css = await pub('/assets/report.css')
    expect(css.statusCode).toBe(200)
    expect(css.headers['content-type']).toContain('text/css')
    expect(css.body).toContain('border: 1px solid #000')
    expect(css.body).toContain('Noto Serif CJK SC')
    const html = await pub(`/xxgk/${FUZHOU.code}/annual-reports/2020/report.html`)
    expect(String(html.headers['content-security-policy'])).toContain("style-src 'self'")
  })

  it('a correction replaces the page, which says which version it is and why it was corrected', async () => {
    const base = `/console/reports/${fz}/2020`
    const second = await postForm(app, office, `${base}/publish?format=2019`, { note: '更正表三中的笔误' })
    expect(second.body).toContain('已发布第2版')
    const ids = await reportDocs(TITLE)
    expect(ids).toHaveLength(1)
    const page = await pub(`/documents/${ids[0]}`)
    expect(page.body).toContain('更正后的第2版')
    // dated by the day the correction went up (the application's today)
    expect(page.body).toContain(`第2版（${TODAY}）：更正表三中的笔误`)
  })
})
