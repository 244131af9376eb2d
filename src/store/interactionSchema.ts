import type { Generated } from 'kysely'

// Kysely types of the 政民互动 tables (migration 2026-12-05-60-interaction), joined into schema.ts's Database.
// Dates of the law are 'YYYY-MM-DD' text, instants ISO-8601 UTC, months 'YYYY-MM', booleans 0/1, JSON text.

export interface LetterTable {
  id: Generated<number>
  agency_id: number
  department_id: number | null
  /** consult | suggest | complain | report (domain/interaction/letters.ts) */
  kind: string
  subject: string
  body: string
  writer_name: string
  writer_phone: string
  writer_email: string
  /** a 投诉/举报 about the agency's disclosure work (统计表 七) */
  about_disclosure: number
  /** the writer consents to publication of question and answer with personal data removed */
  wants_public: number
  query_code: string
  /** portal | import */
  source: string
  received_on: string
  // stored copies of the deadline rule (letterDueDate), written when the letter is received
  due_on: string
  due_provisional: number
  /** received | routed | answered */
  status: string
  answer: string | null
  answered_on: string | null
  answered_by: string | null
  /** stored copy of answeredLate(), written with the answer */
  answered_late: number | null
  published: number
  public_subject: string | null
  public_body: string | null
  public_answer: string | null
  /** satisfied | basic | dissatisfied */
  rating: string | null
  rated_on: string | null
  supervised_on: string | null
  supervise_note: string | null
  created_at: string
}

export interface LetterDeadlineTable {
  agency_id: number
  kind: string
  working_days: number
}

export interface ConsultationTable {
  id: Generated<number>
  agency_id: number
  title: string
  explanation: string
  draft_text: string
  opens_on: string
  closes_on: string
  /** open | closed */
  status: string
  feedback: string | null
  feedback_on: string | null
  final_document_id: number | null
  created_by: string
  created_at: string
}

export interface ConsultationCommentTable {
  id: Generated<number>
  consultation_id: number
  author_name: string
  body: string
  /** pending | shown | hidden */
  status: string
  adopted: number | null
  reason: string | null
  created_at: string
}

export interface SurveyTable {
  id: Generated<number>
  agency_id: number
  title: string
  intro: string
  /** JSON: SurveyQuestion[] (domain/interaction/surveys.ts) */
  questions: string
  opens_on: string
  closes_on: string
  created_by: string
  created_at: string
}

export interface SurveyCodeTable {
  id: Generated<number>
  survey_id: number
  /** sha256 of the code: the code itself is shown once, to whoever hands it out */
  code_hash: string
  used_at: string | null
}

export interface SurveyAnswerTable {
  id: Generated<number>
  survey_id: number
  code_id: number
  /** JSON: SurveyAnswers */
  answers: string
  submitted_at: string
}

export interface ConcernResponseTable {
  id: Generated<number>
  agency_id: number
  kind: string
  held_on: string
  subject: string
  /** the 热点 answered: events on the same concern count once in 统计表 三（一） */
  concern: string
  /** JSON: { name, title, leader }[] */
  speakers: string
  link: string
  created_by: string
  created_at: string
}

export interface ChannelCountTable {
  agency_id: number
  /** hotline12345 | petition | cityManagement */
  channel: string
  period: string
  received: number
  concluded: number | null
  resolved: number | null
  on_time: number | null
  source: string
  entered_by: string
  entered_at: string
}

export interface SocialAccountTable {
  id: Generated<number>
  agency_id: number
  /** wechat | weibo */
  platform: string
  name: string
  url: string
  created_at: string
}

export interface AccountPostTable {
  account_id: number
  period: string
  posts: number
  source: string
  entered_by: string
  entered_at: string
}

export interface InteractionTables {
  letters: LetterTable
  letter_deadlines: LetterDeadlineTable
  consultations: ConsultationTable
  consultation_comments: ConsultationCommentTable
  surveys: SurveyTable
  survey_codes: SurveyCodeTable
  survey_answers: SurveyAnswerTable
  concern_responses: ConcernResponseTable
  channel_counts: ChannelCountTable
  social_accounts: SocialAccountTable
  account_posts: AccountPostTable
}
