import ExcelJS from 'exceljs'
import { decodeText } from '../../audit/decode.js'
import { parseCsv } from '../report/ledgerFile.js'
import { z } from 'zod'
import {
  OTHER_CHANNELS,
  OTHER_CHANNEL_CODES,
  PERIOD_PATTERN,
  SOCIAL_PLATFORM_CODES,
} from '../../domain/interaction/channels.js'
import { isSafeLink } from '../../domain/interaction/safeUrl.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import {
  findChannelCount,
  findSocialAccount,
  insertSocialAccount,
  listChannelCounts,
  listSocialAccounts,
  upsertAccountPosts,
  upsertChannelCount,
} from '../../store/publicConcernRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError, ValidationError } from '../errors.js'
import type { FieldProblem } from '../errors.js'
import { actingAgency, agenciesOf } from './common.js'
import { zodErrors } from '../registerApplication.js'

// Other systems' counts (12345 热线, 信访, 数字城管) by month, each with its source, typed or imported from a
// CSV/XLSX; and the 政务新媒体 accounts with the posts published outside the platform.

const count = (label: string) =>
  z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : v),
    z.coerce
      .number({ message: `${label}应为数字` })
      .int(`${label}应为整数`)
      .min(0, `${label}不能为负数`)
      .nullable(),
  )

const channelRow = z
  .object({
    channel: z.enum(OTHER_CHANNEL_CODES, { message: '渠道应为12345政务服务热线、信访或数字城管' }),
    period: z.string().trim().regex(PERIOD_PATTERN, '期间应写作 2020-01（月）或 2020（全年）'),
    received: count('受理量').refine((n) => n !== null, '请填写受理量'),
    concluded: count('办结量'),
    resolved: count('解决量'),
    onTime: count('按期办结量'),
    source: z.string().trim().min(1, '请填写数据来源（如：12345热线系统导出）').max(200, '数据来源不超过200字'),
  })
  .refine(
    (r) => [r.concluded, r.resolved, r.onTime].every((n) => n === null || r.received === null || n <= r.received),
    {
      path: ['received'],
      message: '办结、解决、按期办结量不能大于受理量',
    },
  )

/** Enters months of counts (a later entry of the same month replaces it): all rows, or none when one is wrong. */
export async function enterChannelCounts(p: {
  store: Store
  actor: Actor
  agencyId: number | null
  rows: readonly unknown[]
}) {
  const agencyId = actingAgency(p.actor, p.agencyId)
  authorize(p.actor, 'interaction.manage', { agencyId })
  if (p.rows.length === 0) throw new ValidationError([{ field: 'file', message: '没有可录入的数据行' }])
  const parsed = p.rows.map((r) => channelRow.safeParse(r))
  const problems: FieldProblem[] = parsed.flatMap((r, i) =>
    r.success
      ? []
      : zodErrors(r.error).map((e) => ({
          field: e.field,
          message: p.rows.length > 1 ? `第${i + 1}行：${e.message}` : e.message,
        })),
  )
  if (problems.length) throw new ValidationError(problems)
  const at = nowIso()
  await p.store.db.transaction().execute(async (trx) => {
    for (const r of parsed) {
      if (!r.success) continue
      const d = r.data
      const before = await findChannelCount(trx, agencyId, d.channel, d.period)
      await upsertChannelCount(trx, {
        agencyId,
        channel: d.channel,
        period: d.period,
        received: d.received ?? 0,
        concluded: d.concluded,
        resolved: d.resolved,
        onTime: d.onTime,
        source: d.source,
        enteredBy: p.actor.username,
        enteredAt: at,
      })
      await appendAudit(trx, {
        ...auditActor(p.actor),
        action: 'channel.counts',
        targetType: 'interaction',
        targetId: `${agencyId}/${d.channel}/${d.period}`,
        detail: { ...d, replaced: before ? { received: before.received, source: before.source } : null },
      })
    }
  })
  return parsed.length
}

const HEADERS: Record<string, string> = {
  渠道: 'channel',
  月份: 'period',
  受理量: 'received',
  办结量: 'concluded',
  解决量: 'resolved',
  按期办结量: 'onTime',
  数据来源: 'source',
}
const CHANNEL_BY_LABEL = new Map<string, string>(
  OTHER_CHANNELS.flatMap((c) => [
    [c.label, c.code],
    [c.code, c.code],
  ]),
)
CHANNEL_BY_LABEL.set('12345热线', 'hotline12345')

