import { createHash, randomInt } from 'node:crypto'
import { z } from 'zod'
import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { compareDays, daySchema } from '../../domain/calendar/calendarDay.js'
import type { SurveyAnswers, SurveyQuestion } from '../../domain/interaction/surveys.js'
import { parseQuestionText, readAnswers, surveyQuestions, tallySurvey } from '../../domain/interaction/surveys.js'
import { surveyQuestionSvg } from '../../export/surveyChart.js'
import { surveyXlsx } from '../../export/surveyXlsx.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import type { SurveyRow } from '../../store/participationRepo.js'
import {
  countSurveyCodes,
  findSurvey,
  findSurveyCode,
  insertSurvey,
  insertSurveyAnswer,
  insertSurveyCodes,
  listSurveyAnswers,
  listSurveys,
  takeSurveyCode,
} from '../../store/participationRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { actingAgency, agenciesOf, parseOrRefuse } from './common.js'

// 在线调查: one answer per person per survey by a one-time code the office hands out (printed, sent by SMS
// from its own system, given at a service window): no account, and a code proves the answer was counted
// once. Only the code's hash is kept. docs/decisions/0037-survey-codes.md

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const hashCode = (code: string) => createHash('sha256').update(code.trim().toUpperCase()).digest('hex')

const questionsOf = (s: SurveyRow): SurveyQuestion[] => surveyQuestions.parse(JSON.parse(s.questions))
const isOpen = (s: SurveyRow, today: CalendarDay) =>
  compareDays(today, s.opens_on as CalendarDay) >= 0 && compareDays(today, s.closes_on as CalendarDay) <= 0

const createForm = z
  .object({
    title: z.string().trim().min(1, '请填写调查标题').max(200, '调查标题不超过200字'),
    intro: z.string().trim().max(3000, '调查说明不超过3000字').default(''),
    questions: z.string().trim().min(1, '请填写调查问题'),
    opensOn: daySchema('开始日期'),
    closesOn: daySchema('截止日期'),
  })
  .refine((f) => compareDays(f.closesOn, f.opensOn) >= 0, { path: ['closesOn'], message: '截止日期不能早于开始日期' })

export async function createSurvey(p: { store: Store; actor: Actor; agencyId: number | null; form: unknown }) {
  const f = parseOrRefuse(createForm, p.form)
  const q = parseQuestionText(f.questions)
  if (!q.ok) throw new ValidationError([{ field: 'questions', message: q.message }])
  const agencyId = actingAgency(p.actor, p.agencyId)
  authorize(p.actor, 'interaction.manage', { agencyId })
  return p.store.db.transaction().execute(async (trx) => {
    const id = await insertSurvey(trx, {
      agency_id: agencyId,
      title: f.title,
      intro: f.intro,
      questions: JSON.stringify(q.questions),
      opens_on: f.opensOn,
      closes_on: f.closesOn,
      created_by: p.actor.username,
      created_at: nowIso(),
    })
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'survey.create',
      targetType: 'survey',
      targetId: id,
      detail: { title: f.title, questions: q.questions.length },
    })
    return id
  })
}

const codesForm = z.object({
  count: z.coerce
    .number({ message: '参与码数量应为数字' })
    .int('参与码数量应为整数')
    .min(1, '参与码数量至少1个')
    .max(5000, '一次最多生成5000个参与码'),
})

/** New one-time codes for a survey, returned once in plain text (the office hands them out); only hashes stay. */
export async function issueSurveyCodes(p: { store: Store; actor: Actor; surveyId: number; form: unknown }) {
  const f = parseOrRefuse(codesForm, p.form)
  return p.store.db.transaction().execute(async (trx) => {
    const s = await findSurvey(trx, p.surveyId)
    if (!s) throw new NotFoundError('该调查')
    authorize(p.actor, 'interaction.manage', { agencyId: Number(s.agency_id) })
    const codes = new Set<string>()
    while (codes.size < f.count) {
      let c = ''
      for (let i = 0; i < 10; i++) c += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
      codes.add(c)
    }
    await insertSurveyCodes(trx, s.id, [...codes].map(hashCode))
    await appendAudit(trx, {
      ...auditActor(p.actor),
      action: 'survey.codes',
      targetType: 'survey',
      targetId: s.id,
      detail: { count: f.count },
    })
    return [...codes]
  })
}

