import ExcelJS from 'exceljs'
import type { QuestionResult, SurveyAnswers, SurveyQuestion } from '../domain/interaction/surveys.js'

/**
 * A survey as an XLSX workbook: 统计结果 (each option's count, the open answers) and 答卷明细 (one row per
 * answer sheet, options by their text). No code or person is in it: answers are anonymous.
 */
export async function surveyXlsx(input: {
  title: string
  questions: readonly SurveyQuestion[]
  results: readonly QuestionResult[]
  answers: readonly SurveyAnswers[]
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'gongkai'
  wb.title = input.title
  const ws = wb.addWorksheet('统计结果')
  ws.columns = [{ width: 50 }, { width: 40 }, { width: 12 }]
  ws.addRow([input.title]).font = { bold: true, size: 14 }
  ws.addRow([`答卷 ${input.answers.length} 份`])
  input.results.forEach((r, i) => {
    ws.addRow([])
    ws.addRow([`${i + 1}. ${r.text}`]).font = { bold: true }
    if (r.type === 'open') for (const t of r.texts) ws.addRow(['', t])
    else {
      ws.addRow(['', '选项', '人数']).font = { bold: true }
      for (const o of r.options) ws.addRow(['', o.label, o.count])
    }
  })
  const detail = wb.addWorksheet('答卷明细')
  detail.addRow(['序号', ...input.questions.map((q, i) => `${i + 1}. ${q.text}`)]).font = { bold: true }
  input.answers.forEach((a, n) => {
    detail.addRow([
      n + 1,
      ...input.questions.map((q, i) => {
        const v = a[i]
        if (typeof v === 'string') return v
        return [v ?? []]
          .flat()
          .map((o) => q.options[o] ?? '')
          .join('；')
      }),
    ])
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
