import { letterKindLabel, letterStateLabel, LETTER_KINDS, ratingLabel } from '../../../domain/interaction/letters.js'
import type { PanelView } from './Panel.js'
import { InteractionPanel } from './Panel.js'
import type { PageContext } from '../console/ConsoleLayout.js'
import type { FormValues, Problems } from './parts.js'
import { Field, inputOf, Table, textareaOf } from './parts.js'
import { Frame, StaffForm } from './staffFrame.js'

export interface DeskLetter {
  id: number
  kind: string
  subject: string
  status: string
  receivedOn: string
  dueOn: string
  provisional: boolean
  department: string | null
  rating: string | null
  overdue: boolean
  supervisedOn: string | null
}

export function LetterDeskPage(props: {
  page: PageContext
  letters: DeskLetter[]
  open: boolean
  panel: PanelView | null
}) {
  return (
    <Frame page={props.page} title="政民互动" heading="政民互动：来信办理">
      {props.panel ? <InteractionPanel panel={props.panel} /> : null}
      <h2>{props.open ? '待办来信' : '全部来信'}</h2>
      <p>
        {props.open ? (
          <a href="/console/interaction?all=1">查看全部来信</a>
        ) : (
          <a href="/console/interaction">只看待办</a>
        )}
      </p>
      {props.letters.length ? (
        <Table columns={['类型', '标题', '收信日期', '答复期限', '承办处室', '状态', '评价']}>
          {props.letters.map((l) => (
            <tr key={l.id}>
              <td>{letterKindLabel(l.kind)}</td>
              <td>
                <a href={`/console/interaction/letters/${l.id}`}>{l.subject}</a>
              </td>
              <td>{l.receivedOn}</td>
              <td class={l.overdue ? 'overdue' : undefined}>
                {l.dueOn}
                {l.provisional ? '（暂定）' : ''}
                {l.overdue ? '（已超期）' : ''}
                {l.supervisedOn ? `（${l.supervisedOn}已督办）` : ''}
              </td>
              <td>{l.department ?? '未转办'}</td>
              <td>{letterStateLabel(l.status)}</td>
              <td>{l.status === 'answered' ? ratingLabel(l.rating) : '—'}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p class="empty">没有来信。</p>
      )}
    </Frame>
  )
}

export interface StaffLetter {
  id: number
  kind: string
  subject: string
  body: string
  writerName: string
  writerPhone: string
  writerEmail: string
  wantsPublic: boolean
  aboutDisclosure: boolean
  status: string
  receivedOn: string
  dueOn: string
  provisional: boolean
  departmentId: number | null
  answer: string | null
  answeredOn: string | null
  answeredLate: boolean
  rating: string | null
  published: boolean
  supervisedOn: string | null
  superviseNote: string | null
}

export function LetterStaffPage(props: {
  page: PageContext
  letter: StaffLetter
  departments: { id: number; name: string }[]
  overdue: boolean
  may: { route: boolean; answer: boolean; supervise: boolean; publish: boolean }
  today: string
  values?: FormValues
  errors?: Problems
}) {
  const l = props.letter
  const e = props.errors
  const dept = props.departments.find((d) => d.id === l.departmentId)?.name
  const values = { ...props.values, answeredOn: props.values?.answeredOn || props.today }
  const input = inputOf(values, e)
  const area = textareaOf(values, e)
  const step = (name: string) => `/console/interaction/letters/${l.id}/${name}`
  return (
    <Frame
      page={props.page}
      title={l.subject}
      heading={
        <>
          【{letterKindLabel(l.kind)}】{l.subject}
        </>
      }
      errors={e}
    >
      <dl class="facts">
        <dt>来信人</dt>
        <dd>
          {l.writerName} {l.writerPhone} {l.writerEmail}
        </dd>
        <dt>收信日期</dt>
        <dd>{l.receivedOn}</dd>
        <dt>答复期限</dt>
        <dd class={props.overdue ? 'overdue' : undefined}>
          {l.dueOn}
          {l.provisional ? '（暂定）' : ''}
          {props.overdue ? '（已超期）' : ''}
        </dd>
        <dt>承办处室</dt>
        <dd id="letter-dept">{dept ?? '未转办'}</dd>
        <dt>状态</dt>
        <dd id="letter-status">{letterStateLabel(l.status)}</dd>
        <dt>同意公开</dt>
        <dd>
          {l.wantsPublic ? '是' : '否'}
          {l.published ? '（已公开）' : ''}
        </dd>
        {l.aboutDisclosure ? (
          <>
            <dt>涉及</dt>
            <dd>政府信息公开工作的投诉举报（计入统计表七）</dd>
          </>
        ) : null}
        {l.supervisedOn ? (
          <>
            <dt>督办</dt>
            <dd>
              {l.supervisedOn}：{l.superviseNote}
            </dd>
          </>
        ) : null}
      </dl>
      <h2>来信内容</h2>
      <p class="pre">{l.body}</p>
      {l.answer ? (
        <>
          <h2>
            答复（{l.answeredOn}
            {l.answeredLate ? '，超期' : ''}）
          </h2>
          <p class="pre">{l.answer}</p>
          <p>来信人评价：{ratingLabel(l.rating)}</p>
        </>
      ) : null}
      {props.may.route ? (
        <StaffForm page={props.page} action={step('route')} class="form narrow" browserChecks submit="转办">
          <Field name="departmentId" label="转办处室" errors={e}>
            <select id="f-departmentId" name="departmentId">
              <option value="">请选择</option>
              {props.departments.map((d) => (
                <option key={d.id} value={String(d.id)} selected={d.id === l.departmentId}>
                  {d.name}
                </option>
              ))}
            </select>
          </Field>
        </StaffForm>
      ) : null}
      {props.may.answer ? (
        <StaffForm page={props.page} action={step('answer')} browserChecks submit="答复">
          <Field name="answer" label="答复内容" errors={e}>
            {area('answer', { rows: 6 })}
          </Field>
          <Field name="answeredOn" label="答复日期" errors={e}>
            {input('answeredOn', { type: 'date' })}
          </Field>
        </StaffForm>
      ) : null}
      {props.may.supervise ? (
        <StaffForm page={props.page} action={step('supervise')} browserChecks submit="督办">
          <Field name="note" label="督办意见" errors={e}>
            {area('note', { rows: 3 })}
          </Field>
        </StaffForm>
      ) : null}
      {props.may.publish ? (
        <StaffForm page={props.page} action={step('publish')} browserChecks submit="公开来信及答复">
          <p class="hint">来信人同意公开。公开时自动隐去姓名、身份证号、电话和邮箱。</p>
        </StaffForm>
      ) : null}
    </Frame>
  )
}

export function DeadlineSettingsPage(props: {
  page: PageContext
  agencies: { id: number; name: string }[]
  agencyId: number
  deadlines: Record<string, number>
  saved?: boolean
  errors?: Problems
}) {
  const e = props.errors
  return (
    <Frame
      page={props.page}
      title="来信答复期限"
      heading="来信答复期限（工作日）"
      lead={
        <>
          <p>
            按申请办理所用的同一工作日历计算（收信当日不计，节假日顺延、调休上班日计入）。修改只对此后收到的来信生效。
          </p>
          {props.saved ? <p class="ok">已保存。</p> : null}
        </>
      }
      errors={e}
    >
      {props.agencies.length > 1 ? (
        <form method="get" action="/console/interaction/settings" class="filters">
          <label for="agency-pick">机关</label>
          <select id="agency-pick" name="agency">
            {props.agencies.map((a) => (
              <option key={a.id} value={String(a.id)} selected={a.id === props.agencyId}>
                {a.name}
              </option>
            ))}
          </select>
          <button type="submit">切换</button>
        </form>
      ) : null}
      <StaffForm
        page={props.page}
        action={`/console/interaction/settings?agency=${props.agencyId}`}
        class="form narrow"
        browserChecks
        submit="保存"
      >
        {LETTER_KINDS.map((k) => (
          <Field key={k.code} name={k.code} label={`${k.label}（工作日）`} errors={e}>
            <input
              id={`f-${k.code}`}
              name={k.code}
              type="number"
              min={1}
              max={60}
              value={String(props.deadlines[k.code] ?? '')}
            />
          </Field>
        ))}
      </StaffForm>
    </Frame>
  )
}
