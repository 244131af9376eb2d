import { z } from 'zod'

/** 在线调查: single choice, multiple choice, open questions. */
export const QUESTION_TYPES = [
  { code: 'single', label: '单选' },
  { code: 'multiple', label: '多选' },
  { code: 'open', label: '开放回答' },
] as const

export const surveyQuestion = z.object({
  type: z.enum(['single', 'multiple', 'open']),
  text: z.string().min(1).max(300),
  options: z.array(z.string().min(1).max(100)).max(20),
})

export type SurveyQuestion = z.infer<typeof surveyQuestion>

export const surveyQuestions = z.array(surveyQuestion).min(1).max(50)

/** One person's answers, by question index: an option's index, several, or text. */
export type SurveyAnswer = number | number[] | string
export type SurveyAnswers = SurveyAnswer[]

export interface AnswerProblem {
  question: number
  message: string
}

/**
 * Reads a submitted form's raw values (question index → the values posted) against the questions: every choice
 * question answered with options it offers; open answers at most 2000 characters and optional.
 */
export function readAnswers(
  questions: readonly SurveyQuestion[],
  raw: readonly (readonly string[])[],
): { ok: true; answers: SurveyAnswers } | { ok: false; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = []
  const answers: SurveyAnswers = questions.map((q, i) => {
    const values = raw[i] ?? []
    const label = `第${i + 1}题“${q.text}”`
    if (q.type === 'open') {
      const text = (values[0] ?? '').trim()
      if (text.length > 2000) problems.push({ question: i, message: `${label}不超过2000字` })
      return text
    }
    const picked = values.map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n < q.options.length)
    if (picked.length !== values.length) problems.push({ question: i, message: `${label}的选项不存在` })
    if (picked.length === 0) problems.push({ question: i, message: `请回答${label}` })
    if (q.type === 'single') {
      if (picked.length > 1) problems.push({ question: i, message: `${label}只能选一项` })
      return picked[0] ?? -1
    }
    return [...new Set(picked)].sort((a, b) => a - b)
  })
  return problems.length ? { ok: false, problems } : { ok: true, answers }
}

export interface QuestionResult {
  text: string
  type: SurveyQuestion['type']
  /** choice questions: each option and how many chose it */
  options: { label: string; count: number }[]
  /** open questions: the answers given (non-empty) */
  texts: string[]
}

/** The live results: choices counted per option, open answers listed. */
export function tallySurvey(questions: readonly SurveyQuestion[], all: readonly SurveyAnswers[]): QuestionResult[] {
  return questions.map((q, i) => {
    const counts = q.options.map(() => 0)
    const texts: string[] = []
    for (const a of all) {
      const v = a[i]
      if (typeof v === 'string') {
        if (v) texts.push(v)
      } else for (const o of [v ?? []].flat()) if (o >= 0 && o < counts.length) counts[o] = (counts[o] ?? 0) + 1
    }
    return {
      text: q.text,
      type: q.type,
      options: q.options.map((label, o) => ({ label, count: counts[o] ?? 0 })),
      texts,
    }
  })
}

const TYPE_OF_PREFIX: Record<string, SurveyQuestion['type']> = { 单选: 'single', 多选: 'multiple', 问答: 'open' }

/**
 * The console's plain-text way of writing questions: blocks separated by a blank line, the first line
 * “单选：…”, “多选：…” or “问答：…”, each further line an option (choice questions need two or more).
 */
export function parseQuestionText(
  text: string,
): { ok: true; questions: SurveyQuestion[] } | { ok: false; message: string } {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) =>
      b
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .filter((b) => b.length > 0)
  if (blocks.length === 0) return { ok: false, message: '请填写调查问题' }
  const questions: SurveyQuestion[] = []
  for (const [i, [head = '', ...options]] of blocks.entries()) {
    const m = /^(单选|多选|问答)[：:]\s*(.+)$/.exec(head)
    const type = m ? TYPE_OF_PREFIX[m[1] ?? ''] : undefined
    if (!m || !type) return { ok: false, message: `第${i + 1}题应以“单选：”“多选：”或“问答：”开头` }
    const q = { type, text: (m[2] ?? '').slice(0, 300), options: type === 'open' ? [] : options }
    if (type !== 'open' && options.length < 2) return { ok: false, message: `第${i + 1}题至少需要两个选项（每行一个）` }
    if (options.length > 20) return { ok: false, message: `第${i + 1}题的选项不超过20个` }
    if (options.some((o) => o.length > 100)) return { ok: false, message: `第${i + 1}题的选项每个不超过100字` }
    questions.push(q)
  }
  if (questions.length > 50) return { ok: false, message: '调查问题不超过50题' }
  return { ok: true, questions }
}
