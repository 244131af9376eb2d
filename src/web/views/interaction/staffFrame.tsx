import type { ComponentChildren } from 'preact'
import type { PageContext } from '../console/ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../console/ConsoleLayout.js'
import type { FormValues, Problems } from './parts.js'
import { ConsoleTabs, Field } from './parts.js'

export type Agencies = { id: number; name: string }[]

/** Which agency a new record is for: only a system administrator (no agency of their own) chooses. */
function AgencyPick(props: { agencies: Agencies; values?: FormValues; errors?: Problems }) {
  if (props.agencies.length <= 1) return null
  return (
    <Field name="agency" label="机关" errors={props.errors}>
      <select id="f-agency" name="agency">
        {props.agencies.map((a) => (
          <option key={a.id} value={String(a.id)} selected={props.values?.agency === String(a.id)}>
            {a.name}
          </option>
        ))}
      </select>
    </Field>
  )
}

/**
 * A console 政民互动 page: the area's tabs, the heading (the title unless told otherwise), what leads in, then the
 * form's problems and the page's own content.
 */
export function Frame(props: {
  page: PageContext
  title: string
  heading?: ComponentChildren
  lead?: ComponentChildren
  errors?: Problems
  children: ComponentChildren
}) {
  return (
    <ConsoleLayout title={props.title} page={props.page}>
      <ConsoleTabs />
      <h1>{props.heading ?? props.title}</h1>
      {props.lead}
      <Errors errors={props.errors} />
      {props.children}
    </ConsoleLayout>
  )
}

/**
 * A console form posting to `action`: the CSRF token, the agency pick when `agencies` is given, the fields, one
 * button. `browserChecks` keeps the browser's own checks (min/max of a number) before the server's.
 */
export function StaffForm(props: {
  page: PageContext
  action: string
  submit: string
  class?: string
  multipart?: boolean
  browserChecks?: boolean
  agencies?: Agencies
  values?: FormValues
  errors?: Problems
  children?: ComponentChildren
}) {
  return (
    <form
      method="post"
      action={props.action}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      class={props.class ?? 'form'}
      novalidate={!props.browserChecks}
    >
      <Csrf token={props.page.csrf} />
      {props.agencies ? <AgencyPick agencies={props.agencies} values={props.values} errors={props.errors} /> : null}
      {props.children}
      <button type="submit">{props.submit}</button>
    </form>
  )
}
