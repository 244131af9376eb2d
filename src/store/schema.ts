import type { ColumnType, Generated } from 'kysely'
import type { InteractionTables } from './interactionSchema.js'
import type { ServiceTables } from './servicesSchema.js'

// Dates of the law are 'YYYY-MM-DD' text; instants are ISO-8601 UTC text; booleans are 0/1; JSON is text.
// The same types on both engines keep results identical on SQLite and PostgreSQL.

interface AgencyTable {
  id: Generated<number>
  name: string
  /** 统一社会信用代码 (GB 32100-2015), 18 characters */
  code: string
  parent_id: number | null
  /** JSON: agency settings (review body, clock policy, 索引号 pattern …) */
  settings: string
  created_at: string
}

interface DepartmentTable {
  id: Generated<number>
  agency_id: number
  name: string
}

export interface UserTable {
  id: Generated<number>
  agency_id: number | null
  username: string
  display_name: string
  password_hash: string | null
  /** JSON array of role codes */
  roles: string
  department_id: number | null
  created_at: string
  // issue 4 (2026-11-24-30-console): account columns
  /** JSON array of department ids a department handler works for */
  department_ids: Generated<string>
  /** JSON array of agency ids a supervisor may read */
  supervised_agency_ids: Generated<string>
  must_change_password: Generated<number>
  failed_logins: Generated<number>
  locked_until: string | null
  password_changed_at: string | null
  disabled: Generated<number>
  /** issue 19: the agency whose subtree (agencies.parent_id) a supervisor reads; the old id list is no longer read */
  supervised_root_id: number | null
  /** issue 15 (2026-12-05-41): the TOTP secret (base32), set at enrolment, confirmed when totp_enabled_at is set */
  totp_secret: string | null
  totp_enabled_at: string | null
  /** the last TOTP time step accepted: a code is used once */
  totp_last_step: number | null
}

export interface ApplicationTable {
  id: Generated<number>
  agency_id: number
  /** the office's own case number (编号): key of ledger imports, unique per agency */
  ref: string
  /** the code the applicant follows the case with */
  query_code: string
  channel: string
  applicant_kind: string
  applicant_name: string
  /** JSON: contact details, ID, organisation fields (personal: never in public API answers) */
  applicant: string
  description: string
  topic: string | null
  department_id: number | null
  received_on: string
  // Stored copies of derived facts, kept for queries and refreshed from the clock whenever events or the
  // calendar change (never typed by anyone):
  state: string
  outcome: string | null
  concluded_on: string | null
  due_by: string | null
  due_provisional: number
  created_at: string
}

/** Append-only: rows are inserted, never updated or deleted. */
interface ApplicationEventTable {
  id: Generated<number>
  application_id: number
  seq: number
  kind: string
  on_day: string
  actor: string | null
  /** JSON of the whole event */
  data: string
  recorded_at: string
}

interface ReviewTable {
  id: Generated<number>
  agency_id: number
  application_id: number | null
  /** review | lawsuitDirect | lawsuitAfterReview */
  kind: string
  filed_on: string
  /** upheld | corrected | other | null while pending */
  result: string | null
  decided_on: string | null
  body: string
  note: string
  created_at: string
}

interface CalendarOverrideTable {
  id: Generated<number>
  /** 'national' or a region/agency scope */
  scope: string
  day: string
  kind: string
  note: string
  created_by: string | null
  created_at: string
  /** the year of the State Council notice this row was entered from (null: a single day typed by an admin) */
  notice_year: ColumnType<number | null, number | null | undefined, number | null>
}

/** A year whose whole State Council notice an admin entered: its days are no longer provisional. */
interface CalendarYearTable {
  scope: string
  year: number
  source: string
  created_by: string | null
  created_at: string
}

