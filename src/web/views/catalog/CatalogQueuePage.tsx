import { statusLabel, stepLabel } from '../../../domain/catalog/workflow.js'
import type { PageContext } from '../console/ConsoleLayout.js'
import { ConsoleLayout } from '../console/ConsoleLayout.js'

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

export function CatalogQueuePage(props: {
  page: PageContext
  all: StaffDocRow[]
  awaitingMe: StaffDocRow[]
  returned: StaffDocRow[]
  toPublish: StaffDocRow[]
  mayDraft: boolean
  mayReview: boolean
  mayPublish: boolean
}) {
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
        <section aria-labelledby="awaiting-h">
          <h2 id="awaiting-h">待我审核（{props.awaitingMe.length}）</h2>
          <DocTable id="awaiting" caption="等待我审核的信息" rows={props.awaitingMe} empty="没有待您审核的信息。" />
        </section>
      ) : null}
      {props.mayDraft ? (
        <section aria-labelledby="returned-h">
          <h2 id="returned-h">退回修改（{props.returned.length}）</h2>
          <DocTable id="returned" caption="被退回、待修改的信息" rows={props.returned} empty="没有被退回的信息。" />
        </section>
      ) : null}
      {props.mayPublish ? (
        <section aria-labelledby="to-publish-h">
          <h2 id="to-publish-h">待发布（{props.toPublish.length}）</h2>
          <DocTable
            id="to-publish"
            caption="审核通过、待发布的信息"
            rows={props.toPublish}
            empty="没有待发布的信息。"
          />
        </section>
      ) : null}
      <section aria-labelledby="all-h">
        <h2 id="all-h">全部信息（最近修改的 {props.all.length} 条）</h2>
        <DocTable id="all" caption="本机关的主动公开信息" rows={props.all} empty="还没有信息。" />
      </section>
    </ConsoleLayout>
  )
}
