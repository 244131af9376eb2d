import { expect, it } from 'vitest'
import type { Actor } from '../../src/services/actor.js'
import { saveNarrative } from '../../src/services/report/narrative.js'
import { publishReport } from '../../src/services/report/publishReport.js'
import { makeAgency } from '../catalog/factories.js'
import { describeEachEngine } from '../support/engines.js'

/** A signed-in member of the agency's 政务公开办, acting from an address. */
function officeOf(agencyId: number): Actor {
  return {
    username: 'office-zhao',
    ip: '198.51.100.9',
    principal: {
      userId: 9,
      username: 'office-zhao',
      roles: ['office'],
      agencyId,
      departmentIds: [],
      supervisedAgencyIds: [],
    },
  }
}

describeEachEngine('report changes are in the audit chain', (getStore) => {
  it('publishing a report and saving its narrative each write an entry with who and from where', async () => {
    const store = getStore()
    const agency = await makeAgency(store)
    const actor = officeOf(agency.id)
    // every section written and 一 speaking of its five parts: a report fit to publish (条例第五十条; issue 11)
    const sections = {
      overview: '主动公开信息0条；依申请公开：全年收到申请0件；政府信息管理规范；平台建设正常；监督保障到位。',
      problems: '无突出问题。',
      other: '暂无。',
    }
    await saveNarrative({ store, actor, agency: agency.id, year: 2025, by: '办公室 赵敏', sections })
    const v = await publishReport({ store, actor, agency: agency.id, year: 2025, by: '办公室 赵敏' })
    const rows = await store.db
      .selectFrom('audit_log')
      .select(['actor', 'ip', 'action', 'target_id'])
      .where('target_type', '=', 'report')
      .where('target_id', '=', `${agency.id}/2025`)
      .orderBy('seq')
      .execute()
    expect(rows).toEqual([
      { actor: 'office-zhao', ip: '198.51.100.9', action: 'report.narrative', target_id: `${agency.id}/2025` },
      { actor: 'office-zhao', ip: '198.51.100.9', action: 'report.publish', target_id: `${agency.id}/2025` },
    ])
    expect(v.version).toBe(1)
  })

  it('someone of another agency may not publish its report', async () => {
    const store = getStore()
    const agency = await makeAgency(store)
    const other = await makeAgency(store)
    await expect(
      publishReport({ store, actor: officeOf(other.id), agency: agency.id, year: 2025, by: '办公室 赵敏' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
