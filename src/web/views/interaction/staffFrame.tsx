import type { ComponentChildren } from 'preact'
import type { PageContext } from '../console/ConsoleLayout.js'
import { ConsoleLayout, Errors } from '../console/ConsoleLayout.js'
import type { FormValues, Problems } from './parts.js'
import { ConsoleTabs, Field } from './parts.js'

export type Agencies = { id: number; name: string }[]

/** Which agency a new record is for: only a system administrator (no agency of their own) chooses. */
export function AgencyPick(props: { agencies: Agencies; values?: FormValues; errors?: Problems }) {
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

export function Frame(props: { page: PageContext; title: string; errors?: Problems; children: ComponentChildren }) {
  return (
    <ConsoleLayout title={props.title} page={props.page}>
      <ConsoleTabs />
      <h1>{props.title}</h1>
      <Errors errors={props.errors} />
      {props.children}
    </ConsoleLayout>
  )
}
