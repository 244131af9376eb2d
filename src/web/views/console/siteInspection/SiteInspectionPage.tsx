import type { siteInspectionReport } from '../../../../services/siteInspection/siteInspectionPages.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Csrf } from '../ConsoleLayout.js'

type Report = Awaited<ReturnType<typeof siteInspectionReport>>

/** The latest site inspection: what failed (错链, 栏目不更新, 空白栏目), each agency's count, and a button to run it. */
export function SiteInspectionPage(props: { page: PageContext; report: Report; canRun: boolean }) {
  const { run, findings, counts } = props.report
  return (
    <ConsoleLayout title="网站检查" page={props.page}>
      <h1>网站检查</h1>
      <p class="hint">
        依据《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）：逐页检查公开页面的链接，检查各栏目是否按期更新、是否为空白栏目。
      </p>
      {props.canRun ? (
        <form class="form" method="post" action="/console/site-inspection/run">
          <Csrf token={props.page.csrf} />
          <button type="submit">立即检查</button>
        </form>
      ) : null}
      {run ? (
        <p>
          最近一次检查：{run.asOf}（{run.runBy}），检查页面 {run.pages} 个、链接 {run.links} 个，发现问题{' '}
          {findings.length} 处。
        </p>
      ) : (
        <p class="empty">尚未检查</p>
      )}
      {counts.length > 1 ? (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="表格（可横向滚动）">
          <table>
            <caption>各机关问题数</caption>
            <thead>
              <tr>
                <th scope="col">机关</th>
                <th scope="col">问题数</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.agency}>
                  <th scope="row">{c.agency}</th>
                  <td>{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {findings.length ? (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="表格（可横向滚动）">
          <table>
            <caption>未通过的检查项</caption>
            <thead>
              <tr>
                <th scope="col">机关</th>
                <th scope="col">类型</th>
                <th scope="col">页面</th>
                <th scope="col">问题</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f, i) => (
                <tr key={i}>
                  <td>{f.agency}</td>
                  <td>{f.kind}</td>
                  <td class="hash">
                    <a href={f.page}>{f.page}</a>
                  </td>
                  <td>{f.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : run ? (
        <p class="ok">全部通过</p>
      ) : null}
    </ConsoleLayout>
  )
}
