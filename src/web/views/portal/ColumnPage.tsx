import type { DisplayMode } from '../Layout.js'
import { Layout } from '../Layout.js'
import type { ColumnNode, DocLink } from './parts.js'
import { CatalogTree, DocList, Pager, columnUrl } from './parts.js'

export interface ColumnPageProps {
  agency: { name: string; code: string }
  columns: ColumnNode[]
  column: { id: number; slug: string; name: string } | null
  docs: DocLink[]
  total: number
  page: number
  pages: number
  mode: DisplayMode
  path: string
}

/** 政府信息公开 column of one agency: catalog tree on the side, the items of the chosen column. */
export function ColumnPage(props: ColumnPageProps) {
  const heading = props.column ? props.column.name : '政府信息公开'
  return (
    <Layout title={`${heading} - ${props.agency.name}`} mode={props.mode} path={props.path}>
      <p class="breadcrumb">
        <a href="/">首页</a> › <a href={`/xxgk/${props.agency.code}`}>{props.agency.name} 政府信息公开</a>
        {props.column ? ` › ${props.column.name}` : ''}
      </p>
      <div class="column-layout">
        <CatalogTree agencyCode={props.agency.code} columns={props.columns} current={props.column?.id} />
        <section class="column-main" aria-labelledby="column-title">
          <h1 id="column-title">{heading}</h1>
          <p class="count">共 {props.total} 条</p>
          <DocList docs={props.docs} empty="本栏目暂无已发布的信息" />
          <Pager
            page={props.page}
            pages={props.pages}
            href={(p) =>
              `${props.column ? columnUrl(props.agency.code, props.column.slug) : `/xxgk/${props.agency.code}`}?page=${p}`
            }
          />
          {props.column ? (
            <p class="feed-link">
              <a href={`/feeds/${props.agency.code}/${props.column.slug}.atom`}>订阅本栏目（Atom）</a>
            </p>
          ) : null}
        </section>
      </div>
    </Layout>
  )
}
