import type { Migration } from 'kysely'
import * as core from './2026-11-24-01-core.js'
import * as catalog10 from './2026-11-24-10-catalog.js'
import * as report20 from './2026-11-24-20-report.js'
import * as console30 from './2026-11-24-30-console.js'
import * as catalogVersion61 from './2026-11-24-61-catalog-version.js'
import * as answeredLate70 from './2026-12-04-70-answered-late.js'
import * as calendarNoticeYear72 from './2026-12-04-72-calendar-notice-year.js'
import * as caseRefs80 from './2026-12-04-80-case-refs.js'
import * as interaction60 from './2026-12-05-60-interaction.js'
import * as supervision80 from './2026-12-05-80-supervision.js'
import * as outbox10 from './2026-12-05-10-outbox.js'
import * as issuedLetters50 from './2026-12-05-50-issued-letters.js'
import * as auditMac51 from './2026-12-05-51-audit-mac.js'
import * as loginThrottle40 from './2026-12-05-40-login-throttle.js'
import * as secondFactor41 from './2026-12-05-41-second-factor.js'
import * as serviceItems70 from './2026-12-05-70-service-items.js'
import * as inspections71 from './2026-12-05-71-inspections.js'
import * as siteInspections72 from './2026-12-05-72-site-inspections.js'
import * as searchGrams20 from './2026-12-05-20-search-grams.js'
import * as personalData10 from './2026-12-06-10-personal-data.js'
import * as privacyReview20 from './2026-12-06-20-privacy-review.js'
import * as retention30 from './2026-12-06-30-retention.js'
import * as supervisorRoot40 from './2026-12-06-40-supervisor-root.js'
import * as searchPlans6 from './2026-12-06-6-search-plans.js'

/**
 * Every migration, by name (date-prefixed, applied in name order). Add a line per new migration file;
 * migration files import nothing from the app (style.md).
 */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-24-01-core': core,
  '2026-11-24-10-catalog': catalog10,
  '2026-11-24-20-report': report20,
  '2026-11-24-30-console': console30,
  '2026-11-24-61-catalog-version': catalogVersion61,
  '2026-12-04-70-answered-late': answeredLate70,
  '2026-12-04-72-calendar-notice-year': calendarNoticeYear72,
  '2026-12-04-80-case-refs': caseRefs80,
  '2026-12-05-60-interaction': interaction60,
  '2026-12-05-80-supervision': supervision80,
  '2026-12-05-10-outbox': outbox10,
  '2026-12-05-50-issued-letters': issuedLetters50,
  '2026-12-05-51-audit-mac': auditMac51,
  '2026-12-05-40-login-throttle': loginThrottle40,
  '2026-12-05-41-second-factor': secondFactor41,
  '2026-12-05-70-service-items': serviceItems70,
  '2026-12-05-71-inspections': inspections71,
  '2026-12-05-72-site-inspections': siteInspections72,
  '2026-12-05-20-search-grams': searchGrams20,
  '2026-12-06-10-personal-data': personalData10,
  '2026-12-06-20-privacy-review': privacyReview20,
  '2026-12-06-30-retention': retention30,
  '2026-12-06-40-supervisor-root': supervisorRoot40,
  '2026-12-06-6-search-plans': searchPlans6,
}
