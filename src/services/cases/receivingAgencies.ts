import { listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'

/** The agencies the public may apply to online, by 统一社会信用代码 (the form's choices; public). */
export async function receivingAgencies(store: Store): Promise<{ code: string; name: string }[]> {
  return (await listAgencies(store.db)).map((a) => ({ code: a.code, name: a.name }))
}
