import { ValidationError } from '../errors.js'
import { enterFigures } from './figures.js'
import { saveNarrative } from './narrative.js'
import { publishReport } from './publishReport.js'
import { reportTarget } from './reportAccess.js'
import type { ReportRequest } from './reportPage.js'

// The changes staff make on the report page, each once the actor may decide on the agency's cases
// (case.decide): an agency they may not is answered as one that does not exist. Each returns what the page
// then says.

/** Saves the narrative sections staff wrote (一、五、六). */
export async function saveReportNarrative(
  props: ReportRequest & { by: string; sections: { overview: string; problems: string; other: string } },
): Promise<string> {
  const t = await reportTarget({ ...props, permission: 'case.decide' })
  const { store, actor, by, sections } = props
  await saveNarrative({ store, actor, agency: t.agencyId, year: t.year, by, sections })
  return '正文已保存'
}

/** Enters (or corrects) one figure no record holds, its value as typed on the form. */
export async function enterReportFigure(
  props: ReportRequest & { by: string; key: string; value: string; source: string; note: string },
): Promise<string> {
  const t = await reportTarget({ ...props, permission: 'case.decide' })
  const raw = props.value.trim()
  // digits as a person writes them: no 0x10, 1e3 or blanks, which Number() would read as figures
  if (!/^\d{1,12}(?:\.\d{1,4})?$/.test(raw))
    throw new ValidationError([{ field: 'value', message: '数值应为不小于0的数字（如 12，金额可写 3.5）' }])
  const value = Number(raw)
  await enterFigures(props.store, [
    {
      agency: t.agencyId,
      year: t.year,
      key: props.key,
      value,
      source: props.source,
      note: props.note,
      enteredBy: props.by,
      ip: props.actor.ip,
    },
  ])
  return '数据已录入'
}

/**
 * Publishes the report as it is computed now, as a new version: refused while it is not fit to publish, unless
 * `override` says why it is published anyway.
 */
export async function publishReportVersion(
  props: ReportRequest & { by: string; note: string; override?: string },
): Promise<string> {
  const t = await reportTarget({ ...props, permission: 'case.decide' })
  const v = await publishReport({
    store: props.store,
    actor: props.actor,
    agency: t.agencyId,
    year: t.year,
    format: t.format,
    by: props.by,
    note: props.note,
    ...(props.override ? { override: props.override } : {}),
    ...(props.today ? { today: props.today } : {}),
  })
  return `已发布第${v.version}版${v.overridden.length ? `（未满足发布条件${v.overridden.length}项，发布理由已记录）` : ''}`
}
