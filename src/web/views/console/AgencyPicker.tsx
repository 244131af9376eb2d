/** A GET form to switch the agency a console page shows (only when the user may act for more than one). */
export function AgencyPicker(props: { action: string; agencies: { code: string; name: string }[]; current: string }) {
  if (props.agencies.length < 2) return null
  return (
    <form class="filters" method="get" action={props.action}>
      <label for="agency-pick">机关</label>{' '}
      <select id="agency-pick" name="agency">
        {props.agencies.map((a) => (
          <option key={a.code} value={a.code} selected={a.code === props.current}>
            {a.name}
          </option>
        ))}
      </select>{' '}
      <button type="submit">切换</button>
    </form>
  )
}
