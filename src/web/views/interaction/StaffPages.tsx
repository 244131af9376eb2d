import type { ComponentChildren } from 'preact'
import { COMMENT_STATES } from '../../../domain/interaction/consultations.js'
import type { PageContext } from '../console/ConsoleLayout.js'
import type { FormValues, ListedItem, Problems } from './parts.js'
import { Field, inputOf, ListedItems, textareaOf } from './parts.js'
import type { Agencies } from './staffFrame.js'
import { Frame, StaffForm } from './staffFrame.js'

type FieldMaker = ReturnType<typeof inputOf>

interface PublishPageProps {
  page: PageContext
  agencies: Agencies
  items: ListedItem[]
  values?: FormValues
  errors?: Problems
}

/** 意见征集 and 在线调查 in the console: what has been published, then the form that publishes one more. */
function PublishPage(
  props: PublishPageProps & {
    title: string
    path: string
    period: (item: ListedItem) => ComponentChildren
    empty: string
    heading: string
    submit: string
    fields: (f: { input: FieldMaker; area: FieldMaker; e?: Problems }) => ComponentChildren
  },
) {
  const input = inputOf(props.values, props.errors)
  const area = textareaOf(props.values, props.errors)
  return (
    <Frame page={props.page} title={props.title} errors={props.errors}>
      <ListedItems items={props.items} href={(id) => `${props.path}/${id}`} period={props.period} empty={props.empty} />
      <h2>{props.heading}</h2>
      <StaffForm
        page={props.page}
        action={props.path}
        submit={props.submit}
        agencies={props.agencies}
        values={props.values}
        errors={props.errors}
      >
        {props.fields({ input, area, e: props.errors })}
        <Field name="opensOn" label="开始日期" errors={props.errors}>
          {input('opensOn', { type: 'date' })}
        </Field>
        <Field name="closesOn" label="截止日期" errors={props.errors}>
          {input('closesOn', { type: 'date' })}
        </Field>
      </StaffForm>
    </Frame>
  )
}

export function ConsultationsStaffPage(props: PublishPageProps) {
  return (
    <PublishPage
      {...props}
      title="意见征集"
      path="/console/interaction/consultations"
      period={(c) => (
        <>
          {c.opensOn} 至 {c.closesOn}（{c.status === 'closed' ? '已结束' : '征集中'}）
        </>
      )}
      empty="暂无意见征集。"
      heading="发布意见征集"
      submit="发布征集"
      fields={({ input, area, e }) => (
        <>
          <Field name="title" label="征集标题（草案名称）" errors={e}>
            {input('title')}
          </Field>
          <Field name="explanation" label="起草说明" errors={e}>
            {area('explanation', { rows: 4 })}
          </Field>
          <Field name="draftText" label="草案全文" errors={e}>
            {area('draftText', { rows: 8 })}
          </Field>
        </>
      )}
    />
  )
}

export interface StaffComment {
  id: number
  author_name: string
  body: string
  status: string
  adopted: number | null
  reason: string | null
}

/** One comment's moderation: shown or not, adopted or not and why. */
function ModerateForm(props: { page: PageContext; comment: StaffComment; n: number }) {
  const x = props.comment
  return (
    <StaffForm
      page={props.page}
      action={`/console/interaction/comments/${x.id}`}
      class="filters"
      browserChecks
      submit={`保存意见${props.n}`}
    >
      <label>
        公开
        <select name="status" aria-label={`意见${props.n}是否公开`}>
          <option value="shown" selected={x.status === 'shown'}>
            公开
          </option>
          <option value="hidden" selected={x.status === 'hidden'}>
            不予公开
          </option>
        </select>
      </label>
      <label>
        采纳
        <select name="adopted" aria-label={`意见${props.n}是否采纳`}>
          <option value="">未定</option>
          <option value="yes" selected={x.adopted === 1}>
            采纳
          </option>
          <option value="no" selected={x.adopted === 0}>
            不采纳
          </option>
        </select>
      </label>
      <input name="reason" aria-label={`意见${props.n}未采纳理由`} placeholder="未采纳理由" value={x.reason ?? ''} />
    </StaffForm>
  )
}

