import type { serviceItemList } from '../../../services/serviceItems/serviceItemPages.js'
import type { DisplayMode } from '../Layout.js'
import { Layout } from '../Layout.js'

export type ServiceListData = NonNullable<Awaited<ReturnType<typeof serviceItemList>>>

export const servicesUrl = (code: string) => `/services/${code}`

/** 政务服务事项: an agency's items by kind, each linking to its 办事指南; a search within them. */
export function ServiceListPage(props: ServiceListData & { mode: DisplayMode; path: string }) {
  const base = servicesUrl(props.agency.code)
  const filtered = props.q !== '' || props.kind !== ''
  return (
    <Layout title={`政务服务事项 - ${props.agency.name}`} mode={props.mode} path={props.path}>
      <p class="breadcrumb">
        <a href="/">首页</a> › <a href={`/xxgk/${props.agency.code}`}>{props.agency.name}</a> › 政务服务事项
      </p>
      <h1>{props.agency.name} 政务服务事项</h1>
      <p class="count">
        共 {props.kinds.length} 大类 {props.total} 项，每项公开办事指南（申请条件、申报材料、办理流程、设定依据等）
      </p>
      <ul class="kind-list" aria-label="按事项类型">
        <li>
          <a href={base} aria-current={props.kind === '' ? 'page' : undefined}>
            全部
          </a>
        </li>
        {props.kinds.map((k) => (
          <li key={k.code}>
            <a href={`${base}?kind=${k.code}`} aria-current={props.kind === k.code ? 'page' : undefined}>
              {k.label} {k.count} 项
            </a>
          </li>
        ))}
      </ul>
      <form class="search-form" action={base} method="get" role="search">
        <p>
          <label for="service-q">在事项中查找</label>{' '}
          <input id="service-q" name="q" type="search" value={props.q} placeholder="事项名称或编码，如 施工许可" />
          {props.kind ? <input type="hidden" name="kind" value={props.kind} /> : null}{' '}
          <button type="submit">查找</button>
        </p>
      </form>
      {filtered ? <p class="count">找到 {props.matched} 项</p> : null}
      {props.groups.length === 0 ? <p class="empty">没有符合条件的事项</p> : null}
      {props.groups.map((g) => (
        <section key={g.kind} aria-labelledby={`kind-${g.kind}`}>
          <h2 id={`kind-${g.kind}`}>
            {g.label}（{g.items.length} 项）
          </h2>
          <ul class="doc-list">
            {g.items.map((i) => (
              <li key={i.id}>
                <a href={`${base}/${i.id}`}>{i.name}</a>
                <span class="date">{i.code}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  )
}
