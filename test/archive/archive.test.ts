import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { systemActor } from '../../src/services/actor.js'
import { buildArchive, verifyArchive } from '../../src/services/archive/archivePackage.js'
import { addAttachment } from '../../src/services/catalog/attachments.js'
import { localDiskStorage } from '../../src/services/catalog/attachmentStorage.js'
import { drafter, makeAgency, makeDraft, reviewAndPublish } from '../catalog/factories.js'
import { PDF } from '../portal/world.js'
import { describeEachEngine } from '../support/engines.js'

// Issue 18, archive transfer (主动公开信息报送档案馆): a year's package of every published item with its attachments,
// manifest and SM3 checksums; `gongkai archive verify` names the file that was altered.

const day = (d: string) => d as CalendarDay

describeEachEngine('archive package', (store) => {
  it('holds every item published in the year with its attachment, verifies, and names a file altered by one byte', async () => {
    const storage = localDiskStorage(mkdtempSync(join(tmpdir(), 'gongkai-att-')))
    const agency = await makeAgency(store())
    const inYear = await makeDraft(
      store(),
      agency,
      { title: '2020年住房保障工作要点', formedOn: '2020-03-01' },
      day('2020-03-02'),
    )
    await addAttachment(store(), storage, inYear, { name: '工作要点.pdf', bytes: PDF }, drafter, day('2020-03-02'))
    await reviewAndPublish(store(), inYear, day('2020-03-02'))
    const nextYear = await makeDraft(
      store(),
      agency,
      { title: '2021年工作要点', formedOn: '2021-01-04' },
      day('2021-01-05'),
    )
    await reviewAndPublish(store(), nextYear, day('2021-01-05'))
    const unpublished = await makeDraft(
      store(),
      agency,
      { title: '尚未发布的草稿', formedOn: '2020-05-01' },
      day('2020-05-02'),
    )
    expect(unpublished).toBeGreaterThan(0)

    const out = mkdtempSync(join(tmpdir(), 'gongkai-archive-'))
    const built = await buildArchive({
      store: store(),
      actor: systemActor('test'),
      storage,
      agency: agency.id,
      year: 2020,
      outDir: out,
      today: day('2021-06-01'),
    })
    expect(built).toMatchObject({ items: 1, files: 3 })
    const manifest = JSON.parse(readFileSync(join(built.dir, 'manifest.json'), 'utf8')) as {
      items: { title: string; indexNo: string | null; attachments: { name: string; path: string }[] }[]
    }
    expect(manifest.items.map((i) => i.title)).toEqual(['2020年住房保障工作要点'])
    expect(manifest.items[0]?.indexNo).toBeTruthy()
    expect(manifest.items[0]?.attachments[0]?.name).toBe('工作要点.pdf')
    const attachment = join(built.dir, manifest.items[0]?.attachments[0]?.path ?? '')
    expect(readFileSync(attachment)).toEqual(Buffer.from(PDF))
    expect(await verifyArchive(built.dir)).toMatchObject({ ok: true, items: 1, files: 3 })
    expect(execFileSync('node', ['bin/gongkai.js', 'archive', 'verify', built.dir], { encoding: 'utf8' })).toContain(
      '归档包校验通过',
    )

    const bytes = readFileSync(attachment)
    bytes[10] = (bytes[10] ?? 0) ^ 1
    writeFileSync(attachment, bytes)
    const check = await verifyArchive(built.dir)
    expect(check.ok).toBe(false)
    const rel = manifest.items[0]?.attachments[0]?.path ?? ''
    expect(check.problems).toEqual([`文件已被改动（SM3 不符）：${rel}`])
    let stdout = ''
    let status = 0
    try {
      execFileSync('node', ['bin/gongkai.js', 'archive', 'verify', built.dir], { encoding: 'utf8' })
    } catch (e) {
      stdout = String((e as { stdout: string }).stdout)
      status = (e as { status: number }).status
    }
    expect(status).toBe(1)
    expect(stdout).toContain(rel)
  })

  it('a file added to the package or removed from it is named too', async () => {
    const storage = localDiskStorage(mkdtempSync(join(tmpdir(), 'gongkai-att-')))
    const agency = await makeAgency(store())
    const id = await makeDraft(store(), agency, { formedOn: '2020-03-01' }, day('2020-03-02'))
    await reviewAndPublish(store(), id, day('2020-03-02'))
    const out = mkdtempSync(join(tmpdir(), 'gongkai-archive-'))
    const built = await buildArchive({
      store: store(),
      actor: systemActor('test'),
      storage,
      agency: agency.id,
      year: 2020,
      outDir: out,
      today: day('2021-06-01'),
    })
    writeFileSync(join(built.dir, 'extra.txt'), 'x')
    const { rmSync } = await import('node:fs')
    rmSync(join(built.dir, 'items', String(id), 'item.html'))
    expect(existsSync(join(built.dir, 'manifest.json'))).toBe(true)
    expect((await verifyArchive(built.dir)).problems).toEqual([
      `缺少文件：items/${id}/item.html`,
      '清单外的文件：extra.txt',
    ])
  })
})
