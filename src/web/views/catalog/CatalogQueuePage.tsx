import { statusLabel, stepLabel } from '../../../domain/catalog/workflow.js'
import type { PageContext } from '../console/ConsoleLayout.js'
import { ConsoleLayout } from '../console/ConsoleLayout.js'
import { Pager } from '../console/Pager.js'

export interface StaffDocRow {
  id: number
  title: string
  status: string
  step: string | null
  docNo: string | null
  updatedAt: string
}

function DocTable(props: { id: string; caption: string; rows: StaffDocRow[]; empty: string }) {
  if (props.rows.length === 0) return <p id={props.id}>{props.empty}</p>
  return (
    <div class="table-scroll">
      <table id={props.id}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">文号</th>
            <th scope="col">状态</th>
            <th scope="col">当前环节</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((d) => (
            <tr key={d.id}>
              <td>
                <a href={`/console/catalog/${d.id}`}>{d.title}</a>
              </td>
              <td>{d.docNo ?? ''}</td>
              <td>{statusLabel(d.status)}</td>
              <td>{stepLabel(d.step)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

type Section = 'awaitingMe' | 'returned' | 'toPublish' | 'all'

/** The query-string name of each section's page number (consoleCatalog.schema.ts catalogQueueQuery). */
const PAGE_PARAM: Record<Section, string> = {
  all: 'page',
  awaitingMe: 'awaitingPage',
  returned: 'returnedPage',
  toPublish: 'toPublishPage',
}

/** The queue's address with one section turned to `page`, the others left where they are. */
function queueHref(pages: Record<Section, number>, section: Section, page: number) {
  const q = new URLSearchParams()
  for (const [k, name] of Object.entries(PAGE_PARAM) as [Section, string][]) {
    const n = k === section ? page : pages[k]
    if (n > 1) q.set(name, String(n))
  }
  const s = q.toString()
  return s ? `/console/catalog?${s}#${sectionId(section)}-h` : `/console/catalog#${sectionId(section)}-h`
}

const sectionId = (k: Section) =>
  ({ all: 'all', awaitingMe: 'awaiting', returned: 'returned', toPublish: 'to-publish' })[k]

/** A section's count, its page of rows and, when it holds more than a page or is turned past the first, the pager. */
function QueueSection(props: {
  section: Section
  heading: string
  caption: string
  empty: string
  rows: StaffDocRow[]
  totals: Record<Section, number>
  pages: Record<Section, number>
  pageSize: number
}) {
  const id = sectionId(props.section)
  const total = props.totals[props.section]
  const pageNo = props.pages[props.section]
  const paged = total > props.pageSize || pageNo > 1
  const empty = total > 0 && props.rows.length === 0 ? '这一页没有信息。' : props.empty
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        {props.heading}（共 {total} 条）
      </h2>
      <DocTable id={id} caption={props.caption} rows={props.rows} empty={empty} />
      {paged ? (
        <Pager
          total={total}
          pageNo={pageNo}
          pageSize={props.pageSize}
          unit="条"
          href={(n) => queueHref(props.pages, props.section, n)}
        />
      ) : null}
    </section>
  )
}

export function CatalogQueuePage(props: {
  page: PageContext
  all: StaffDocRow[]
  awaitingMe: StaffDocRow[]
  returned: StaffDocRow[]
  toPublish: StaffDocRow[]
  totals: Record<Section, number>
  pages: Record<Section, number>
  pageSize: number
  mayDraft: boolean
  mayReview: boolean
  mayPublish: boolean
}) {
  const paging = { totals: props.totals, pages: props.pages, pageSize: props.pageSize }
  return (
    <ConsoleLayout title="主动公开信息" page={props.page}>
      <h1>主动公开信息（起草与发布审核）</h1>
      {props.mayDraft ? (
        <p>
          <a class="button" href="/console/catalog/new">
            起草新信息
          </a>
        </p>
      ) : null}
      {props.mayReview ? (
        <QueueSection
          section="awaitingMe"
          heading="待我审核"
          caption="等待我审核的信息"
          empty="没有待您审核的信息。"
          rows={props.awaitingMe}
          {...paging}
        />
      ) : null}
      {props.mayDraft ? (
        <QueueSection
          section="returned"
          heading="退回修改"
          caption="被退回、待修改的信息"
          empty="没有被退回的信息。"
          rows={props.returned}
          {...paging}
        />
      ) : null}
      {props.mayPublish ? (
        <QueueSection
          section="toPublish"
          heading="待发布"
          caption="审核通过、待发布的信息"
          empty="没有待发布的信息。"
          rows={props.toPublish}
          {...paging}
        />
      ) : null}
      <QueueSection
        section="all"
        heading="全部信息"
        caption="本机关的主动公开信息（最近修改的在前）"
        empty="还没有信息。"
        rows={props.all}
        {...paging}
      />
    </ConsoleLayout>
  )
}