export interface Database extends InteractionTables, ServiceTables {
  agencies: AgencyTable
  departments: DepartmentTable
  users: UserTable
  applications: ApplicationTable
  application_events: ApplicationEventTable
  reviews: ReviewTable
  calendar_overrides: CalendarOverrideTable
  calendar_years: CalendarYearTable
  sessions: SessionTable
  rate_limits: RateLimitTable
  login_throttle: LoginThrottleTable
  recovery_codes: RecoveryCodeTable
  audit_log: AuditLogTable
  audit_head: AuditHeadTable
  issued_letters: IssuedLetterTable
  notifications: NotificationTable
  letter_templates: LetterTemplateTable
  application_files: ApplicationFileTable
  report_figures: ReportFigureTable
  report_narratives: ReportNarrativeTable
  report_snapshots: ReportSnapshotTable
  catalog_columns: CatalogColumnTable
  documents: DocumentTable
  document_events: DocumentEventTable
  document_channels: DocumentChannelTable
  index_counters: IndexCounterTable
  attachments: AttachmentTable
  search_docs: SearchDocTable
  search_terms: SearchTermTable
  search_stats: SearchStatsTable
  search_dictionary: SearchDictionaryTable
  catalog_version: CatalogVersionTable
  case_ref_counters: CaseRefCounterTable
  job_runs: JobRunTable
  bulletins: BulletinTable
  report_elsewhere: ReportElsewhereTable
  outbox_messages: OutboxMessageTable
  applicant_challenges: ApplicantChallengeTable
  privacy_decisions: PrivacyDecisionTable
  privacy_reviews: PrivacyReviewTable
}

/** The last case number an agency took in a year (case numbers per agency and year, decision 0020). */
interface CaseRefCounterTable {
  agency_id: number
  year: number
  last_no: number
}

/** One row (id 1): changed by triggers with every change a public page may show (portal page cache). */
interface CatalogVersionTable {
  id: number
  version: number
}

// issue 4: sessions, rate limits, audit chain, notifications, letter templates, uploads

/** A login session; `id` is the SHA-256 of the cookie token (the token itself is never stored). */
export interface SessionTable {
  id: string
  user_id: number
  created_at: string
  last_seen_at: string
  ip: string
  user_agent: string
  /** issue 15 (2026-12-05-41): 'verify' | 'enrol' while the second factor is still owed; null once complete */
  pending_factor: string | null
}

/** Failed logins per attempted name or address (2026-12-05-40, decision 0031). */
interface LoginThrottleTable {
  key: string
  failures: number
  last_failure_at: string
  blocked_until: string
}

/** One-time recovery codes of a second factor, as hashes (2026-12-05-41). */
interface RecoveryCodeTable {
  user_id: number
  code_hash: string
  used_at: string | null
}

/** A fixed-window counter per key (route + address, or login + username). */
interface RateLimitTable {
  key: string
  window_start: string
  hits: number
}

/** Append-only, chained by SM3: hash = SM3(prev_hash + canonical record). */
export interface AuditLogTable {
  id: Generated<number>
  seq: number
  at: string
  actor: string
  ip: string
  action: string
  target_type: string
  target_id: string
  detail: string
  prev_hash: string
  hash: string
  /** HMAC-SM3 of hash under the key kept outside the database (2026-12-05-51; null only on records before it) */
  mac: string | null
}

/** A letter as issued (2026-12-05-50, decision 0033): written once, never updated. */
export interface IssuedLetterTable {
  application_id: number
  /** the event that made it, by its place in the case history */
  seq: number
  kind: string
  /** JSON of the composed Letter: what the pages render */
  letter: string
  /** the letter's plain text, as issued */
  text: string
  text_sm3: string
  docx: Buffer
  docx_sm3: string
  issued_at: string
}

/** The chain's last seq and hash (one row, id 1): a deleted last record is detected too. */
interface AuditHeadTable {
  id: number
  seq: number
  hash: string
}

interface NotificationTable {
  id: Generated<number>
  agency_id: number
  department_id: number | null
  application_id: number | null
  /** dueSoon | overdue */
  kind: string
  day: string
  message: string
  created_at: string
  read_at: string | null
}

interface LetterTemplateTable {
  id: Generated<number>
  agency_id: number
  kind: string
  body: string
  updated_by: string | null
  updated_at: string
}

interface ApplicationFileTable {
  id: Generated<number>
  application_id: number
  purpose: string
  file_name: string
  mime: string
  size: number
  content_base64: string
  created_at: string
}

// issue 7 (2026-11-24-20-report): the annual report

/** Derived facts the report needs, written by saveDerived like the other stored copies (declaration merging). */
export interface ApplicationTable {
  /** Art. 36 answer kind with no row of its own: alreadyPublic | notThisAgency | specialLaw */
  answer_kind: string | null
  /** 1 when the reply period was extended */
  extended: Generated<number>
  /** 1 when the answer came after the deadline in force (the clock's answeredLate; issue 10) */
  answered_late: Generated<number>
  fee_noticed_on: string | null
  fee_yuan: number | null
  fee_paid_on: string | null
}

