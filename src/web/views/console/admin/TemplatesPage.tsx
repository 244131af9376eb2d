import { LETTER_KINDS } from '../../../../domain/letters/templates.js'
import type { LetterKind } from '../../../../domain/letters/templates.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../ConsoleLayout.js'
import type { FieldProblem } from '../../../../services/errors.js'

export function TemplatesPage(props: {
  page: PageContext
  agencies: { id: number; name: string }[]
  agencyId: number
  bodies: Record<LetterKind, string>
  errors?: FieldProblem[]
  saved?: boolean
}) {
  return (
    <ConsoleLayout title="文书模板" page={props.page}>
      <h1>文书模板</h1>
      <p>
        花括号中为占位符，生成文书时替换。救济途径（行政复议机关、60日期限、行政诉讼）由系统按法律自动附在每份文书末尾，不能删除。
      </p>
      <Errors errors={props.errors} />
      {props.saved ? (
        <p class="ok" role="status">
          模板已保存。
        </p>
      ) : null}
      {LETTER_KINDS.map((k) => (
        <form key={k.code} method="post" action="/console/templates" class="form">
          <Csrf token={props.page.csrf} />
          <input type="hidden" name="kind" value={k.code} />
          <input type="hidden" name="agencyId" value={String(props.agencyId)} />
          <label for={`t-${k.code}`}>{k.label}</label>
          <textarea id={`t-${k.code}`} name="body" rows={6}>
            {props.bodies[k.code]}
          </textarea>
          <button type="submit">保存「{k.label}」</button>
        </form>
      ))}
    </ConsoleLayout>
  )
}
