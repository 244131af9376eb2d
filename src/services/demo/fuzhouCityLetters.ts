import { calendarDay } from '../../domain/calendar/calendarDay.js'
import { addWorkingDays, nextWorkingDayFrom } from '../../domain/calendar/workingDays.js'
import type { LetterKind } from '../../domain/interaction/letters.js'
import { DEFAULT_LETTER_DEADLINES, answeredLate, letterDueDate } from '../../domain/interaction/letters.js'
import { loadWorkCalendar } from '../../store/calendarRepo.js'
import type { Store } from '../../store/database.js'
import { nowIso } from '../../store/database.js'
import type { NewLetter } from '../../store/letterRepo.js'
import { insertLetters } from '../../store/letterRepo.js'
import { systemActor } from '../actor.js'
import { openConsultation } from '../interaction/consultations.js'
import { between, pick, seededRandom } from './random.js'

// The demo city's 政民互动 of 2025 (issue 19: the supervisor compares letters, consultations and surveys per
// agency): letters spread over the year, most answered in time, one in ten late, the last two of December left
// open (overdue once their deadline passes); a consultation for every second agency. Deterministic.

const KINDS: LetterKind[] = ['consult', 'consult', 'consult', 'suggest', 'complain', 'report']
const LABEL: Record<LetterKind, string> = { consult: '咨询', suggest: '建议', complain: '投诉', report: '举报' }
const FIELDS = ['学位申请', '规划许可', '环境噪声', '道路维修', '物业管理', '社保转移']

/** Loads the city's letters and consultations; `agencies` in the order they were made. */
export async function loadCityInteraction(store: Store, agencies: readonly { id: number; name: string }[]) {
  const cal = await loadWorkCalendar(store.db)
  const at = nowIso()
  const rows: NewLetter[] = []
  for (const [n, a] of agencies.entries()) {
    const rand = seededRandom(2025_0305 + n * 13)
    const count = between(rand, 8, 20)
    for (let i = 0; i < count; i++) {
      const kind = pick(rand, KINDS)
      const open = i >= count - 2
      const month = open ? 12 : 1 + Math.floor((i * 11) / count)
      const receivedOn = nextWorkingDayFrom(
        calendarDay(
          `2025-${String(month).padStart(2, '0')}-${String(between(rand, 1, open ? 10 : 20)).padStart(2, '0')}`,
        ),
        cal,
      )
      const due = letterDueDate(receivedOn, kind, DEFAULT_LETTER_DEADLINES, cal).day
      const late = i % 10 === 3
      const answeredOn = open
        ? null
        : addWorkingDays(receivedOn, DEFAULT_LETTER_DEADLINES[kind] + (late ? 3 : -between(rand, 1, 3)), cal).day
      rows.push({
        agency_id: a.id,
        department_id: null,
        kind,
        subject: `关于${pick(rand, FIELDS)}的${LABEL[kind]}`,
        body: '（演示数据）',
        writer_name: '（演示）',
        writer_phone: '',
        writer_email: '',
        about_disclosure: 0,
        wants_public: 0,
        query_code: `FZ25${String(a.id).padStart(3, '0')}${String(i).padStart(3, '0')}`,
        source: 'import',
        received_on: receivedOn,
        due_on: due,
        due_provisional: 0,
        status: open ? 'received' : 'answered',
        answer: open ? null : '（演示答复）',
        answered_on: answeredOn,
        answered_by: open ? null : '办公室',
        answered_late: answeredOn === null ? null : answeredLate(due, answeredOn) ? 1 : 0,
        published: 0,
        rating: null,
        rated_on: null,
        created_at: at,
      })
    }
  }
  await store.db.transaction().execute((trx) => insertLetters(trx, rows))
  const actor = systemActor('demo')
  for (const [n, a] of agencies.entries()) {
    if (n % 2 === 1) continue
    const q = 1 + (n % 4)
    await openConsultation({
      store,
      actor,
      agencyId: a.id,
      form: {
        title: `${a.name}2025年第${q}季度规范性文件草案`,
        explanation: '（演示数据）',
        draftText: '（演示数据：草案全文）',
        opensOn: `2025-${String(q * 3 - 2).padStart(2, '0')}-05`,
        closesOn: `2025-${String(q * 3 - 1).padStart(2, '0')}-05`,
      },
    })
  }
  return rows.length
}