/**
 * An answer sheet with its code: refused, with nothing written, when a question is not answered as asked, the
 * code was never issued for this survey, or it was used already.
 */
export async function answerSurvey(p: {
  store: Store
  actor: Actor
  surveyId: number
  /** the form as posted: `code`, and `q0` … `qN` with one value or several each */
  values: Readonly<Record<string, readonly string[]>>
  today: CalendarDay
}) {
  const s = await findSurvey(p.store.db, p.surveyId)
  if (!s) throw new NotFoundError('该调查')
  if (!isOpen(s, p.today)) throw new ValidationError([{ field: 'code', message: '该调查不在进行期间，不能提交答卷' }])
  const questions = questionsOf(s)
  const read = readAnswers(
    questions,
    questions.map((_, i) => p.values[`q${i}`] ?? []),
  )
  const problems = read.ok ? [] : read.problems.map((x) => ({ field: `q${x.question}`, message: x.message }))
  const code = (p.values.code?.[0] ?? '').trim().toUpperCase()
  if (!/^[A-Z2-9]{10}$/.test(code)) problems.unshift({ field: 'code', message: '请填写10位参与码（字母和数字）' })
  if (problems.length || !read.ok) throw new ValidationError(problems)
  await p.store.db.transaction().execute(async (trx) => {
    const c = await findSurveyCode(trx, s.id, hashCode(code))
    if (!c) throw new ValidationError([{ field: 'code', message: '参与码不正确（不是本调查发放的参与码）' }])
    const at = nowIso()
    if (c.used_at !== null || !(await takeSurveyCode(trx, Number(c.id), at)))
      throw new ValidationError([{ field: 'code', message: '该参与码已提交过答卷，每个参与码只能答一次' }])
    await insertSurveyAnswer(trx, { surveyId: s.id, codeId: Number(c.id), answers: JSON.stringify(read.answers), at })
    await appendAudit(trx, { ...auditActor(p.actor), action: 'survey.answer', targetType: 'survey', targetId: s.id })
  })
}

async function loaded(store: Store, surveyId: number) {
  const s = await findSurvey(store.db, surveyId)
  if (!s) throw new NotFoundError('该调查')
  const questions = questionsOf(s)
  const answers = (await listSurveyAnswers(store.db, s.id)).map((a) => JSON.parse(a) as SurveyAnswers)
  return { s, questions, answers, results: tallySurvey(questions, answers) }
}

/** A survey for the public: its questions, whether it takes answers, and the live results. */
export async function publicSurvey(p: { store: Store; surveyId: number; today: CalendarDay }) {
  const { s, questions, answers, results } = await loaded(p.store, p.surveyId)
  return {
    survey: { ...s, id: Number(s.id) },
    questions,
    open: isOpen(s, p.today),
    answerCount: answers.length,
    results,
  }
}

export async function publicSurveys(store: Store) {
  return listSurveys(store.db, null, 50)
}

/** A choice question's chart (SVG) from the answers so far. */
export async function surveyChart(p: { store: Store; surveyId: number; question: number }) {
  const { results } = await loaded(p.store, p.surveyId)
  const r = results[p.question]
  if (!r || r.type === 'open') throw new NotFoundError('该选择题')
  return surveyQuestionSvg(`${p.question + 1}. ${r.text}`, r.options)
}

export async function surveysForStaff(p: { store: Store; actor: Actor }) {
  return listSurveys(p.store.db, agenciesOf(p.actor, 'interaction.read'), 100)
}

export async function surveyForStaff(p: { store: Store; actor: Actor; surveyId: number; today: CalendarDay }) {
  const view = await publicSurvey(p)
  authorize(p.actor, 'interaction.read', { agencyId: Number(view.survey.agency_id) })
  return { ...view, codes: await countSurveyCodes(p.store.db, view.survey.id) }
}

/** The survey's results and answer sheets as XLSX (staff). */
export async function exportSurvey(p: { store: Store; actor: Actor; surveyId: number }) {
  const { s, questions, answers, results } = await loaded(p.store, p.surveyId)
  authorize(p.actor, 'interaction.read', { agencyId: Number(s.agency_id) })
  return { fileName: `在线调查-${s.id}.xlsx`, data: await surveyXlsx({ title: s.title, questions, results, answers }) }
}
