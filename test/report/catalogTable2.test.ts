import { expect, it } from 'vitest'
import type { CalendarDay } from '../../src/domain/calendar/calendarDay.js'
import { changeValidity } from '../../src/services/catalog/documentMetadata.js'
import { enterFigures } from '../../src/services/report/figures.js'
import { generateReport } from '../../src/services/report/generateReport.js'
import { makeAgency, makeDraft, office, reviewAndPublish } from '../catalog/factories.js'
import { describeEachEngine } from '../support/engines.js'

describeEachEngine('表二 第二十条第（一）项 from the catalog', (get) => {
  it('counts 规章 and 规范性文件 made, published, repealed and in force; an entered figure wins', async () => {
    const store = get()
    const agency = await makeAgency(store)
    const doc = async (genre: string, formedOn: string, publishedOn: string | null) => {
      const d = await makeDraft(
        store,
        agency,
        { genre, formedOn, docNo: `测〔${formedOn.slice(0, 4)}〕${formedOn.slice(5, 7)}号` },
        (publishedOn as CalendarDay) ?? '2022-12-01',
      )
      if (publishedOn) await reviewAndPublish(store, d, publishedOn as CalendarDay, { on: publishedOn as CalendarDay })
      return d
    }
    const a = await doc('规范性文件', '2021-05-10', '2021-05-20') // repealed in 2022
    await changeValidity(store, a, 'repealed', '2022-06-30' as CalendarDay, office, '2022-06-30' as CalendarDay)
    await doc('行政规范性文件', '2022-03-01', '2022-03-10')
    await doc('规范性文件', '2022-11-20', '2023-01-05') // made in 2022, published in 2023
    const d = await doc('规范性文件', '2020-01-01', '2020-01-10') // expired before the year
    await changeValidity(store, d, 'expired', '2021-12-31' as CalendarDay, office, '2021-12-31' as CalendarDay)
    await doc('规章', '2022-02-01', '2022-02-10')
    await doc('通知', '2022-04-01', '2022-04-02') // not a 第（一）项 document
    await doc('规范性文件', '2022-05-01', null) // a draft, never published

    const r2021 = await generateReport(store, { agency: agency.id, year: 2022, format: '2021' })
    expect(r2021.proactive?.art20_1).toEqual({
      rules: { issued: 1, repealed: 0, inForce: 1 },
      normativeDocuments: { issued: 2, repealed: 1, inForce: 2 },
    })
    // the blocks no record holds stay blank until staff enter them
    expect(r2021.proactive?.art20_5).toEqual({ licensing: { decisions: null } })

    const r2019 = await generateReport(store, { agency: agency.id, year: 2022, format: '2019' })
    expect(r2019.proactive?.art20_1).toEqual({
      rules: { newlyMade: 1, newlyPublished: 1, total: 1 },
      normativeDocuments: { newlyMade: 2, newlyPublished: 1, total: 3 },
    })

    await enterFigures(store, [
      {
        agency: agency.id,
        year: 2022,
        key: 'proactive.art20_1.normativeDocuments.inForce',
        value: 40,
        source: '法制科规范性文件清理结果',
        enteredBy: '办公室 林海',
      },
    ])
    const corrected = await generateReport(store, { agency: agency.id, year: 2022, format: '2021' })
    expect(corrected.proactive?.art20_1?.normativeDocuments).toEqual({ issued: 2, repealed: 1, inForce: 40 })
  })
})
