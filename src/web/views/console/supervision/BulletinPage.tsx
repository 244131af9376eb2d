import type { BulletinView } from '../../../presenters/supervision.js'
import { percent } from '../../../presenters/supervision.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../ConsoleLayout.js'

/** A 通报: its chart and figures as generated, its text fields (a draft's are editable), DOCX, publish. */
export function BulletinPage(props: {
  page: PageContext
  bulletin: BulletinView
  errors?: { field: string; message: string }[]
  done?: string
}) {
  const b = props.bulletin
  const f = b.figures
  const locked = b.published
  return (
    <ConsoleLayout title={b.title} page={props.page}>
      <p>
        <a href="/console/supervision">← 返回监督考核</a>
      </p>
      <h1>{b.title}</h1>
      <p class="muted">
        {b.published ? `已于 ${b.publishedAt?.slice(0, 10) ?? ''} 发布` : '草稿'}，数据截至 {f.asOf}。
        <a href={`/console/supervision/bulletins/${b.id}/bulletin.docx`}>下载 Word 文档（通报.docx）</a>
      </p>
      <Errors errors={props.errors} />
      {props.done ? <p role="status">{props.done}</p> : null}
      <figure>
        <img
          src={`/console/supervision/bulletins/${b.id}/chart.svg`}
          alt={`${f.period}各单位收到申请、办结、目前超期和综合得分图`}
          class="chart"
        />
      </figure>
      <h2 id="text">通报文字</h2>
      <form method="post" action={`/console/supervision/bulletins/${b.id}`} class="form" aria-labelledby="text">
        <Csrf token={props.page.csrf} />
        <label for="b-title">标题</label>
        <input id="b-title" name="title" value={b.title} disabled={locked} />
        <label for="b-docno">文号</label>
        <input id="b-docno" name="docNo" value={b.docNo} disabled={locked} placeholder="如：榕政公开〔2026〕1号" />
        <label for="b-intro">开头说明</label>
        <textarea id="b-intro" name="intro" rows={6} disabled={locked}>
          {b.intro}
        </textarea>
        <label for="b-closing">工作要求</label>
        <textarea id="b-closing" name="closing" rows={4} disabled={locked}>
          {b.closing}
        </textarea>
        {locked ? null : <button type="submit">保存文字</button>}
      </form>
      {locked ? null : (
        <form method="post" action={`/console/supervision/bulletins/${b.id}/publish`} class="form">
          <Csrf token={props.page.csrf} />
          <button type="submit">发布通报</button>
        </form>
      )}
      <h2>各单位情况</h2>
      <div class="table-scroll">
        <table id="bulletin-figures">
          <caption>{f.period}各单位政务公开工作情况（按综合得分排名）</caption>
          <thead>
            <tr>
              <th scope="col">排名</th>
              <th scope="col">单位</th>
              <th scope="col">收到申请</th>
              <th scope="col">办结</th>
              <th scope="col">按时答复率</th>
              <th scope="col">目前超期</th>
              <th scope="col">纠正率</th>
              <th scope="col">主动公开</th>
              <th scope="col">综合得分</th>
            </tr>
          </thead>
          <tbody>
            {[...f.lines]
              .sort((x, y) => x.rank - y.rank)
              .map((l) => (
                <tr key={l.agency}>
                  <td>{l.rank}</td>
                  <th scope="row" class="unit">
                    {l.agency}
                  </th>
                  <td>{l.received}</td>
                  <td>{l.answered}</td>
                  <td>{percent(l.onTime, l.answered)}</td>
                  <td>{l.overdueNow}</td>
                  <td>{l.correctedRate === null ? '—' : percent(l.correctedRate, 1)}</td>
                  <td>{l.proactive}</td>
                  <td>{l.score === null ? '—' : l.score.toFixed(1)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      <h2>存在超期未办申请的单位</h2>
      {f.overdue.length ? (
        <ul>
          {f.overdue.map((o) => (
            <li key={o.agency}>
              {o.agency}：{o.count} 件
            </li>
          ))}
        </ul>
      ) : (
        <p>无。</p>
      )}
      <h2>年度报告逾期或数据不一致的单位</h2>
      {f.reports.length ? (
        <ul>
          {f.reports.map((r) => (
            <li key={`${r.agency}${r.issue}`}>
              {r.agency}：{r.issue}
            </li>
          ))}
        </ul>
      ) : (
        <p>无。</p>
      )}
    </ConsoleLayout>
  )
}
