import type { SnippetPart } from '../../../search/snippet.js'

export interface DocLink {
  id: number
  title: string
  publishedOn: string
  validity?: string
}

export interface ColumnNode {
  id: number
  slug: string
  name: string
  parentId: number | null
}

export const documentUrl = (id: number) => `/documents/${id}`
export const columnUrl = (agencyCode: string, slug: string) => `/xxgk/${agencyCode}/${slug}`

const VALIDITY_MARK: Record<string, string> = { expired: '已失效', repealed: '已废止' }

/** A list of items, newest first: title link and date. */
export function DocList(props: { docs: DocLink[]; empty?: string }) {
  if (props.docs.length === 0) return <p class="empty">{props.empty ?? '暂无信息'}</p>
  return (
    <ul class="doc-list">
      {props.docs.map((d) => (
        <li key={d.id}>
          <a href={documentUrl(d.id)}>{d.title}</a>
          {d.validity && VALIDITY_MARK[d.validity] ? (
            <span class="validity-mark">{VALIDITY_MARK[d.validity]}</span>
          ) : null}
          <span class="date">{d.publishedOn}</span>
        </li>
      ))}
    </ul>
  )
}

/** The agency's catalog tree (目录树): columns and their sub-columns, the current one marked. */
export function CatalogTree(props: { agencyCode: string; columns: ColumnNode[]; current?: number }) {
  const children = (parent: number | null) => props.columns.filter((c) => c.parentId === parent)
  const branch = (parent: number | null) => {
    const list = children(parent)
    if (list.length === 0) return null
    return (
      <ul>
        {list.map((c) => (
          <li key={c.id}>
            <a href={columnUrl(props.agencyCode, c.slug)} aria-current={c.id === props.current ? 'page' : undefined}>
              {c.name}
            </a>
            {branch(c.id)}
          </li>
        ))}
      </ul>
    )
  }
  return (
    <nav class="catalog-tree" aria-label="信息公开目录">
      <h2>信息公开目录</h2>
      {branch(null)}
      <ul>
        <li>
          <a class="apply-link" href={`/apply?agency=${encodeURIComponent(props.agencyCode)}`}>
            依申请公开
          </a>
        </li>
      </ul>
    </nav>
  )
}

/** Text with the query words marked; each part is escaped text. */
export function Marked(props: { parts: SnippetPart[] }) {
  return <>{props.parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</>
}

/** Page links: previous, current of total, next (plain links, no script). */
export function Pager(props: { page: number; pages: number; href: (page: number) => string }) {
  if (props.pages <= 1) return null
  return (
    <nav class="pager" aria-label="分页">
      {props.page > 1 ? <a href={props.href(props.page - 1)}>上一页</a> : null}
      <span>
        第 {props.page} / {props.pages} 页
      </span>
      {props.page < props.pages ? <a href={props.href(props.page + 1)}>下一页</a> : null}
    </nav>
  )
}