export function ConsultationStaffPage(props: {
  page: PageContext
  consultation: {
    id: number
    title: string
    opens_on: string
    closes_on: string
    status: string
    feedback: string | null
  }
  comments: StaffComment[]
  counts: { received: number; adopted: number; notAdopted: number }
  errors?: Problems
}) {
  const c = props.consultation
  const e = props.errors
  const closed = c.status === 'closed'
  return (
    <Frame page={props.page} title={c.title} errors={e}>
      <p>
        征集期 {c.opens_on} 至 {c.closes_on}。<a href={`/interaction/consultations/${c.id}`}>门户页面</a>
      </p>
      <p>
        共收到意见 {props.counts.received} 条，已确定采纳 {props.counts.adopted} 条。
      </p>
      {props.comments.map((x, i) => (
        <section key={x.id} class="column-box" aria-labelledby={`cm${x.id}`}>
          <h2 id={`cm${x.id}`}>
            意见{i + 1}：{x.author_name}（{COMMENT_STATES.find((s) => s.code === x.status)?.label}
            {x.adopted === null ? '' : x.adopted ? '，已采纳' : '，未采纳'}）
          </h2>
          <p class="pre">{x.body}</p>
          {closed ? null : <ModerateForm page={props.page} comment={x} n={i + 1} />}
        </section>
      ))}
      {closed ? (
        <>
          <h2>已公布的采纳情况</h2>
          <p class="pre">{c.feedback}</p>
        </>
      ) : (
        <>
          <h2>结束征集并公布采纳情况</h2>
          <StaffForm
            page={props.page}
            action={`/console/interaction/consultations/${c.id}/close`}
            submit="结束征集并公布"
          >
            <Field
              name="explanation"
              label="采纳情况说明"
              hint="意见条数和采纳条数由系统按上面的标记统计；此处说明未采纳的理由和总体考虑"
              errors={e}
            >
              <textarea id="f-explanation" name="explanation" rows={5} />
            </Field>
            <Field name="finalDocumentId" label="正式文件编号（选填，文件公开后可关联）" errors={e}>
              <input id="f-finalDocumentId" name="finalDocumentId" inputmode="numeric" />
            </Field>
          </StaffForm>
        </>
      )}
    </Frame>
  )
}

export function SurveysStaffPage(props: PublishPageProps) {
  return (
    <PublishPage
      {...props}
      title="在线调查"
      path="/console/interaction/surveys"
      period={(s) => (
        <>
          {s.opensOn} 至 {s.closesOn}
        </>
      )}
      empty="暂无在线调查。"
      heading="发布在线调查"
      submit="发布调查"
      fields={({ input, area, e }) => (
        <>
          <Field name="title" label="调查标题" errors={e}>
            {input('title')}
          </Field>
          <Field name="intro" label="调查说明（选填）" errors={e}>
            {area('intro', { rows: 3 })}
          </Field>
          <Field
            name="questions"
            label="调查问题"
            hint="每题之间空一行；第一行写“单选：问题”“多选：问题”或“问答：问题”，其后每行一个选项"
            errors={e}
          >
            {area('questions', { rows: 10 })}
          </Field>
        </>
      )}
    />
  )
}

export function SurveyStaffPage(props: {
  page: PageContext
  survey: { id: number; title: string; opensOn: string; closesOn: string }
  answerCount: number
  codes: { issued: number; used: number }
  newCodes?: string[]
  errors?: Problems
}) {
  const s = props.survey
  return (
    <Frame page={props.page} title={s.title} errors={props.errors}>
      <p>
        调查期 {s.opensOn} 至 {s.closesOn}；已发放参与码 {props.codes.issued} 个，已使用 {props.codes.used} 个；答卷{' '}
        {props.answerCount} 份。
      </p>
      <p>
        <a href={`/interaction/surveys/${s.id}`}>门户答卷页</a>
        <a href={`/interaction/surveys/${s.id}/results`}>实时结果</a>
        <a href={`/console/interaction/surveys/${s.id}/export.xlsx`}>导出 Excel</a>
      </p>
      {props.newCodes?.length ? (
        <section aria-labelledby="codes-h">
          <h2 id="codes-h">新生成的参与码（只显示这一次，请下发给参与人）</h2>
          <ul class="plain" id="new-codes">
            {props.newCodes.map((c) => (
              <li key={c} class="query-code">
                {c}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <StaffForm
        page={props.page}
        action={`/console/interaction/surveys/${s.id}/codes`}
        class="form narrow"
        submit="生成参与码"
      >
        <Field name="count" label="生成参与码数量" errors={props.errors}>
          <input id="f-count" name="count" type="number" min={1} max={5000} value="10" />
        </Field>
      </StaffForm>
    </Frame>
  )
}
