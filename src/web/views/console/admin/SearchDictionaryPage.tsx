import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../ConsoleLayout.js'
import type { FieldProblem } from '../../../../services/errors.js'
import type { SearchDictionaryView } from '../../../../services/admin/searchDictionaryForAdmin.js'

/** 检索词典: the synonym groups search expands a query with; administrators add their own. */
export function SearchDictionaryPage(
  props: SearchDictionaryView & {
    page: PageContext
    errors?: FieldProblem[]
    done?: string
    /** the form as typed, shown again with its errors */
    form?: { term: string; synonyms: string }
  },
) {
  return (
    <ConsoleLayout title="检索词典" page={props.page}>
      <h1>检索词典</h1>
      <p class="hint">
        门户“信息检索”把一组中的任何一个词当作同一个意思：检索“公租房”也找到写着“公共租赁住房”的信息。保存后下一次检索即生效，无需重建索引。
      </p>
      <Errors errors={props.errors} />
      {props.done ? (
        <p class="ok" role="status">
          {props.done}
        </p>
      ) : null}
      <section aria-labelledby="add">
        <h2 id="add">添加或修改</h2>
        <form method="post" action="/console/search-dictionary" class="form">
          <Csrf token={props.page.csrf} />
          <label for="term">词语（简称、俗称）</label>
          <input id="term" name="term" required maxLength={30} value={props.form?.term ?? ''} />
          <label for="synonyms">同义词或全称（多个用顿号、逗号或空格分隔）</label>
          <input id="synonyms" name="synonyms" required value={props.form?.synonyms ?? ''} />
          <button type="submit">保存</button>
        </form>
      </section>
      <section aria-labelledby="entries">
        <h2 id="entries">管理员添加的词条（{props.entries.length}）</h2>
        {props.entries.length === 0 ? <p class="empty">暂无</p> : null}
        {props.entries.length ? (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">词语</th>
                  <th scope="col">同义词或全称</th>
                  <th scope="col">添加人</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {props.entries.map((e) => (
                  <tr key={e.id}>
                    <td>{e.term}</td>
                    <td>{e.synonyms.join('、')}</td>
                    <td>{e.createdBy}</td>
                    <td>
                      <form method="post" action={`/console/search-dictionary/${e.id}/delete`}>
                        <Csrf token={props.page.csrf} />
                        <button type="submit" aria-label={`删除词条 ${e.term}`}>
                          删除
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="built-in">
        <h2 id="built-in">系统内置词条（{props.builtIn.length}）</h2>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">词语</th>
                <th scope="col">同义词或全称</th>
              </tr>
            </thead>
            <tbody>
              {props.builtIn.map((e) => (
                <tr key={e.term}>
                  <td>{e.term}</td>
                  <td>{e.synonyms.join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </ConsoleLayout>
  )
}