/** A figure no record holds, entered by staff: append-only; the latest row per (agency, year, key) is in force. */
interface ReportFigureTable {
  id: Generated<number>
  agency_id: number
  year: number
  key: string
  /** decimal text; null = cleared */
  value: string | null
  source: string
  note: string
  entered_by: string
  entered_at: string
}

interface ReportNarrativeTable {
  agency_id: number
  year: number
  /** overview | problems | other */
  section: string
  body: string
  updated_by: string
  updated_at: string
}

interface ReportSnapshotTable {
  id: Generated<number>
  agency_id: number
  year: number
  version: number
  format: string
  model: string
  html: string
  note: string
  published_by: string
  published_at: string
}

// issue 6: the proactive-disclosure catalog and its search index

interface CatalogColumnTable {
  id: Generated<number>
  agency_id: number
  parent_id: number | null
  slug: string
  name: string
  /** guide | rules | statutory | annual | custom */
  kind: string
  art20: string | null
  sort: number
}

interface DocumentTable {
  id: Generated<number>
  agency_id: number
  column_id: number
  /** 索引号, assigned at publication (imports bring their own); never reused */
  index_no: string | null
  title: string
  /** sanitised HTML */
  body_html: string
  body_text: string
  /** 文号 */
  doc_no: string | null
  /** 成文日期 */
  formed_on: string
  /** 发布日期 (a future day = scheduled) */
  published_on: string | null
  /** 主题分类 */
  topic: string
  /** 体裁 / 组配分类 */
  genre: string
  /** 公开方式: active | onRequest | withheld */
  disclosure: string
  /** 有效性: valid | expired | repealed */
  validity: string
  validity_on: string | null
  /** 发布机构 */
  publisher: string
  /** 信息来源 */
  source: string
  art20: string | null
  major: number
  /** the policy this item interprets (政策解读) */
  interprets_id: number | null
  requires_interpretation: number
  status: string
  step: string | null
  /** 《条例》第二十六条: published more than 20 working days after it was formed */
  late: number
  views: number
  withdrawn_on: string | null
  withdraw_reason: string | null
  created_by: string
  created_at: string
  updated_at: string
}

/** Append-only: rows are inserted, never updated or deleted. */
interface DocumentEventTable {
  id: Generated<number>
  document_id: number
  seq: number
  kind: string
  step: string | null
  comment: string
  actor_name: string
  actor_role: string
  actor_user_id: number | null
  on_day: string
  at: string
  data: string
}

interface DocumentChannelTable {
  document_id: number
  channel: string
  on_day: string
}

interface IndexCounterTable {
  agency_id: number
  year: number
  last_serial: number
}

interface AttachmentTable {
  id: Generated<number>
  document_id: number
  file_name: string
  mime: string
  size: number
  sha256: string
  storage_key: string
  created_at: string
}

interface SearchDocTable {
  sort_key: number
  document_id: number
  tokens: string
  length: number
}

interface SearchTermTable {
  term: string
  df: number
}

interface SearchStatsTable {
  id: number
  docs: number
  total_length: number
  /** 1: jieba tokens; 2: Han unigrams and bigrams, search text kept (decision 0028) */
  format: Generated<number>
}

// issue 14 (2026-12-05-20-search-grams): the search dictionary administrators extend
interface SearchDictionaryTable {
  id: Generated<number>
  term: string
  /** JSON array of the phrases that mean the same as `term` */
  synonyms: string
  created_by: string
  created_at: string
}

// issue 14 (2026-12-05-10-outbox): messages to applicants and their second-factor challenges

export interface OutboxMessageTable {
  id: Generated<number>
  agency_id: number
  application_id: number | null
  /** one message per case event and channel, e.g. `12:3:email` */
  dedupe: string
  /** what the message is about: received | supplementRequested | extended | consultationPaused | answered | feeNoticed | code */
  topic: string
  /** email | sms */
  channel: string
  recipient: string
  subject: string
  body: string
  /** pending | retrying | sent | failed (gave up) */
  state: string
  attempts: Generated<number>
  next_attempt_at: string
  last_error: string | null
  created_at: string
  sent_at: string | null
}

