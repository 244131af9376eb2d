import type { ComponentChildren } from 'preact'

export type Problems = { field: string; message: string }[]

/** What a form was filled with, shown again when it comes back with errors. */
export type FormValues = Record<string, unknown>

const text = (v: unknown): string => (typeof v === 'string' ? v : '')

export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />
}

/** The form's problems at the top, each a link to its field (focus moves there with the keyboard too). */
export function ErrorSummary(props: { errors?: Problems }) {
  if (!props.errors?.length) return null
  return (
    <div class="errors" role="alert" id="form-errors">
      <p>提交未成功，请修改以下问题：</p>
      <ul>
        {props.errors.map((e) => (
          <li key={e.field + e.message}>
            <a href={`#f-${e.field.split('.')[0]}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** A labelled field with its hint and its own error under it. */
export function Field(props: {
  name: string
  label: string
  hint?: string
  errors?: Problems
  children: ComponentChildren
}) {
  const err = props.errors?.find((e) => e.field === props.name)
  return (
    <div class={err ? 'field has-error' : 'field'}>
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      {props.children}
      {err ? <p class="field-error">{err.message}</p> : null}
    </div>
  )
}

/** Input attributes for a named field: id, value typed so far, aria-invalid when at fault. */
export function inputOf(values: FormValues | undefined, errors: Problems | undefined) {
  return (name: string, attrs: Record<string, unknown> = {}) => (
    <input
      id={`f-${name}`}
      name={name}
      value={text(values?.[name])}
      aria-invalid={errors?.some((x) => x.field === name) ? 'true' : undefined}
      {...attrs}
    />
  )
}

export function textareaOf(values: FormValues | undefined, errors: Problems | undefined) {
  return (name: string, attrs: Record<string, unknown> = {}) => (
    <textarea
      id={`f-${name}`}
      name={name}
      aria-invalid={errors?.some((x) => x.field === name) ? 'true' : undefined}
      {...attrs}
    >
      {text(values?.[name])}
    </textarea>
  )
}

/** A select of coded choices (kinds, channels, platforms), the chosen one kept when the form comes back. */
export function CodeSelect(props: {
  name: string
  options: readonly { code: string; label: string }[]
  chosen?: unknown
}) {
  return (
    <select id={`f-${props.name}`} name={props.name}>
      {props.options.map((o) => (
        <option key={o.code} value={o.code} selected={props.chosen === o.code}>
          {o.label}
        </option>
      ))}
    </select>
  )
}

/** A table that scrolls sideways on a phone; `children` are its body rows. */
export function Table(props: { columns: readonly string[]; caption?: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll">
      <table>
        {props.caption ? <caption class="muted">{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  )
}

export interface ListedItem {
  id: number
  title: string
  agency: string
  opensOn: string
  closesOn: string
  status: string
}

/** Consultations or surveys as a list of links with their period, or `empty` when there are none. */
export function ListedItems(props: {
  items: readonly ListedItem[]
  href: (id: number) => string
  period: (item: ListedItem) => ComponentChildren
  empty: string
}) {
  if (!props.items.length) return <p class="empty">{props.empty}</p>
  return (
    <ul class="doc-list">
      {props.items.map((x) => (
        <li key={x.id}>
          <a href={props.href(x.id)}>{x.title}</a>
          <span class="date">{props.period(x)}</span>
        </li>
      ))}
    </ul>
  )
}

/** The interaction area's own links (portal). */
export function PortalTabs() {
  return (
    <nav aria-label="政民互动栏目" class="filters">
      <a href="/interaction">政民互动首页</a>
      <a href="/interaction/letters/new">我要写信</a>
      <a href="/interaction/letters/status">来信查询与评价</a>
      <a href="/interaction/responses">回应关切</a>
    </nav>
  )
}

/** The console's interaction pages. */
export function ConsoleTabs() {
  return (
    <nav aria-label="政民互动功能" class="filters">
      <a href="/console/interaction">来信办理</a>
      <a href="/console/interaction/consultations">意见征集</a>
      <a href="/console/interaction/surveys">在线调查</a>
      <a href="/console/interaction/responses">回应关切</a>
      <a href="/console/interaction/channels">其他渠道与政务新媒体</a>
      <a href="/console/interaction/settings">答复期限设置</a>
    </nav>
  )
}
