import { Layout } from './Layout.js'

export interface AgencySummary {
  name: string
  code: string
  applications: number
}

export function HomePage(props: { agencies: AgencySummary[] }) {
  return (
    <Layout title="首页">
      <h1>政府信息公开</h1>
      <section aria-labelledby="agencies">
        <h2 id="agencies">本平台的机关</h2>
        {props.agencies.length === 0 ? (
          <p class="empty">尚无机关。运行 gongkai demo 载入演示数据，或用 gongkai agency add 新增机关。</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">机关名称</th>
                <th scope="col">统一社会信用代码</th>
                <th scope="col">依申请公开件数</th>
              </tr>
            </thead>
            <tbody>
              {props.agencies.map((a) => (
                <tr key={a.code}>
                  <td>{a.name}</td>
                  <td>{a.code}</td>
                  <td>{a.applications}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  )
}
