import type { ReportCollection } from '../../../../services/supervision/reportCollection.js'
import { COLLECTION_STATUS_LABELS } from '../../../../services/supervision/reportCollection.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../ConsoleLayout.js'

/** Every agency's annual report of a year: status, deadline, the auditor's findings, and the subtree's sums. */
export function CollectionPage(props: {
  page: PageContext
  collection: ReportCollection
  errors?: { field: string; message: string }[]
}) {
  const c = props.collection
  const groups = Object.keys(c.sums.records.outcomes)
  const sumRow = (label: string, s: ReportCollection['sums']['records']) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{s.received}</td>
      <td>{s.answered}</td>
      {groups.map((g) => (
        <td key={g}>{s.outcomes[g] ?? 0}</td>
      ))}
      <td>
        {s.reviewsDecided}（{s.reviewsCorrected}）
      </td>
      <td>
        {s.lawsuitsDecided}（{s.lawsuitsCorrected}）
      </td>
    </tr>
  )
  return (
    <ConsoleLayout title={`${c.year}年度报告收集`} page={props.page}>
      <p>
        <a href="/console/supervision">← 返回监督考核</a>
      </p>
      <h1>
        {c.root.name}及所属单位{c.year}年度报告收集
      </h1>
      <form method="get" action="/console/supervision/reports" class="filters">
        <input type="hidden" name="root" value={String(c.root.id)} />
        <label for="year">年度</label>
        <input id="year" name="year" type="number" min="2008" max="2100" value={String(c.year)} />
        <button type="submit">查看</button>
        <a href={`/console/supervision/reports.xlsx?root=${c.root.id}&year=${c.year}`}>导出 Excel</a>
      </form>
      <div class="table-scroll">
        <table id="collection">
          <caption>各单位年度报告（发布期限：条例第四十九条，人民政府为3月31日，其他为1月31日）</caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">状态</th>
              <th scope="col">发布期限</th>
              <th scope="col">发布日期</th>
              <th scope="col">审读发现</th>
            </tr>
          </thead>
          <tbody>
            {c.reports.map((r) => (
              <tr key={r.agency.id} data-status={r.status}>
                <th scope="row" class="unit">
                  {r.agency.name}
                </th>
                <td>
                  {r.url ? (
                    <a href={r.url}>{COLLECTION_STATUS_LABELS[r.status]}</a>
                  ) : (
                    COLLECTION_STATUS_LABELS[r.status]
                  )}
                  {r.late && r.status !== 'missing' ? '（逾期）' : ''}
                </td>
                <td>{r.due}</td>
                <td>{r.publishedOn ?? '—'}</td>
                <td>
                  {r.findings.length === 0 ? (
                    '未发现问题'
                  ) : (
                    <details>
                      <summary>{r.findings.length} 处</summary>
                      <ul>
                        {r.findings.map((f, i) => (
                          <li key={i}>{f.message}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="elsewhere">登记在平台外发布的年度报告</h2>
      <Errors errors={props.errors} />
      <form method="post" action="/console/supervision/reports" class="form" aria-labelledby="elsewhere">
        <Csrf token={props.page.csrf} />
        <input type="hidden" name="year" value={String(c.year)} />
        <label for="e-agency">机关</label>
        <select id="e-agency" name="agency">
          {c.reports.map((r) => (
            <option key={r.agency.id} value={String(r.agency.id)}>
              {r.agency.name}
            </option>
          ))}
        </select>
        <label for="e-url">报告链接</label>
        <input id="e-url" name="url" type="url" placeholder="https://" />
        <label for="e-text">报告全文（可选：粘贴后由年报体检审读）</label>
        <textarea id="e-text" name="text" rows={4}></textarea>
        <button type="submit">登记</button>
      </form>
      <h2>表三、表四合计</h2>
      <div class="table-scroll">
        <table id="sums">
          <caption>由各单位记录计算的合计与已发布报告之和</caption>
          <thead>
            <tr>
              <th scope="col"></th>
              <th scope="col">收到申请</th>
              <th scope="col">办结</th>
              {groups.map((g) => (
                <th scope="col" key={g}>
                  {g}
                </th>
              ))}
              <th scope="col">复议（纠正）</th>
              <th scope="col">诉讼（纠正）</th>
            </tr>
          </thead>
          <tbody>
            {sumRow('由记录计算', c.sums.records)}
            {sumRow('已发布报告之和', c.sums.published)}
          </tbody>
        </table>
      </div>
    </ConsoleLayout>
  )
}
