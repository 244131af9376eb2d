// 年报体检: paste, upload or give a saved page of a published annual report; see its tables as read,
// the inconsistent cells marked, and each finding explained. Everything shown is escaped by preact.
import { APPLICATION_ROWS, applicationRow, COLUMN_LABELS } from '../../../domain/report/check.js'
import { formatDef } from '../../../domain/report/formats/index.js'
import { APPLICATION_COLUMNS } from '../../../domain/report/model.js'
import { CUMULATIVE_SUFFIX, legacyLabel } from '../../../domain/report/legacyKeys.js'
import { cellsOf, explainRule } from '../../../audit/explain.js'
import type { ParsedReport } from '../../../audit/parseReport.js'
import { Layout } from '../Layout.js'
import { ConsoleLayout, Csrf, type PageContext } from '../console/ConsoleLayout.js'

const FORMAT_NAMES: Record<string, string> = {
  '2021': '2021年起的年度报告格式（国办公开办函〔2021〕30号）',
  '2019': '2019—2020年的年度报告格式（国办公开办函〔2019〕60号）',
  legacy: '2019年以前的政府信息公开情况统计表',
}

export interface AuditFormProps {
  csrf: string
  error?: string
  text?: string
  limitMb: number
}

function AuditForm(props: AuditFormProps) {
  return (
    <form method="post" action="/report-check" enctype="multipart/form-data" class="audit-form">
      <Csrf token={props.csrf} />
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <p>
        <label for="audit-text">粘贴报告全文（网页上复制的文字，或网页源代码 HTML）</label>
        <textarea id="audit-text" name="text" rows={12}>
          {props.text ?? ''}
        </textarea>
      </p>
      <p>
        <label for="audit-file">或上传文件（网页另存的 .html，或 .txt 文本，不超过{props.limitMb}MB）</label>
        <input id="audit-file" type="file" name="file" accept=".html,.htm,.txt,text/html,text/plain" />
      </p>
      <p>
        <button type="submit">检查</button>
      </p>
    </form>
  )
}

export function AuditFormPage(props: AuditFormProps) {
  return (
    <Layout title="年报体检" path="/report-check">
      <h1>政府信息公开工作年度报告体检</h1>
      <p>
        读取已发布的年度报告（2021年格式、2019年格式或2019年以前的统计表），检查表格的勾稽关系，并与正文中写明的数字比对。读不准的单元格留空，不猜测数字。
      </p>
      <AuditForm {...props} />
    </Layout>
  )
}

function cellClass(bad: Set<string>, key: string, v: number | null | undefined): string | undefined {
  if (bad.has(key)) return 'audit-bad'
  if (v === null || v === undefined) return 'audit-unknown'
  return undefined
}

function show(v: number | null | undefined): string {
  return v === null || v === undefined ? '？' : String(v)
}

