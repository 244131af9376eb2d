import type { Store } from '../../store/database.js'
import { createAgency, findAgency } from '../agencies.js'
import { loadFuzhouApplications } from './fuzhouApplications.js'
import { loadQuzhouDemo } from './quzhouDemo.js'
import { loadDemoUsers } from './users.js'
import { loadCatalogDemo } from './catalogDemo.js'
import { loadServicesDemo } from './servicesDemo.js'
import { loadInteractionDemo } from './interactionDemo.js'
import { loadFuzhouCity } from './fuzhouCity.js'
import { issuePendingLetters } from '../letters/issuedLetters.js'

export const QUZHOU = { name: '衢州市住房和城乡建设局', code: '113308000026188164' }
// a well-formed code (GB 32100-2015 check character) for the demo; not the bureau's real one
export const FUZHOU = {
  name: '福州市住房保障和房产管理局',
  code: '113501000037123459',
  // its case numbers read 榕房依申〔2020〕1号 … (decision 0020)
  settings: { caseRefPrefix: '榕房依申' },
}

/** Loads the demo data once (a second run changes nothing). Deterministic: seeded, fixed dates. */
export async function loadDemo(store: Store): Promise<string> {
  const created: string[] = []
  for (const a of [QUZHOU, FUZHOU]) {
    if (!(await findAgency(store, a.code))) {
      await createAgency(store, a)
      created.push(a.name)
    }
  }
  const fuzhou = await findAgency(store, FUZHOU.code)
  const cases = fuzhou ? await loadFuzhouApplications(store, Number(fuzhou.id)) : 0
  const parts = [
    created.length ? `已创建机关：${created.join('，')}` : '',
    cases ? `福州2020年依申请公开 ${cases} 件（含行政复议4件）` : '',
    await loadQuzhouDemo(store, { quzhouCode: QUZHOU.code, fuzhouCode: FUZHOU.code }),
    await loadFuzhouCity(store, FUZHOU.code),
    await loadDemoUsers(store, { quzhouCode: QUZHOU.code, fuzhouCode: FUZHOU.code }),
    await loadCatalogDemo(store, { quzhouCode: QUZHOU.code, fuzhouCode: FUZHOU.code }),
    await loadServicesDemo(store, { quzhouCode: QUZHOU.code, fuzhouCode: FUZHOU.code }),
    await loadInteractionDemo(store, { quzhouCode: QUZHOU.code, fuzhouCode: FUZHOU.code }),
  ].filter(Boolean)
  // letters whose events were recorded before their agency's review body was set are issued now (decision 0033)
  await issuePendingLetters(store.db, { agencyId: null })
  return parts.length ? parts.join('；') : '演示数据已存在，未作改动'
}
