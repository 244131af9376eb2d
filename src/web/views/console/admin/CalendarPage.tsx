import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../ConsoleLayout.js'
import type { FieldProblem } from '../../../../services/errors.js'

export function CalendarPage(props: {
  page: PageContext
  years: { year: number; source: string; createdBy: string | null }[]
  knownYears: number[]
  overrides: { day: string; kind: string; note: string; createdBy: string | null }[]
  errors?: FieldProblem[]
  done?: string
  /** what the year just entered changed, day by day */
  changes?: { day: string; before: string; after: string }[]
}) {
  return (
    <ConsoleLayout title="工作日历" page={props.page}>
      <h1>工作日历</h1>
      <Errors errors={props.errors} />
      {props.done ? (
        <p class="ok" role="status">
          {props.done}
        </p>
      ) : null}
      {props.changes ? (
        <table>
          <caption>本次录入变动的日期（{props.changes.length} 天）</caption>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">原为</th>
              <th scope="col">现为</th>
            </tr>
          </thead>
          <tbody>
            {props.changes.map((c) => (
              <tr key={c.day}>
                <td>{c.day}</td>
                <td>{c.before}</td>
                <td>{c.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>已知节假日安排的年份：{props.knownYears.join('、')}</p>
      <p class="hint">
        未录入的年份按《全国年节及纪念日放假办法》第二条的节日（元旦、春节、清明、劳动节、端午、中秋、国庆）和周末暂定，
        跨入该年的期限标注“暂定”。录入全年安排会整年替换原有安排（可包含通知所列上一年12月的日期），并重新计算在办申请的期限。
      </p>
      <section aria-labelledby="year">
        <h2 id="year">录入全年节假日安排（国务院办公厅通知）</h2>
        <form method="post" action="/console/calendar/year" class="form">
          <Csrf token={props.page.csrf} />
          <label for="year-no">年份</label>
          <input id="year-no" name="year" type="number" min="2004" max="2100" required />
          <label for="holidays">放假日期（每行一个日期或范围，如 2027-01-01 或 2027-02-06~2027-02-13）</label>
          <textarea id="holidays" name="holidays" rows={8} required />
          <label for="workdays">调休上班日期（每行一个）</label>
          <textarea id="workdays" name="workdays" rows={4} />
          <label for="source">通知来源</label>
          <input id="source" name="source" placeholder="国办发明电〔2026〕X号" required />
          <button type="submit">录入全年安排</button>
        </form>
      </section>
      <section aria-labelledby="day">
        <h2 id="day">单日调整</h2>
        <form method="post" action="/console/calendar/day" class="form">
          <Csrf token={props.page.csrf} />
          <label for="day-day">日期</label>
          <input id="day-day" name="day" type="date" required />
          <label for="day-kind">设为</label>
          <select id="day-kind" name="kind">
            <option value="holiday">放假</option>
            <option value="workday">上班</option>
            <option value="clear">取消调整</option>
          </select>
          <label for="day-note">说明</label>
          <input id="day-note" name="note" />
          <button type="submit">保存</button>
        </form>
      </section>
      <section aria-labelledby="list">
        <h2 id="list">已录入</h2>
        <table>
          <caption>全年安排</caption>
          <thead>
            <tr>
              <th scope="col">年份</th>
              <th scope="col">来源</th>
              <th scope="col">录入人</th>
            </tr>
          </thead>
          <tbody>
            {props.years.map((y) => (
              <tr key={y.year}>
                <td>{y.year}</td>
                <td>{y.source}</td>
                <td>{y.createdBy ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>单日调整</caption>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">类型</th>
              <th scope="col">说明</th>
              <th scope="col">录入人</th>
            </tr>
          </thead>
          <tbody>
            {props.overrides.map((o) => (
              <tr key={o.day}>
                <td>{o.day}</td>
                <td>{o.kind === 'holiday' ? '放假' : '上班'}</td>
                <td>{o.note}</td>
                <td>{o.createdBy ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </ConsoleLayout>
  )
}
