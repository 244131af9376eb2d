import type { FieldProblem } from '../../../services/errors.js'
import type { PageContext } from '../console/ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../console/ConsoleLayout.js'
import type { GuideView } from '../portal/GuidePage.js'

const FIELDS: { name: keyof GuideView['office']; label: string; long?: boolean; hint?: string }[] = [
  { name: 'name', label: '工作机构名称', hint: '如：某某局政府信息公开办公室' },
  { name: 'address', label: '办公地址' },
  { name: 'hours', label: '办公时间', hint: '如：工作日 上午8:30—12:00，下午14:30—17:30' },
  { name: 'phone', label: '联系电话' },
  { name: 'fax', label: '传真' },
  { name: 'postalAddress', label: '通信地址（信函申请寄往）' },
  { name: 'postalCode', label: '邮政编码' },
  { name: 'email', label: '电子邮箱' },
  { name: 'waysToApply', label: '申请渠道说明', long: true, hint: '网上申请、信函、当面、传真等，每行一种' },
  { name: 'fees', label: '收费说明', long: true, hint: '是否收取信息处理费、收费标准和缴费方式' },
]

/** 《条例》第十二条: the office's particulars the agency's 政府信息公开指南 states (console, administrators). */
export function OfficeSettingsPage(props: {
  page: PageContext
  agency: { id: number; name: string; code: string }
  office: GuideView['office']
  errors?: FieldProblem[]
  saved?: boolean
}) {
  const a = props.agency
  return (
    <ConsoleLayout title={`公开指南设置 - ${a.name}`} page={props.page}>
      <p>
        <a href="/console/agencies">机关与处室</a> › 公开指南设置
      </p>
      <h1>{a.name}：政府信息公开指南设置</h1>
      <p class="hint">
        以下内容生成门户“政府信息公开指南”（《条例》第十二条）。保存后立即生效：
        <a href={`/xxgk/${a.code}/guide`}>查看公开指南</a>
      </p>
      {props.saved ? (
        <p role="status" class="notice">
          已保存。
        </p>
      ) : null}
      <Errors errors={props.errors} />
      <form method="post" action={`/console/agencies/${a.id}/office`} class="form office-settings">
        <Csrf token={props.page.csrf} />
        {FIELDS.map((f) => (
          <div class="field" key={f.name}>
            <label for={`o-${f.name}`}>{f.label}</label>
            {f.hint ? (
              <p class="hint" id={`oh-${f.name}`}>
                {f.hint}
              </p>
            ) : null}
            {f.long ? (
              <textarea
                id={`o-${f.name}`}
                name={f.name}
                rows={4}
                aria-describedby={f.hint ? `oh-${f.name}` : undefined}
              >
                {props.office[f.name]}
              </textarea>
            ) : (
              <input
                id={`o-${f.name}`}
                name={f.name}
                value={props.office[f.name]}
                aria-describedby={f.hint ? `oh-${f.name}` : undefined}
              />
            )}
          </div>
        ))}
        <button type="submit">保存公开指南设置</button>
      </form>
    </ConsoleLayout>
  )
}