/** A file's rows by its Chinese headers (渠道, 月份, 受理量, 办结量, 解决量, 按期办结量, 数据来源). */
export async function readChannelFile(fileName: string, data: Buffer): Promise<Record<string, string>[]> {
  let table: string[][]
  if (/\.xlsx$/i.test(fileName)) {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(data as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    table = []
    ws?.eachRow((row) => {
      const values = row.values as unknown[]
      table.push(values.slice(1).map((v) => (v === null || v === undefined ? '' : String(v as string | number).trim())))
    })
  } else if (/\.csv$/i.test(fileName)) {
    table = parseCsv(decodeText(data).text).filter((r) => r.some((c) => c.trim() !== ''))
  } else throw new ValidationError([{ field: 'file', message: '请上传 .csv 或 .xlsx 文件' }])
  const [head = [], ...rows] = table
  const keys = head.map((h) => HEADERS[h.trim()] ?? '')
  if (!keys.includes('channel') || !keys.includes('period') || !keys.includes('received'))
    throw new ValidationError([
      { field: 'file', message: '文件第一行应为表头：渠道、月份、受理量、办结量、解决量、按期办结量、数据来源' },
    ])
  return rows.map((r) => {
    const out: Record<string, string> = {}
    keys.forEach((k, i) => {
      if (k) out[k] = (r[i] ?? '').trim()
    })
    out.channel = CHANNEL_BY_LABEL.get(out.channel ?? '') ?? out.channel ?? ''
    return out
  })
}

const accountForm = z.object({
  platform: z.enum(SOCIAL_PLATFORM_CODES, { message: '请选择平台（政务微信或政务微博）' }),
  name: z.string().trim().min(1, '请填写账号名称').max(100, '账号名称不超过100字'),
  url: z
    .string()
    .trim()
    .max(500, '网址不超过500字符')
    .refine(isSafeLink, '网址应为 http:// 或 https:// 开头')
    .default(''),
})

export async function registerAccount(p: { store: Store; actor: Actor; agencyId: number | null; form: unknown }) {
  const parsed = accountForm.safeParse(p.form)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const agencyId = actingAgency(p.actor, p.agencyId)
  authorize(p.actor, 'interaction.manage', { agencyId })
  const f = parsed.data
  return p.store.db.transaction().execute(async (trx) => {
    const id = await insertSocialAccount(trx, { agencyId, ...f, at: nowIso() })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'account.register',
      targetType: 'interaction',
      targetId: id,
      detail: f,
    })
    return id
  })
}

const postsForm = z.object({
  period: z.string().trim().regex(PERIOD_PATTERN, '期间应写作 2020-01（月）或 2020（全年）'),
  posts: z.coerce.number({ message: '发布条数应为数字' }).int('发布条数应为整数').min(0, '发布条数不能为负数'),
  source: z.string().trim().min(1, '请填写数据来源（如：公众号后台导出）').max(200, '数据来源不超过200字'),
})

/** Posts an account published in a month outside the platform (what the platform published counts itself). */
export async function enterAccountPosts(p: { store: Store; actor: Actor; accountId: number; form: unknown }) {
  const parsed = postsForm.safeParse(p.form)
  if (!parsed.success) throw new ValidationError(zodErrors(parsed.error))
  const f = parsed.data
  await p.store.db.transaction().execute(async (trx) => {
    const a = await findSocialAccount(trx, p.accountId)
    if (!a) throw new NotFoundError('该账号')
    authorize(p.actor, 'interaction.manage', { agencyId: Number(a.agency_id) })
    await upsertAccountPosts(trx, { accountId: a.id, ...f, enteredBy: p.actor.username, enteredAt: nowIso() })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'account.posts',
      targetType: 'interaction',
      targetId: `${a.id}/${f.period}`,
      detail: f,
    })
  })
}

/** The channels page: the year's entered counts and the registered accounts of the actor's agencies. */
export async function channelsPage(p: { store: Store; actor: Actor; year: number }) {
  const agencyIds = agenciesOf(p.actor, 'interaction.read')
  return {
    counts: await listChannelCounts(p.store.db, agencyIds, p.year),
    accounts: (await listSocialAccounts(p.store.db, agencyIds)).map((a) => ({ ...a, id: Number(a.id) })),
  }
}

/** An uploaded CSV/XLSX of counts: read by its headers, then entered as one batch (all rows or none). */
export async function importChannelFile(p: {
  store: Store
  actor: Actor
  agencyId: number | null
  file: { fileName: string; data: Buffer } | undefined
}) {
  authorize(p.actor, 'interaction.manage')
  if (!p.file || p.file.data.length === 0)
    throw new ValidationError([{ field: 'file', message: '请选择要导入的 CSV 或 XLSX 文件' }])
  const rows = await readChannelFile(p.file.fileName, p.file.data)
  return enterChannelCounts({ store: p.store, actor: p.actor, agencyId: p.agencyId, rows })
}
