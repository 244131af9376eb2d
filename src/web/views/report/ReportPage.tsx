import { REPORT_FORMATS } from '../../../domain/report/formats/index.js'
import { SECTION_TITLES } from '../../../domain/report/formats/table3.js'
import { ScrollTable } from '../../../export/reportHtml.js'
import { reportGrids, reportTitle } from '../../../export/reportGrid.js'
import type { ReportPageData } from '../../../services/report/reportPage.js'
import type { PageContext } from '../console/ConsoleLayout.js'
import { ConsoleLayout, Csrf } from '../console/ConsoleLayout.js'
import { PublishSection } from './PublishSection.js'
import { RuleList } from './RuleList.js'

/** What the report service gives the page (services/report/reportPage.ts), and the page's own parts. */
export type ReportPageProps = ReportPageData & {
  page: PageContext
  message?: string | null
  errors?: string[]
}

/** The staff report page of an agency and year: tables, findings, narrative editor, entered figures, exports. */
export function ReportPage(props: ReportPageProps) {
  const { model, agencyId } = props
  const base = `/console/reports/${agencyId}/${model.year}`
  const q = `?format=${model.format}`
  const n = model.narrative ?? {}
  return (
    <ConsoleLayout title={reportTitle(model)} page={props.page}>
      <h1>{reportTitle(model)}</h1>
      {props.message ? (
        <p class="notice" role="status">
          {props.message}
        </p>
      ) : null}
      {props.errors?.length ? (
        <ul class="errors" role="alert">
          {props.errors.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
      ) : null}
      <nav class="report-formats" aria-label="报告格式">
        格式：
        {REPORT_FORMATS.map((f) =>
          f.format === model.format ? (
            <strong>{f.longName}</strong>
          ) : (
            <a href={`${base}?format=${f.format}`}>{f.longName}</a>
          ),
        )}
      </nav>
      <p class="report-exports">
        导出：<a href={`${base}/report.json${q}`}>JSON</a> · <a href={`${base}/report.html${q}`}>打印版 HTML</a> ·{' '}
        <a href={`${base}/report.docx${q}`}>Word（DOCX）</a> · <a href={`${base}/report.xlsx${q}`}>Excel（XLSX）</a> ·{' '}
        <a href={`${base}/report.pdf${q}`}>PDF</a>
      </p>

      <section aria-labelledby="findings">
        <h2 id="findings">勾稽关系检查</h2>
        {model.findings.length === 0 ? (
          <p class="ok">检查通过：未发现问题。</p>
        ) : (
          <RuleList class="findings" items={model.findings} />
        )}
        {model.dataNotes?.length ? (
          <>
            <h3>数据质量提示（不是错误）</h3>
            <RuleList class="notes" items={model.dataNotes} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="tables">
        <h2 id="tables">报告表格（由记录计算）</h2>
        {reportGrids(model).map((g) => (
          <ScrollTable grid={g} />
        ))}
      </section>

      <section aria-labelledby="chart">
        <h2 id="chart">历年申请办理情况</h2>
        <img
          class="report-chart"
          src={`/console/reports/${agencyId}/chart.svg?year=${model.year}`}
          alt={`${model.agency.name}历年收到和办结政府信息公开申请数量柱状图`}
          width={760}
          height={380}
        />
      </section>

      <section aria-labelledby="narrative">
        <h2 id="narrative">报告正文（一、五、六）</h2>
        <form method="post" action={`${base}/narrative${q}`} class="form narrative">
          <Csrf token={props.page.csrf} />
          <label class="field">
            {SECTION_TITLES.overview}
            <textarea name="overview" rows={8} readOnly={!props.canEdit}>
              {n.overview ?? ''}
            </textarea>
          </label>
          <label class="field">
            {SECTION_TITLES.problems}
            <textarea name="problems" rows={6} readOnly={!props.canEdit}>
              {n.problems ?? ''}
            </textarea>
          </label>
          <label class="field">
            {SECTION_TITLES.other}
            <textarea name="other" rows={4} readOnly={!props.canEdit}>
              {n.other ?? ''}
            </textarea>
          </label>
          {props.canEdit ? <button type="submit">保存正文</button> : null}
        </form>
      </section>

      <section aria-labelledby="figures">
        <h2 id="figures">录入数据（记录中没有的数字）</h2>
        {props.figures.length === 0 ? (
          <p>本年度尚未录入数据。</p>
        ) : (
          <table class="entered-figures">
            <thead>
              <tr>
                <th scope="col">项目</th>
                <th scope="col">数值</th>
                <th scope="col">来源</th>
                <th scope="col">录入人</th>
                <th scope="col">录入时间</th>
                <th scope="col">此前的值</th>
              </tr>
            </thead>
            <tbody>
              {props.figures.map((f) => (
                <tr>
                  <td>{f.label}</td>
                  <td class="num">{f.current.value ?? '（空）'}</td>
                  <td>{f.current.source}</td>
                  <td>{f.current.enteredBy}</td>
                  <td>{f.current.enteredAt.slice(0, 16).replace('T', ' ')}</td>
                  <td>
                    {f.history.map((h) => (
                      <div>
                        {h.value ?? '（空）'}（{h.enteredBy}，{h.enteredAt.slice(0, 10)}，{h.source}）
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {props.canEdit ? (
          <form method="post" action={`${base}/figures${q}`} class="form figure-form">
            <Csrf token={props.page.csrf} />
            <label class="field">
              项目
              <select name="key">
                {props.figureKeys.map(([k, label]) => (
                  <option value={k}>{label}</option>
                ))}
              </select>
            </label>
            <label class="field">
              数值 <input name="value" inputMode="decimal" required />
            </label>
            <label class="field">
              来源 <input name="source" required placeholder="如：行政审批系统导出" />
            </label>
            <label class="field">
              更正说明 <input name="note" />
            </label>
            <button type="submit">录入</button>
          </form>
        ) : null}
      </section>

      <PublishSection {...props} base={base} q={q} />
    </ConsoleLayout>
  )
}

/** The list of agencies and years the user may open. */
export function ReportIndexPage(props: {
  page: PageContext
  agencies: { id: number; name: string }[]
  years: number[]
}) {
  return (
    <ConsoleLayout title="年度报告" page={props.page}>
      <h1>政府信息公开工作年度报告</h1>
      <table class="report-index">
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">年度</th>
          </tr>
        </thead>
        <tbody>
          {props.agencies.map((a) => (
            <tr>
              <td>{a.name}</td>
              <td>
                {props.years.map((y) => (
                  <>
                    <a href={`/console/reports/${a.id}/${y}`}>{y}年</a>{' '}
                  </>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ConsoleLayout>
  )
}
