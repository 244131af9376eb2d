/** Findings or notes of the report's check, each with its rule id. */
export function RuleList(props: { class: string; items: readonly { rule: string; message: string }[] }) {
  return (
    <ul class={props.class}>
      {props.items.map((f) => (
        <li>
          <code>{f.rule}</code> {f.message}
        </li>
      ))}
    </ul>
  )
}
