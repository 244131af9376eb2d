import type { serviceItemGuide } from '../../../services/serviceItems/serviceItemPages.js'
import type { DisplayMode } from '../Layout.js'
import { Layout } from '../Layout.js'
import { servicesUrl } from './ServiceListPage.js'

type GuideData = NonNullable<Awaited<ReturnType<typeof serviceItemGuide>>>

function Fields(props: { fields: { key: string; label: string; text: string }[] }) {
  return (
    <dl class="guide">
      {props.fields.map((f) => (
        <div key={f.key}>
          <dt>{f.label}</dt>
          <dd>{f.text || '无'}</dd>
        </div>
      ))}
    </dl>
  )
}

/** 办事指南 of one item: the version in force, then earlier versions with what each changed. */
export function ServiceGuidePage(props: GuideData & { mode: DisplayMode; path: string }) {
  const { item, agency } = props
  return (
    <Layout title={`${item.name} 办事指南`} mode={props.mode} path={props.path}>
      <p class="breadcrumb">
        <a href="/">首页</a> › <a href={`/xxgk/${agency.code}`}>{agency.name}</a> ›{' '}
        <a href={servicesUrl(agency.code)}>政务服务事项</a> › 办事指南
      </p>
      <h1>{item.name} 办事指南</h1>
      <table class="meta-box">
        <caption>事项信息</caption>
        <tbody>
          <tr>
            <th scope="row">事项编码</th>
            <td>{item.code}</td>
          </tr>
          <tr>
            <th scope="row">事项类型</th>
            <td>{item.kind}</td>
          </tr>
          <tr>
            <th scope="row">实施主体</th>
            <td>{item.department || agency.name}</td>
          </tr>
          <tr>
            <th scope="row">指南版本</th>
            <td>
              第 {item.version} 版{props.current ? `，${props.current.effectiveOn} 起施行` : ''}
              {props.current?.changed.length ? `（本版修改了：${props.current.changed.join('、')}）` : ''}
            </td>
          </tr>
        </tbody>
      </table>
      {props.current ? <Fields fields={props.current.fields} /> : <p class="empty">暂无办事指南</p>}
      {props.history.length ? (
        <section aria-labelledby="history">
          <h2 id="history">历史版本</h2>
          {props.history.map((v) => (
            <details key={v.version}>
              <summary>
                第 {v.version} 版（{v.effectiveOn} 起施行）
              </summary>
              <Fields fields={v.fields} />
            </details>
          ))}
        </section>
      ) : null}
    </Layout>
  )
}
