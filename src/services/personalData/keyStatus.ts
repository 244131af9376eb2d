import type { Store } from '../../store/database.js'
import { masterKey, masterKeySource } from '../../store/personalData/masterKey.js'
import { countUnsealedCases } from './sealExisting.js'

/** What `gongkai keys status` shows: the key in force, the data keys per master key, the cases still in clear. */
export async function keyStatus(store: Store) {
  const master = masterKey()
  const source = masterKeySource()
  const rows = await store.db
    .selectFrom('data_keys')
    .select(['master_key_id', (eb) => eb.fn.countAll().as('n')])
    .groupBy('master_key_id')
    .orderBy('master_key_id')
    .execute()
  return {
    masterKeyId: master.id,
    source: source.kind === 'env' ? '环境变量 GONGKAI_MASTER_KEY' : `文件 ${source.path}`,
    dataKeysByMasterKey: rows.map((r) => ({
      masterKeyId: r.master_key_id,
      count: Number(r.n),
      current: r.master_key_id === master.id,
    })),
    unsealedCases: await countUnsealedCases(store.db),
  }
}
