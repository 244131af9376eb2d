// The 统计表's own sums (rule ids legacy.*): each total item equals the sum of its items present in the
// report, for the year's column and for a 历年累计 column alike. Data, not branches: add a line to add a sum.
import type { Identity } from './check.js'
import { CUMULATIVE_SUFFIX, LEGACY_TYPE_KEYS, legacyLabel } from './legacyKeys.js'
import type { Cell } from './model.js'

/** The 统计表's own sums: total key = sum of the part keys present in the report. */
const LEGACY_SUMS: readonly { rule: string; total: string; parts: readonly string[] }[] = [
  {
    rule: 'legacy.channels',
    total: 'applications.received',
    parts: ['inPerson', 'fax', 'online', 'email', 'letter', 'letterOrFax', 'otherChannel'].map(
      (k) => `applications.${k}`,
    ),
  },
  {
    rule: 'legacy.completed',
    total: 'applications.completed',
    parts: ['applications.onTime', 'applications.extended'],
  },
  {
    rule: 'legacy.answers',
    total: 'answers.total',
    parts: [
      'alreadyPublic',
      'disclosed',
      'partial',
      'refused',
      'notThisAgency',
      'notExist',
      'askCorrection',
      'otherChannel',
      'other',
    ].map((k) => `answers.${k}`),
  },
  {
    rule: 'legacy.refusedReasons',
    total: 'answers.refused',
    parts: ['stateSecret', 'commercialSecret', 'privacy', 'security', 'notGovInfo', 'otherLaw'].map(
      (k) => `answers.refused.${k}`,
    ),
  },
  { rule: 'legacy.types', total: 'types.total', parts: LEGACY_TYPE_KEYS },
  {
    rule: 'legacy.proactiveByCategory',
    total: 'proactive.total',
    parts: ['proactive.policyDocs', 'proactive.otherInfo'],
  },
  {
    rule: 'legacy.proactiveByChannel',
    total: 'proactive.total',
    parts: ['proactive.portal', 'proactive.weibo', 'proactive.wechat', 'proactive.otherChannel'],
  },
  { rule: 'legacy.reviews', total: 'review.total', parts: ['review.upheld', 'review.illegal', 'review.other'] },
  { rule: 'legacy.lawsuits', total: 'lawsuit.total', parts: ['lawsuit.upheld', 'lawsuit.illegal', 'lawsuit.other'] },
  { rule: 'legacy.offices', total: 'staff.bodies', parts: ['staff.dedicatedBodies', 'staff.partTimeBodies'] },
  { rule: 'legacy.staff', total: 'staff.people', parts: ['staff.fullTime', 'staff.partTime'] },
]

export function legacyIdentities(legacy: Record<string, Cell>): Identity[] {
  const out: Identity[] = []
  for (const suffix of ['', CUMULATIVE_SUFFIX]) {
    for (const s of LEGACY_SUMS) {
      const total = s.total + suffix
      const parts = s.parts.map((p) => p + suffix).filter((p) => p in legacy)
      if (!(total in legacy) || parts.length === 0) continue
      out.push({
        rule: s.rule,
        row: total,
        where: suffix ? '历年累计列' : '统计表',
        left: [{ label: legacyLabel(total), value: legacy[total] }],
        right: parts.map((p) => ({ label: legacyLabel(p), value: legacy[p] })),
      })
    }
  }
  return out
}
