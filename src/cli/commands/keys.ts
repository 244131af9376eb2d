import type { Command } from 'commander'

// `gongkai keys …`: the master key of applicants' personal data (issue 17 point 1, decision 0045,
// docs/personal-data.md「加密存储」).

async function progressBar(format: string) {
  const { SingleBar, Presets } = await import('cli-progress')
  return new SingleBar(
    { stream: process.stderr, format, noTTYOutput: true, notTTYSchedule: 2000, hideCursor: true },
    Presets.shades_classic,
  )
}

export function registerKeysCommands(program: Command): void {
  const keys = program
    .command('keys')
    .description('申请人个人信息加密存储的主密钥（见 docs/personal-data.md“加密存储”）')
  keys
    .command('status')
    .description('显示当前主密钥标识、各主密钥包装的数据密钥数和仍未加密的案件数')
    .action(async () => {
      const { withStore } = await import('../withStore.js')
      const { keyStatus } = await import('../../services/personalData/keyStatus.js')
      await withStore(async (store) => {
        const s = await keyStatus(store)
        const byKey = s.dataKeysByMasterKey.map((k) => `${k.masterKeyId}${k.current ? '（当前）' : ''}：${k.count} 个`)
        process.stdout.write(
          `当前主密钥：${s.masterKeyId}（${s.source}）\n数据密钥：${byKey.length ? byKey.join('；') : '无'}\n未加密的案件：${s.unsealedCases} 件\n`,
        )
      })
    })
  keys
    .command('seal-existing')
    .description('加密升级前以明文保存的申请人信息、申请附件和消息收件人（服务启动时也会自动执行）')
    .action(async () => {
      const { withStore } = await import('../withStore.js')
      const { systemActor } = await import('../../services/actor.js')
      const { countUnsealedCases, sealExisting } = await import('../../services/personalData/sealExisting.js')
      await withStore(async (store) => {
        const bar = await progressBar('加密存量案件 [{bar}] {value}/{total}')
        bar.start(await countUnsealedCases(store.db), 0)
        try {
          const r = await sealExisting({ store, actor: systemActor(), onProgress: (n) => bar.update(n) })
          bar.stop()
          process.stdout.write(`已加密 ${r.cases} 件案件的申请人信息（主密钥 ${r.masterKeyId}）\n`)
        } finally {
          bar.stop()
        }
      })
    })
  keys
    .command('rotate')
    .description('轮换主密钥：用新主密钥重新包装全部数据密钥（不重新加密数据），并重建检索索引。请先停止服务')
    .option('--new-key-file <FILE>', '新主密钥文件（不存在则生成）；不指定时在当前密钥文件旁生成并替换它')
    .action(async (opts: { newKeyFile?: string }) => {
      const { resolve } = await import('node:path')
      const { withStore } = await import('../withStore.js')
      const { systemActor } = await import('../../services/actor.js')
      const { prepareRotation } = await import('../../store/personalData/masterKey.js')
      const { rotateMasterKey, rotationWorkload } = await import('../../services/personalData/rotateMasterKey.js')
      const { sealExisting } = await import('../../services/personalData/sealExisting.js')
      const rotation = prepareRotation(opts.newKeyFile ? resolve(opts.newKeyFile) : undefined)
      await withStore(async (store) => {
        // anything still in clear is sealed under the key in force first, then re-wrapped with the rest
        await sealExisting({ store, actor: systemActor() })
        const bar = await progressBar('重新包装数据密钥并重建索引 [{bar}] {value}/{total}')
        bar.start(await rotationWorkload(store, rotation.next), 0)
        try {
          const r = await rotateMasterKey({
            store,
            actor: systemActor(),
            current: rotation.current,
            next: rotation.next,
            onProgress: (n) => bar.update(n),
          })
          bar.stop()
          process.stdout.write(
            `主密钥 ${rotation.current.id} → ${rotation.next.id}：重新包装数据密钥 ${r.dataKeys} 个，重建 ${r.cases} 件案件的检索索引\n${rotation.finish()}\n`,
          )
        } finally {
          bar.stop()
        }
      })
    })
}
