import { AGENCY_KINDS, agencyKindLabel } from '../../../../domain/agency/agencyKind.js'
import { SPECIAL_LAW_ROWS } from '../../../../domain/application/specialLawRow.js'
import { caseRef } from '../../../../domain/application/caseRef.js'
import type { FieldProblem } from '../../../../services/errors.js'
import type { presentAgencies } from '../../../presenters/admin.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../ConsoleLayout.js'

type ShownAgency = ReturnType<typeof presentAgencies>['agencies'][number]

const SOURCE = {
  configured: '管理员填写',
  hierarchy: '按机关类别和上级机关确定',
  name: '按机关名称推定',
  none: '无法确定',
} as const

function ReviewBodyCell(props: { a: ShownAgency }) {
  const a = props.a
  return (
    <td>
      {a.reviewBody ?? <strong class="overdue">未设置</strong>}
      <div class="muted">
        {SOURCE[a.reviewSource]}；{a.reviewArticle}
      </div>
      {a.reviewConfirmed ? (
        <div>
          已确认（{a.reviewConfirmed.by}，{a.reviewConfirmed.on}）
        </div>
      ) : (
        <div class="provisional">待管理员确认{a.reviewMissing ? `：${a.reviewMissing}` : ''}</div>
      )}
    </td>
  )
}

/** The form that sets an agency's kind and parent and confirms the review body its letters name. */
function ReviewBodyForm(props: { a: ShownAgency; agencies: ShownAgency[]; csrf: string }) {
  const { a } = props
  const f = `rb-${a.id}`
  return (
    <details class="action">
      <summary>设置并确认：{a.name}</summary>
      <form method="post" action={`/console/agencies/${a.id}/review-body`} class="form">
        <Csrf token={props.csrf} />
        <label for={`${f}-kind`}>机关类别{a.kindSet ? '' : '（按名称推定，请确认）'}</label>
        <select id={`${f}-kind`} name="kind">
          {AGENCY_KINDS.map((k) => (
            <option key={k.code} value={k.code} selected={k.code === a.kind}>
              {k.label}
            </option>
          ))}
        </select>
        <label for={`${f}-parent`}>上级机关（本级或上一级人民政府、上一级主管部门）</label>
        <select id={`${f}-parent`} name="parentId">
          <option value="">（无）</option>
          {props.agencies
            .filter((x) => x.id !== a.id)
            .map((x) => (
              <option key={x.id} value={x.id} selected={x.id === a.parentId}>
                {x.name}
              </option>
            ))}
        </select>
        <label for={`${f}-body`}>行政复议机关（仅在无法由上级机关确定时填写）</label>
        <input id={`${f}-body`} name="reviewBody" value={a.reviewBodySet ?? ''} />
        <label for={`${f}-court`}>管辖法院</label>
        <input id={`${f}-court`} name="court" value={a.court ?? ''} />
        <button type="submit">保存并确认行政复议机关</button>
      </form>
      <form method="post" action={`/console/agencies/${a.id}/special-law-row`} class="form">
        <Csrf token={props.csrf} />
        <label for={`${f}-special`}>第三十六条第（七）项答复（工商、不动产登记资料等）在年度报告表三中的统计口径</label>
        <select id={`${f}-special`} name="row">
          {SPECIAL_LAW_ROWS.map((r) => (
            <option key={r.code} value={r.code} selected={r.code === a.specialLawRow}>
              {r.label}
            </option>
          ))}
        </select>
        <button type="submit">保存统计口径</button>
      </form>
    </details>
  )
}

/** The prefix of an agency's case numbers (decision 0020): the number of its next case reads as shown. */
function CaseRefForm(props: { a: ShownAgency; year: number; csrf: string }) {
  const { a, year } = props
  const f = `cr-${a.id}`
  return (
    <form method="post" action={`/console/agencies/${a.id}/case-ref`} class="form case-ref">
      <Csrf token={props.csrf} />
      <label for={f}>{a.name}：编号前缀</label>
      <input id={f} name="caseRefPrefix" value={a.caseRefPrefix ?? ''} placeholder="如 榕房依申" maxLength={20} />
      <p class="hint">
        本年案件编号形如 <strong>{caseRef(a.caseRefPrefix ?? undefined, year, 1)}</strong>
        {a.caseRefPrefix ? '' : '（未设置前缀）'}
      </p>
      <button type="submit">保存编号前缀</button>
    </form>
  )
}

/** An agency's clock choices (decisions 0002, 0007): saving a change recomputes the open cases' dates. */
function ClockSettingsForm(props: { a: ShownAgency; csrf: string }) {
  const { a } = props
  const f = `ck-${a.id}`
  return (
    <form method="post" action={`/console/agencies/${a.id}/clock`} class="form clock-settings">
      <Csrf token={props.csrf} />
      <fieldset>
        <legend>{a.name}</legend>
        <label for={`${f}-fee`}>
          <input id={`${f}-fee`} type="checkbox" name="feeNoticePauses" checked={a.feeNoticePauses} />
          收费通知至缴费期间不计入答复期限
        </label>
        <label for={`${f}-next`}>
          <input id={`${f}-next`} type="checkbox" name="nextWorkingDay" checked={a.nextWorkingDay} />
          网上申请在非工作日或下班后提交的，顺延至下一工作日受理
        </label>
        <label for={`${f}-closes`}>下班时间（HH:MM）</label>
        <input id={`${f}-closes`} name="closesAt" value={a.closesAt} placeholder="17:30" maxLength={5} />
        <button type="submit">保存答复期限设置</button>
      </fieldset>
    </form>
  )
}