function Table2(props: { report: ParsedReport }) {
  const p = props.report.proactive
  const table = formatDef(props.report.format).table
  if (!p || !table) return null
  return (
    <>
      {table.proactive.map((block) => (
        <table class="audit-table">
          <caption>二、主动公开政府信息情况：{block.header}</caption>
          <thead>
            <tr>
              <th scope="col">信息内容</th>
              {block.columns.map((c) => (
                <th scope="col">{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row) => (
              <tr>
                <th scope="row">{row.label}</th>
                {block.columns.map((c) => {
                  const v = p[block.key]?.[row.key]?.[c.key]
                  return <td class={v === null || v === undefined ? 'audit-unknown' : undefined}>{show(v)}</td>
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  )
}

function Table3(props: { report: ParsedReport; bad: Set<string> }) {
  const a = props.report.applications
  if (!a) return null
  return (
    <table class="audit-table">
      <caption>三、收到和处理政府信息公开申请情况</caption>
      <thead>
        <tr>
          <th scope="col">项目</th>
          {APPLICATION_COLUMNS.map((c) => (
            <th scope="col">{COLUMN_LABELS[c]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {APPLICATION_ROWS.map(([path, label]) => {
          const row = applicationRow(a, path)
          if (!row) return null
          return (
            <tr>
              <th scope="row">{label}</th>
              {row.map((v, i) => (
                <td class={cellClass(props.bad, `a:${path}:${i}`, v)}>{show(v)}</td>
              ))}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

function Table4(props: { report: ParsedReport; bad: Set<string> }) {
  const r = props.report.reviewsAndLawsuits
  if (!r) return null
  const kinds = [
    ['review', '行政复议'],
    ['lawsuitDirect', '行政诉讼（未经复议直接起诉）'],
    ['lawsuitAfterReview', '行政诉讼（复议后起诉）'],
  ] as const
  return (
    <table class="audit-table">
      <caption>四、政府信息公开行政复议、行政诉讼情况</caption>
      <thead>
        <tr>
          <th scope="col">类别</th>
          <th scope="col">结果维持</th>
          <th scope="col">结果纠正</th>
          <th scope="col">其他结果</th>
          <th scope="col">尚未审结</th>
          <th scope="col">总计</th>
        </tr>
      </thead>
      <tbody>
        {kinds.map(([k, name]) => {
          const c = r[k]
          return (
            <tr>
              <th scope="row">{name}</th>
              {(['upheld', 'corrected', 'other', 'pending', 'total'] as const).map((f) => (
                <td class={cellClass(props.bad, `r:${k}:${f}`, c[f])}>{show(c[f])}</td>
              ))}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

function LegacyTable(props: { report: ParsedReport; bad: Set<string> }) {
  const l = props.report.legacy
  if (!l) return null
  const keys = Object.keys(l).filter((k) => !k.endsWith(CUMULATIVE_SUFFIX))
  const two = Object.keys(l).some((k) => k.endsWith(CUMULATIVE_SUFFIX))
  return (
    <table class="audit-table">
      <caption>政府信息公开情况统计表</caption>
      <thead>
        <tr>
          <th scope="col">指标</th>
          <th scope="col">本年</th>
          {two ? <th scope="col">历年累计</th> : null}
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr>
            <th scope="row">{legacyLabel(k)}</th>
            <td class={cellClass(props.bad, `l:${k}`, l[k])}>{show(l[k])}</td>
            {two ? (
              <td class={cellClass(props.bad, `l:${k}${CUMULATIVE_SUFFIX}`, l[k + CUMULATIVE_SUFFIX])}>
                {show(l[k + CUMULATIVE_SUFFIX])}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function AuditResult(props: { report: ParsedReport; source: string }) {
  const r = props.report
  const bad = new Set(r.findings.flatMap(cellsOf))
  const problems = r.findings.filter((f) => !f.rule.startsWith('parse.'))
  const unread = r.findings.filter((f) => f.rule.startsWith('parse.'))
  return (
    <section class="audit-result" aria-labelledby="audit-result-title">
      <h2 id="audit-result-title">
        {r.agency.name || '（未识别机关）'} {r.year ? `${r.year}年度` : '（未识别年度）'}报告
      </h2>
      <p>
        来源：{props.source}；格式：{FORMAT_NAMES[r.format]}。
        {problems.length === 0 ? '未发现不一致。' : `发现 ${problems.length} 处不一致。`}
        {unread.length > 0 ? `另有 ${unread.length} 处无法可靠读取（已留空，未猜测）。` : ''}
      </p>
      {r.findings.length > 0 ? (
        <ol class="audit-findings">
          {r.findings.map((f) => (
            <li class={f.rule.startsWith('parse.') ? 'audit-finding-parse' : 'audit-finding'}>
              <strong>{f.message}</strong>
              <br />
              <small>
                {explainRule(f.rule)}（规则 {f.rule}）
              </small>
            </li>
          ))}
        </ol>
      ) : null}
      <p class="audit-legend">
        <span class="audit-bad">标红</span>：参与不一致合计的单元格；<span class="audit-unknown">？</span>
        ：无法读取的单元格。
      </p>
      <Table2 report={r} />
      <Table3 report={r} bad={bad} />
      <Table4 report={r} bad={bad} />
      <LegacyTable report={r} bad={bad} />
    </section>
  )
}

export function AuditResultPage(props: { report: ParsedReport; source: string } & AuditFormProps) {
  return (
    <Layout title="年报体检结果" path="/report-check">
      <h1>年报体检结果</h1>
      <AuditResult report={props.report} source={props.source} />
      <h2>再检查一份</h2>
      <AuditForm {...props} text={undefined} />
    </Layout>
  )
}

export function SupervisorAuditPage(props: { page: PageContext; error?: string; limitMb: number; maxFiles: number }) {
  return (
    <ConsoleLayout title="年报批量体检" page={props.page}>
      <h1>年报批量体检</h1>
      <p>
        一次上传多份已发布的年度报告（网页另存的 .html 或 .txt，每份不超过{props.limitMb}MB，最多{props.maxFiles}
        份），下载 CSV：每份报告一行，列出机关、年度、格式、主要合计和各规则发现的问题数。
      </p>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/console/report-check" enctype="multipart/form-data">
        <Csrf token={props.page.csrf} />
        <p>
          <label for="audit-files">报告文件</label>
          <input id="audit-files" type="file" name="files" multiple accept=".html,.htm,.txt,text/html,text/plain" />
        </p>
        <p>
          <button type="submit">检查并下载 CSV</button>
        </p>
      </form>
    </ConsoleLayout>
  )
}
