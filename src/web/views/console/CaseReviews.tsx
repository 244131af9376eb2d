import { REVIEW_RESULTS } from '../../../services/reviews.js'
import type { ReviewView } from '../../presenters/casePage.js'
import { Csrf } from './ConsoleLayout.js'

/** The edit form of one review or lawsuit: body or court, received day, result and decision day (年度报告表四). */
export function ReviewEditForm(props: { r: ReviewView; action: string; csrf: string; title?: string }) {
  const { r } = props
  const id = (f: string) => `rv${r.id}-${f}`
  return (
    <details class="action">
      <summary>录入或修改结果（{props.title ?? r.kindLabel}）</summary>
      <form method="post" action={props.action} class="form">
        <Csrf token={props.csrf} />
        <div class="field">
          <label for={id('body')}>复议机关或法院</label>
          <input id={id('body')} name="body" value={r.body} required />
        </div>
        <div class="field">
          <label for={id('filed')}>收到（立案）日期</label>
          <input id={id('filed')} name="filedOn" type="date" value={r.filedOn} required />
        </div>
        <div class="field">
          <label for={id('result')}>审理结果</label>
          <select id={id('result')} name="result">
            {REVIEW_RESULTS.map((o) => (
              <option key={o.code} value={o.code} selected={o.code === r.result}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={id('decided')}>审结日期（尚未审结的不填）</label>
          <input id={id('decided')} name="decidedOn" type="date" value={r.decidedOn} />
        </div>
        <button type="submit">保存结果</button>
      </form>
    </details>
  )
}

/** The reviews and lawsuits against a case, each with its result; the office edits them here. */
export function CaseReviews(props: { caseId: number; reviews: ReviewView[]; canDecide: boolean; csrf: string }) {
  return (
    <section aria-labelledby="reviews">
      <h2 id="reviews">行政复议和行政诉讼</h2>
      {props.reviews.length === 0 ? (
        <p class="empty">未登记行政复议或行政诉讼。</p>
      ) : (
        <div class="table-wrap">
          <table id="review-table">
            <thead>
              <tr>
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
                  <td>{r.kindLabel}</td>
                  <td>{r.body}</td>
                  <td>{r.filedOn}</td>
                  <td>{r.resultLabel}</td>
                  <td>{r.decidedOn || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canDecide
        ? props.reviews.map((r) => (
            <ReviewEditForm
              key={r.id}
              r={r}
              csrf={props.csrf}
              action={`/console/applications/${props.caseId}/reviews/${r.id}`}
            />
          ))
        : null}
    </section>
  )
}
