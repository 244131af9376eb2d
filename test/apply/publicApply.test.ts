import type { FastifyInstance } from 'fastify'
import { beforeAll, expect, it } from 'vitest'
import type { Store } from '../../src/store/database.js'
import { describeEachEngine } from '../support/engines.js'
import { anonymous, cookieHeader, testApp, uniqueAgency } from '../auth/support.js'
import { openApplicant } from '../../src/services/personalData/vault.js'

// A 1×1 PNG: real bytes, so the type is sniffed from content
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
)

export const PERSON = {
  applicantKind: 'naturalPerson',
  name: '王小明',
  idType: 'resident-id',
  idNumber: '11010519491231002X',
  phone: '0570-1234567',
  email: 'wang@example.cn',
  address: '浙江省衢州市柯城区某路1号',
  description: '请公开2020年本市棚户区改造项目的征收补偿方案',
  delivery: 'electronic',
}

function multipart(
  fields: Record<string, string>,
  files: { field: string; name: string; type: string; data: Buffer }[],
) {
  const boundary = '----gongkai' + Math.random().toString(16).slice(2)
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    )
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

describeEachEngine('online applications from the public', (getStore) => {
  let app: FastifyInstance
  let store: Store
  let agencyCode: string

  beforeAll(async () => {
    store = getStore()
    const id = await uniqueAgency(store, '丁市住房和城乡建设局')
    agencyCode = (await store.db.selectFrom('agencies').select('code').where('id', '=', id).executeTakeFirstOrThrow())
      .code
    app = await testApp(store)
  })

  const post = (body: unknown, ip = '198.51.100.1') =>
    app.inject({
      method: 'POST',
      url: '/api/public/applications',
      remoteAddress: ip,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    })

  it('POST /api/public/applications: 201 with the query code, the receipt date and the due date', async () => {
    const res = await post({ agency: agencyCode, ...PERSON })
    expect(res.statusCode).toBe(201)
    const body = res.json() as { queryCode: string; receivedOn: string; dueBy: string }
    expect(Object.keys(body).sort()).toEqual(['dueBy', 'queryCode', 'receivedOn'])
    expect(body.receivedOn).toBe('2026-11-24')
    // 20 working days after Tuesday 24 November 2026
    expect(body.dueBy).toBe('2026-12-22')
    const row = await store.db
      .selectFrom('applications')
      .selectAll()
      .where('query_code', '=', body.queryCode)
      .executeTakeFirstOrThrow()
    expect(row.channel).toBe('online')
    const applicant = await openApplicant(store.db, row)
    expect(applicant.name).toBe('王小明')
    expect(applicant.details).toMatchObject({ idNumber: '11010519491231002X', delivery: 'electronic' })
  })

  it('an organisation applies with its 统一社会信用代码, legal representative and contact', async () => {
    const res = await post({
      agency: agencyCode,
      applicantKind: 'legalService',
      orgName: '某某律师事务所',
      orgCode: agencyCode,
      legalRepresentative: '李律师',
      contactName: '赵助理',
      phone: '13800000000',
      address: '某市某路2号',
      description: '请公开某项目环境影响评价批复文件',
      delivery: 'paper',
    })
    expect(res.statusCode).toBe(201)
  })

  it('400 names each wrong field in Chinese', async () => {
    const res = await post({ agency: agencyCode, ...PERSON, name: '', idNumber: '110105194912310021', delivery: 'fax' })
    expect(res.statusCode).toBe(400)
    const { errors } = res.json() as { errors: { field: string; message: string }[] }
    expect(errors).toEqual(expect.arrayContaining([{ field: 'delivery', message: '获取方式无效（delivery）' }]))
    const again = await post({ agency: agencyCode, ...PERSON, name: '', idNumber: '110105194912310021' })
    expect((again.json() as { errors: unknown[] }).errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: '请填写申请人姓名' },
        { field: 'idNumber', message: '居民身份证号码校验位不符，请核对' },
      ]),
    )
    const org = await post({
      agency: agencyCode,
      applicantKind: 'commercial',
      phone: '1',
      description: '短',
      delivery: 'paper',
    })
    const fields = (org.json() as { errors: { field: string }[] }).errors.map((e) => e.field)
    expect(fields).toEqual(
      expect.arrayContaining([
        'orgName',
        'orgCode',
        'legalRepresentative',
        'contactName',
        'phone',
        'description',
        'address',
      ]),
    )
  })

  it('an unknown agency is refused naming the field', async () => {
    const res = await post({ ...PERSON, agency: '91110000000000000X' })
    expect(res.statusCode).toBe(400)
    expect((res.json() as { errors: { field: string }[] }).errors[0]?.field).toBe('agency')
  })

  it('GET /api/public/applications/:queryCode shows stage and dates, nothing personal', async () => {
    const { queryCode } = (await post({ agency: agencyCode, ...PERSON })).json() as { queryCode: string }
    const res = await app.inject({ url: `/api/public/applications/${queryCode}` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      queryCode,
      stage: 'registered',
      stageLabel: '已登记',
      receivedOn: '2026-11-24',
      dueBy: '2026-12-22',
      outcome: null,
    })
    for (const personal of ['王小明', '11010519491231002X', '0570-1234567', 'wang@example.cn', '棚户区'])
      expect(res.body).not.toContain(personal)
    expect((await app.inject({ url: '/api/public/applications/NOSUCHCODE1' })).statusCode).toBe(404)
  })

  it('the web form takes an ID proof upload, sniffed by content, and shows a receipt with the query code', async () => {
    const a = await anonymous(app)
    const form = await app.inject({ url: '/apply', headers: { cookie: cookieHeader(a) } })
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? ''
    for (const c of [form.headers['set-cookie'] ?? []].flat())
      a.cookies.set(c.split('=')[0] as string, c.split(';')[0]?.split('=')[1] ?? '')
    const { payload, contentType } = multipart({ _csrf: csrf, agency: agencyCode, ...PERSON }, [
      { field: 'idProof', name: '身份证.png', type: 'image/png', data: PNG },
    ])
    const res = await app.inject({
      method: 'POST',
      url: '/apply',
      headers: { cookie: cookieHeader(a), 'content-type': contentType },
      payload,
    })
    expect(res.statusCode).toBe(303)
    const code = /code=([A-Z0-9]+)/.exec(res.headers.location as string)?.[1] as string
    const receipt = await app.inject({ url: `/apply/receipt?code=${code}` })
    expect(receipt.body).toContain(code)
    expect(receipt.body).toContain('申请已提交')
    const app_ = await store.db
      .selectFrom('applications')
      .select('id')
      .where('query_code', '=', code)
      .executeTakeFirstOrThrow()
    const files = await store.db
      .selectFrom('application_files')
      .select(['mime', 'size', 'purpose'])
      .where('application_id', '=', app_.id)
      .execute()
    expect(files).toEqual([{ mime: 'image/png', size: PNG.length, purpose: 'idProof' }])

    const fake = multipart({ _csrf: csrf, agency: agencyCode, ...PERSON }, [
      { field: 'idProof', name: 'id.png', type: 'image/png', data: Buffer.from('#!/bin/sh\necho not an image\n') },
    ])
    const refused = await app.inject({
      method: 'POST',
      url: '/apply',
      headers: { cookie: cookieHeader(a), 'content-type': fake.contentType },
      payload: fake.payload,
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('不是 PDF、JPEG 或 PNG 文件（按文件内容识别）')
    expect(refused.body).toContain('王小明') // what was typed is kept

    const big = multipart({ _csrf: csrf, agency: agencyCode, ...PERSON }, [
      {
        field: 'idProof',
        name: 'big.png',
        type: 'image/png',
        data: Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]),
      },
    ])
    const tooBig = await app.inject({
      method: 'POST',
      url: '/apply',
      headers: { cookie: cookieHeader(a), 'content-type': big.contentType },
      payload: big.payload,
    })
    expect(tooBig.statusCode).toBe(413)
    expect(tooBig.body).toContain('上传的文件过大或过多')
  })

  it('the web form without its CSRF token is refused', async () => {
    const { payload, contentType } = multipart({ agency: agencyCode, ...PERSON }, [])
    const res = await app.inject({ method: 'POST', url: '/apply', headers: { 'content-type': contentType }, payload })
    expect(res.statusCode).toBe(403)
  })

  it('submissions from one address are rate-limited (429 with Retry-After)', async () => {
    const before = process.env.GONGKAI_APPLY_RATE_LIMIT
    process.env.GONGKAI_APPLY_RATE_LIMIT = '2'
    try {
      const codes = [] as number[]
      for (let i = 0; i < 3; i++) codes.push((await post({ agency: agencyCode, ...PERSON }, '203.0.113.77')).statusCode)
      expect(codes).toEqual([201, 201, 429])
      const res = await post({ agency: agencyCode, ...PERSON }, '203.0.113.77')
      expect(res.headers['retry-after']).toBeTruthy()
      expect((res.json() as { errors: { message: string }[] }).errors[0]?.message).toContain('提交过于频繁')
    } finally {
      if (before === undefined) delete process.env.GONGKAI_APPLY_RATE_LIMIT
      else process.env.GONGKAI_APPLY_RATE_LIMIT = before
    }
  })
})