export function AgenciesPage(props: {
  page: PageContext
  agencies: ShownAgency[]
  canAddAgency: boolean
  errors?: FieldProblem[]
  /** this year, for the example case number */
  year: number
}) {
  return (
    <ConsoleLayout title="机关与处室" page={props.page}>
      <h1>机关与处室</h1>
      <Errors errors={props.errors} />
      <table tabIndex={0} aria-label="机关列表">
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">统一社会信用代码</th>
            <th scope="col">机关类别</th>
            <th scope="col">上级机关</th>
            <th scope="col">行政复议机关（文书中载明）</th>
            <th scope="col">处室</th>
          </tr>
        </thead>
        <tbody>
          {props.agencies.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>{a.code}</td>
              <td>
                {agencyKindLabel(a.kind)}
                {a.kindSet ? '' : <span class="provisional">（推定）</span>}
              </td>
              <td>{a.parentName ?? '—'}</td>
              <ReviewBodyCell a={a} />
              <td>{a.departments.join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.canAddAgency ? (
        <section aria-labelledby="review-bodies">
          <h2 id="review-bodies">行政复议机关</h2>
          <p class="hint">
            依《中华人民共和国行政复议法》第二十四条至第二十八条，由机关类别和上级机关确定：工作部门由本级人民政府复议；人民政府由上一级人民政府复议（省级人民政府复议本机关的行为）；国务院部门复议本部门的行为；海关、金融、外汇管理、税务、国家安全等垂直领导的机关由上一级主管部门复议。
          </p>
          {props.agencies.map((a) => (
            <ReviewBodyForm key={a.id} a={a} agencies={props.agencies} csrf={props.page.csrf} />
          ))}
        </section>
      ) : null}
      <section aria-labelledby="case-refs">
        <h2 id="case-refs">案件编号</h2>
        <p class="hint">
          依申请公开案件按机关、按年度编号，序号每年从1起；已使用的编号（含导入台账中的编号）不会重复使用。前缀为机关代字和类别，如“榕房依申”，编号即为“榕房依申〔
          {props.year}〕1号”。
        </p>
        {props.agencies.map((a) => (
          <CaseRefForm key={a.id} a={a} year={props.year} csrf={props.page.csrf} />
        ))}
      </section>
      <section aria-labelledby="clock-settings">
        <h2 id="clock-settings">答复期限设置</h2>
        <p class="hint">
          依《政府信息公开条例》第三十一条第（三）项，网上申请以双方确认之日为收到申请之日；勾选顺延的，非工作日或下班时间后提交的申请自下一工作日起受理。收费通知至缴费期间：勾选的，依《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号），收费通知至缴费期间不计入答复期限（项目默认）。保存后，所有在办申请的期限将按新设置重新计算。
        </p>
        {props.agencies.map((a) => (
          <ClockSettingsForm key={a.id} a={a} csrf={props.page.csrf} />
        ))}
      </section>
      <section aria-labelledby="office-settings">
        <h2 id="office-settings">政府信息公开指南</h2>
        <p class="hint">
          门户“政府信息公开指南”由以下设置生成：工作机构名称、地址、办公时间、电话、传真、通信地址、电子邮箱、申请渠道和收费。
        </p>
        <ul>
          {props.agencies.map((a) => (
            <li key={a.id}>
              <a href={`/console/agencies/${a.id}/office`}>{a.name}：公开指南设置</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="retention-settings">
        <h2 id="retention-settings">个人信息保存期限</h2>
        <p class="hint">
          已办结申请中申请人的个人信息、上传的身份证明和附件、发给申请人的消息，按各机关设置的保存期限到期后自动匿名化；默认值依国家档案局令第8号的档案保管期限确定。
          <a href="/console/retention">查看匿名化记录</a>
        </p>
        <ul>
          {props.agencies.map((a) => (
            <li key={a.id}>
              <a href={`/console/agencies/${a.id}/retention`}>{a.name}：个人信息保存期限</a>
            </li>
          ))}
        </ul>
      </section>
      <h2 id="new-dept">新增处室</h2>
      <form method="post" action="/console/departments" class="form" aria-labelledby="new-dept">
        <Csrf token={props.page.csrf} />
        <label for="d-agency">机关</label>
        <select id="d-agency" name="agencyId">
          {props.agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <label for="d-name">处室名称</label>
        <input id="d-name" name="name" required />
        <button type="submit">新增处室</button>
      </form>
      {props.canAddAgency ? (
        <>
          <h2 id="new-agency">新增机关</h2>
          <form method="post" action="/console/agencies" class="form" aria-labelledby="new-agency">
            <Csrf token={props.page.csrf} />
            <label for="a-name">机关名称</label>
            <input id="a-name" name="name" required />
            <label for="a-code">统一社会信用代码</label>
            <input id="a-code" name="code" required />
            <label for="a-kind">机关类别</label>
            <select id="a-kind" name="kind">
              <option value="">（按名称推定）</option>
              {AGENCY_KINDS.map((k) => (
                <option key={k.code} value={k.code}>
                  {k.label}
                </option>
              ))}
            </select>
            <label for="a-parent">上级机关</label>
            <select id="a-parent" name="parentId">
              <option value="">（无）</option>
              {props.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <label for="a-review">行政复议机关（仅在无法由上级机关确定时填写）</label>
            <input id="a-review" name="reviewBody" />
            <label for="a-court">管辖法院</label>
            <input id="a-court" name="court" />
            <button type="submit">新增机关</button>
          </form>
        </>
      ) : null}
    </ConsoleLayout>
  )
}
