import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { verifyDraw } from '../domain/inspections/draw.js'
import { poolEntry } from '../domain/inspections/pool.js'
import { sm3 } from '../services/auditLog.js'

const pool = z.object({ count: z.number().int(), fingerprint: z.string(), entries: z.array(poolEntry) })
const published = z.object({
  id: z.number().optional(),
  agency: z.object({ name: z.string() }).optional(),
  item: z.string().optional(),
  seed: z.string().min(1),
  inspectors: pool,
  entities: pool,
  result: z.object({ inspectors: z.array(z.string()), entities: z.array(z.string()) }).nullable(),
})

async function load(source: string): Promise<unknown> {
  if (/^https?:\/\//.test(source)) {
    const res = await fetch(source, { headers: { accept: 'application/json' } })
    if (!res.ok) throw new Error(`无法取得 ${source}：HTTP ${res.status}`)
    return res.json()
  }
  return JSON.parse(await readFile(source, 'utf8'))
}

/** `gongkai draw verify`: the published draw's fingerprints and result recomputed by anyone, offline or from the portal. */
export async function verifyPublishedDraw(source: string): Promise<{ ok: boolean; text: string }> {
  const parsed = published.safeParse(await load(source))
  if (!parsed.success) return { ok: false, text: `无法读取抽查记录：${parsed.error.issues[0]?.message ?? ''}\n` }
  const d = parsed.data
  const problems = verifyDraw(d, sm3)
  const head = `抽查${d.id ?? ''}（${d.agency?.name ?? ''} ${d.item ?? ''}）种子 ${d.seed}\n`
  if (problems.length) return { ok: false, text: `${head}核对未通过：\n${problems.map((p) => `  ${p}\n`).join('')}` }
  const r = d.result
  return {
    ok: true,
    text:
      `${head}名录指纹一致：执法检查人员 ${d.inspectors.fingerprint}（${d.inspectors.entries.length} 人），检查对象 ${d.entities.fingerprint}（${d.entities.entries.length} 个）\n` +
      `按种子重算的结果与公布一致：检查人员 ${r?.inspectors.join('、')}；检查对象 ${r?.entities.join('、')}\n`,
  }
}