interface ApplicantChallengeTable {
  id: Generated<number>
  application_id: number
  /** code: a one-time code sent to the applicant; grant: the right to download, after the second factor */
  kind: string
  secret_hash: string
  expires_at: string
  tries: Generated<number>
  created_at: string
}

/** issue 19: one run of a scheduled job per slot; the instance whose insert wins runs it (decision 0044) */
interface JobRunTable {
  job: string
  slot: string
  instance: string
  started_at: string
  finished_at: string | null
  outcome: string | null
}

/** issue 19: a quarterly 通报 of a subtree, generated as a draft, edited and published by a supervisor */
interface BulletinTable {
  id: Generated<number>
  root_agency_id: number
  year: number
  quarter: number
  title: string
  doc_no: Generated<string>
  intro: Generated<string>
  closing: Generated<string>
  /** JSON: the figures as generated (domain/supervision/bulletin.ts) */
  figures: string
  status: Generated<string>
  generated_by: string
  generated_at: string
  published_by: string | null
  published_at: string | null
}

/** issue 19: an annual report an agency published outside the platform (uploaded text or a link) */
interface ReportElsewhereTable {
  agency_id: number
  year: number
  url: Generated<string>
  file_name: Generated<string>
  text: Generated<string>
  recorded_by: string
  recorded_at: string
}

// issue 17 point 2 (2026-12-06-20, decision 0047): de-identification in the review chain

/** The 保密审查 reviewer's decision on one personal-data finding in one version of one text. */
interface PrivacyDecisionTable {
  id: Generated<number>
  document_id: number
  /** 'body', or 'attachment:<id>' */
  source: string
  /** SHA-256 of the text examined (the body's plain text; an attachment's stored bytes) */
  version: string
  kind: string
  start_at: number
  end_at: number
  found: string
  masked: string
  /** accept | keep | exempt */
  decision: string
  reason: string
  actor_name: string
  actor_role: string
  actor_user_id: number | null
  at: string
}

/** Per document: its exemption from masking (惩戒性公示 / 强制性信息披露) and the original kept when masked. */
interface PrivacyReviewTable {
  document_id: number
  /** penalty | mandatory, or null */
  exempt: string | null
  exempt_reason: Generated<string>
  exempt_by: Generated<string>
  exempt_at: string | null
  /** the body as written, before publication masked it (staff record only) */
  original_html: string | null
  original_text: string | null
  masked_at: string | null
}

// issue 17 point 1 (2026-12-06-10-personal-data, decision 0045): applicants' personal data sealed at rest

/** A per-record data key, wrapped by the master key (kept outside the database) whose id it names. */
interface DataKeyTable {
  id: Generated<number>
  master_key_id: string
  wrapped_key: string
  created_at: string
}

/** The keyed hash index (HMAC-SM3 under a key derived from the master key) staff search and duplicates use. */
interface ApplicantIndexTable {
  id: Generated<number>
  application_id: number
  agency_id: number
  /** name | phone | identity */
  field: string
  hash: string
}

/** The case's data key: its name, details, files and the recipients of its messages are sealed with it. */
export interface ApplicationTable {
  data_key_id: ColumnType<number | null, number | null | undefined, number | null>
  /** 1 when a ledger import marked the case with warnings (counted by the report without opening the details) */
  import_warned: Generated<number>
}

export interface Database {
  data_keys: DataKeyTable
  applicant_index: ApplicantIndexTable
}

// issue 17 point 4 (2026-12-06-30-retention, decision 0048): what the retention job did

/** One run of the retention job (or its dry run): counts for the staff page. */
interface RetentionRunTable {
  id: Generated<number>
  today: string
  dry_run: Generated<number>
  actor: string
  started_at: string
  finished_at: string | null
  cases_anonymised: Generated<number>
  files_removed: Generated<number>
  messages_cleared: Generated<number>
  batches: Generated<number>
  outcome: string | null
}

/** A case whose applicant data the job removed, step by step (files, message texts, the whole case). */
interface RetentionCaseTable {
  application_id: number
  agency_id: number
  files_on: string | null
  messages_on: string | null
  case_on: string | null
  run_id: number
}

export interface Database {
  retention_runs: RetentionRunTable
  retention_cases: RetentionCaseTable
}
