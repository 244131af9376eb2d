/** The `<option>`s of a code list ({ code, label }), with the current value selected. */
export function CodeOptions(props: { items: readonly { code: string; label: string }[]; selected?: string | null }) {
  return (
    <>
      {props.items.map((i) => (
        <option key={i.code} value={i.code} selected={props.selected === i.code}>
          {i.label}
        </option>
      ))}
    </>
  )
}
