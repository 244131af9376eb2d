import type { ReviewsAndLawsuits } from '../../../domain/report/model.js'
import type { ReviewView } from '../../presenters/casePage.js'
import type { PageContext } from './ConsoleLayout.js'
import { ConsoleLayout, Errors } from './ConsoleLayout.js'
import { ReviewEditForm } from './CaseReviews.js'

const TABLE_ROWS: { key: keyof ReviewsAndLawsuits; label: string }[] = [
  { key: 'review', label: '行政复议' },
  { key: 'lawsuitDirect', label: '行政诉讼（未经复议直接起诉）' },
  { key: 'lawsuitAfterReview', label: '行政诉讼（复议后起诉）' },
]

/** 表四 of the agency's annual report, as the report computes it (rows by kind, columns by result). */
function TableFour(props: { table: ReviewsAndLawsuits; year: number }) {
  return (
    <table id="table-four">
      <caption>{props.year}年度报告表四：因政府信息公开工作被申请行政复议、提起行政诉讼情况（由年报计算）</caption>
      <thead>
        <tr>
          <th scope="col">类型</th>
          <th scope="col">结果维持</th>
          <th scope="col">结果纠正</th>
          <th scope="col">其他结果</th>
          <th scope="col">尚未审结</th>
          <th scope="col">总计</th>
        </tr>
      </thead>
      <tbody>
        {TABLE_ROWS.map((r) => {
          const c = props.table[r.key]
          return (
            <tr key={r.key} data-kind={r.key}>
              <th scope="row">{r.label}</th>
              <td>{c.upheld ?? '—'}</td>
              <td>{c.corrected ?? '—'}</td>
              <td>{c.other ?? '—'}</td>
              <td>{c.pending ?? '—'}</td>
              <td>{c.total ?? '—'}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** One agency's reviews and lawsuits of a year beside 表四 as the annual report counts them. */
export function ReviewListPage(props: {
  page: PageContext
  agencies: { id: number; name: string }[]
  agencyId: number | null
  year: number
  reviews: ReviewView[]
  table: ReviewsAndLawsuits | null
  /** the office: an edit form under the list for each review */
  canDecide: boolean
  errors?: { field: string; message: string }[]
}) {
  const back = new URLSearchParams({ agency: String(props.agencyId ?? ''), year: String(props.year) }).toString()
  return (
    <ConsoleLayout title="行政复议和行政诉讼" page={props.page}>
      <h1>行政复议和行政诉讼</h1>
      <Errors errors={props.errors} />
      <p class="muted">
        行政复议和行政诉讼在申请页面登记，结果可在申请页面或本页录入。本页列出年度报告表四计入该年度的案件：当年收到的，以及以前年度收到、当年审结或仍未审结的。
      </p>
      <form method="get" action="/console/reviews" class="filters">
        <label for="agency">机关</label>
        <select id="agency" name="agency">
          {props.agencies.map((a) => (
            <option key={a.id} value={String(a.id)} selected={a.id === props.agencyId}>
              {a.name}
            </option>
          ))}
        </select>
        <label for="year">年度</label>
        <input id="year" name="year" type="number" min="2008" max="2100" value={String(props.year)} />
        <button type="submit">查看</button>
      </form>
      {props.agencyId === null ? (
        <p class="empty">没有可查看的机关。</p>
      ) : (
        <>
          {props.table ? <TableFour table={props.table} year={props.year} /> : <p>该年度的报告格式没有表四。</p>}
          <h2 id="review-list">案件（共 {props.reviews.length} 件）</h2>
          {props.reviews.length === 0 ? (
            <p class="empty">该年度没有行政复议或行政诉讼。</p>
          ) : (
            <table aria-labelledby="review-list" id="review-list-table">
              <thead>
                <tr>
                  <th scope="col">申请</th>
                  <th scope="col">类型</th>
                  <th scope="col">复议机关或法院</th>
                  <th scope="col">收到（立案）日期</th>
                  <th scope="col">结果</th>
                  <th scope="col">审结日期</th>
                </tr>
              </thead>
              <tbody>
                {props.reviews.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.applicationId ? (
                        <a href={`/console/applications/${r.applicationId}#reviews`}>{r.caseRef ?? r.applicationId}</a>
                      ) : (
                        '（未关联申请）'
                      )}
                    </td>
                    <td>{r.kindLabel}</td>
                    <td>{r.body}</td>
                    <td>{r.filedOn}</td>
                    <td>{r.resultLabel}</td>
                    <td>{r.decidedOn || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {props.canDecide
            ? props.reviews.map((r) => (
                <ReviewEditForm
                  key={r.id}
                  r={r}
                  csrf={props.page.csrf}
                  action={`/console/reviews/${r.id}?${back}`}
                  title={`${r.caseRef ?? '未关联申请'}，${r.kindLabel}`}
                />
              ))
            : null}
        </>
      )}
    </ConsoleLayout>
  )
}
