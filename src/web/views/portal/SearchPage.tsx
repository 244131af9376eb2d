import type { DisplayMode } from '../Layout.js'
import { Layout } from '../Layout.js'
import type { SearchResult } from '../../../services/catalog/searchDocuments.js'
import { Marked, Pager, documentUrl } from './parts.js'
import type { SearchForm, SearchPageData } from '../../../services/catalog/searchPage.js'

const VALIDITY: Record<string, string> = { valid: '有效', expired: '失效', repealed: '废止' }

/** 信息检索: a plain GET form (works without script), results with marked snippets, page links. */
export function SearchPage(props: {
  form: SearchForm
  result: SearchResult | null
  agencies: { name: string; code: string }[]
  facets: SearchPageData['facets']
  error?: string
  mode: DisplayMode
  path: string
}) {
  const f = props.form
  const r = props.result
  const href = (page: number) => {
    const params = new URLSearchParams({ q: f.q, sort: f.sort, page: String(page) })
    if (f.agency) params.set('agency', f.agency)
    if (f.year) params.set('year', String(f.year))
    if (f.validity) params.set('validity', f.validity)
    if (f.docNo) params.set('docNo', f.docNo)
    if (f.topic) params.set('topic', f.topic)
    if (f.genre) params.set('genre', f.genre)
    return `/search?${params.toString()}`
  }
  const browse = (field: 'topic' | 'genre' | 'year', value: string) =>
    `/search?${new URLSearchParams({ [field]: value }).toString()}`
  const choice = (id: 'topic' | 'genre', label: string, facets: { value: string; count: number }[]) => (
    <>
      <label for={id}>{label}</label>
      <select id={id} name={id}>
        <option value="">全部</option>
        {facets.map((t) => (
          <option key={t.value} value={t.value} selected={t.value === f[id]}>
            {t.value}
          </option>
        ))}
      </select>
    </>
  )
  return (
    <Layout title={f.q ? `检索：${f.q}` : '信息检索'} mode={props.mode} path={props.path}>
      <h1>信息检索</h1>
      <form class="search-form" action="/search" method="get" role="search">
        <p>
          <label for="q">关键词或文号</label>
          <input id="q" name="q" type="search" value={f.q} />
        </p>
        <p>
          <label for="agency">发布机关</label>
          <select id="agency" name="agency">
            <option value="">全部</option>
            {props.agencies.map((a) => (
              <option key={a.code} value={a.code} selected={a.code === f.agency}>
                {a.name}
              </option>
            ))}
          </select>
          <label for="year">发布年份</label>
          <input id="year" name="year" type="number" min="1990" max="2100" value={f.year ? String(f.year) : ''} />
          {choice('topic', '主题分类', props.facets.topics)}
          {choice('genre', '组配分类', props.facets.genres)}
          <label for="validity">有效性</label>
          <select id="validity" name="validity">
            <option value="">全部</option>
            {Object.entries(VALIDITY).map(([code, label]) => (
              <option key={code} value={code} selected={code === f.validity}>
                {label}
              </option>
            ))}
          </select>
          <label for="sort">排序</label>
          <select id="sort" name="sort">
            <option value="relevance" selected={f.sort === 'relevance'}>
              按相关度
            </option>
            <option value="date" selected={f.sort === 'date'}>
              按发布日期
            </option>
          </select>
          <button type="submit">检索</button>
        </p>
      </form>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {r ? (
        <section aria-labelledby="results-h">
          <h2 id="results-h">检索结果</h2>
          <p class="count" role="status">
            共找到 {r.total} 条{r.totalCapped ? '以上' : ''}
            {f.sort === 'relevance' && r.totalCapped ? `（按相关度排序时，在最新的${r.total}条中按相关度排列）` : ''}
          </p>
          {r.didYouMean ? (
            <p class="did-you-mean">
              您是不是要找：
              <a href={`/search?${new URLSearchParams({ q: r.didYouMean, sort: f.sort }).toString()}`}>
                {r.didYouMean}
              </a>
            </p>
          ) : null}
          {r.hits.length === 0 ? <p class="empty">没有找到相关信息。请换一个关键词，或检查文号是否完整。</p> : null}
          <ol class="results">
            {r.hits.map((h) => (
              <li key={h.id}>
                <h3>
                  <a href={documentUrl(h.id)}>
                    <Marked parts={h.titleParts} />
                  </a>
                </h3>
                <p class="snippet">
                  <Marked parts={h.snippet} />
                </p>
                <p class="hit-meta">
                  {h.publisher} · {h.publishedOn}
                  {h.docNo ? ` · ${h.docNo}` : ''} · 索引号 {h.indexNo}
                  {h.validity !== 'valid' ? ` · ${VALIDITY[h.validity] ?? ''}` : ''}
                </p>
              </li>
            ))}
          </ol>
          <Pager page={r.page} pages={Math.min(100, Math.ceil(r.total / r.pageSize))} href={href} />
        </section>
      ) : (
        <section class="browse" aria-labelledby="browse-h">
          <h2 id="browse-h">分类浏览</h2>
          {(
            [
              ['topic', '按主题分类', props.facets.topics],
              ['genre', '按组配分类', props.facets.genres],
              ['year', '按发布年份', props.facets.years],
            ] as const
          ).map(([field, label, facets]) =>
            facets.length ? (
              <div key={field}>
                <h3>{label}</h3>
                <ul class="facet-list">
                  {facets.map((t) => (
                    <li key={t.value}>
                      <a href={browse(field, t.value)}>
                        {field === 'year' ? `${t.value}年` : t.value}（{t.count}）
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null,
          )}
        </section>
      )}
    </Layout>
  )
}
