import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../ConsoleLayout.js'
import type { FieldProblem } from '../../../../services/errors.js'

export function AgenciesPage(props: {
  page: PageContext
  agencies: { id: number; name: string; code: string; departments: string[] }[]
  canAddAgency: boolean
  errors?: FieldProblem[]
}) {
  return (
    <ConsoleLayout title="机关与处室" page={props.page}>
      <h1>机关与处室</h1>
      <Errors errors={props.errors} />
      <table>
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">统一社会信用代码</th>
            <th scope="col">处室</th>
          </tr>
        </thead>
        <tbody>
          {props.agencies.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>{a.code}</td>
              <td>{a.departments.join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
            <label for="a-review">行政复议机关（答复书中载明）</label>
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
