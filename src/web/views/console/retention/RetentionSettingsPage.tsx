import { RETENTION_KINDS } from '../../../../domain/retention/periods.js'
import type { FieldProblem } from '../../../../services/errors.js'
import type { RetentionSettingsView } from '../../../../services/retention/retentionSettings.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../ConsoleLayout.js'

/** 个人信息保存期限 of one agency: one period per kind of record, in years (console, administrators). */
export function RetentionSettingsPage(props: {
  page: PageContext
  view: RetentionSettingsView
  values?: Record<string, string>
  errors?: FieldProblem[]
  saved?: boolean
}) {
  const a = props.view.agency
  return (
    <ConsoleLayout title={`个人信息保存期限 - ${a.name}`} page={props.page}>
      <p>
        <a href="/console/agencies">机关与处室</a> › 个人信息保存期限
      </p>
      <h1>{a.name}：个人信息保存期限</h1>
      <p class="hint">
        已办结的依申请公开案件，自办结之日（经行政复议或诉讼的，自复议、诉讼终结之日）的次年1月1日起算，保存期满后由系统每日自动匿名化申请人的个人信息；年度报告统计所需的申请人类别、日期和办理结果保留不变。在办案件和复议、诉讼未终结的案件不会匿名化。
        {props.view.own ? '' : '本机关尚未设置，以下为按档案保管期限确定的默认值。'}
        <a href="/console/retention">查看匿名化记录</a>
      </p>
      {props.saved ? (
        <p role="status" class="notice">
          已保存，自下次运行起按新期限执行。
        </p>
      ) : null}
      <Errors errors={props.errors} />
      <form method="post" action={`/console/agencies/${a.id}/retention`} class="form retention-settings">
        <Csrf token={props.page.csrf} />
        {RETENTION_KINDS.map((k) => (
          <div class="field" key={k.key}>
            <label for={`r-${k.key}`}>{k.label}（年）</label>
            <p class="hint" id={`rh-${k.key}`}>
              {k.hint}；默认 {k.defaultYears} 年
            </p>
            <input
              id={`r-${k.key}`}
              name={k.key}
              type="number"
              inputMode="numeric"
              value={props.values?.[k.key] ?? String(props.view.periods[k.key])}
              aria-describedby={`rh-${k.key}`}
            />
          </div>
        ))}
        <button type="submit">保存保存期限</button>
      </form>
    </ConsoleLayout>
  )
}
