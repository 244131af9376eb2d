import type { DisplayMode } from '../Layout.js'
import { Layout } from '../Layout.js'
import type { DocLink } from './parts.js'
import { DocList, columnUrl } from './parts.js'

export interface HomeAgency {
  name: string
  code: string
  columns: { slug: string; name: string; latest: DocLink[] }[]
}

/** 首页: every agency's disclosure column with the latest items of each part. */
export function HomePortal(props: { agencies: HomeAgency[]; mode: DisplayMode }) {
  return (
    <Layout title="首页" mode={props.mode} path="/">
      <h1>政府信息公开</h1>
      <form class="search-box" action="/search" method="get" role="search">
        <label for="home-q">检索政府信息</label>
        <input id="home-q" name="q" type="search" placeholder="输入关键词或文号，如 住房、榕房〔2020〕93号" />
        <button type="submit">检索</button>
      </form>
      {props.agencies.length === 0 ? <p class="empty">尚无机关。运行 gongkai demo 载入演示数据。</p> : null}
      {props.agencies.map((a) => (
        <section key={a.code} class="agency-block" aria-labelledby={`agency-${a.code}`}>
          <h2 id={`agency-${a.code}`}>
            <a href={`/xxgk/${a.code}`}>{a.name}</a>
          </h2>
          <p class="agency-links">
            <a href={`/services/${a.code}`}>政务服务事项</a>
            <a href={`/inspections/${a.code}`}>双随机、一公开</a>
          </p>
          <div class="columns-grid">
            {a.columns.map((c) => (
              <section key={c.slug} class="column-box">
                <h3>
                  <a href={columnUrl(a.code, c.slug)}>{c.name}</a>
                </h3>
                <DocList docs={c.latest} />
              </section>
            ))}
          </div>
        </section>
      ))}
    </Layout>
  )
}
