import type { ServiceListData } from '../../services/ServiceListPage.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../ConsoleLayout.js'
import { AgencyPicker } from '../AgencyPicker.js'

/** 政务服务事项 in the console: counts by kind, the list, and the spreadsheet import. */
export function ConsoleServicesPage(props: {
  page: PageContext
  data: ServiceListData
  agencies: { code: string; name: string }[]
  imported?: { created: number; revised: number; unchanged: number } | null
  errors?: { field: string; message: string }[]
}) {
  const d = props.data
  return (
    <ConsoleLayout title="政务服务事项" page={props.page}>
      <h1>政务服务事项：{d.agency.name}</h1>
      <AgencyPicker action="/console/services" agencies={props.agencies} current={d.agency.code} />
      {props.imported ? (
        <p class="ok" role="status">
          已导入：新增 {props.imported.created} 项，指南更新 {props.imported.revised} 项，未变{' '}
          {props.imported.unchanged} 项
        </p>
      ) : null}
      <Errors errors={props.errors} />
      <form class="form" method="post" action="/console/services/import" enctype="multipart/form-data">
        <Csrf token={props.page.csrf} />
        <input type="hidden" name="agency" value={d.agency.code} />
        <div class="field">
          <label for="services-file">事项清单（.xlsx 或 .csv）</label>
          <input id="services-file" name="file" type="file" accept=".xlsx,.csv" required />
          <p class="hint">
            表头：事项编码、事项名称、事项类型、实施主体、设定依据、申请条件、申报材料、办理流程、办理时限、收费标准、办理地点、咨询电话。指南有变化的事项生成新版本。
          </p>
        </div>
        <button type="submit">导入</button>
      </form>
      <p>
        共 {d.total} 项：{d.kinds.map((k) => `${k.label} ${k.count} 项`).join('，')}。
        <a href={`/services/${d.agency.code}`}>在门户查看</a>
      </p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="表格（可横向滚动）">
        <table>
          <caption>事项清单</caption>
          <thead>
            <tr>
              <th scope="col">事项编码</th>
              <th scope="col">事项名称</th>
              <th scope="col">类型</th>
              <th scope="col">指南版本</th>
            </tr>
          </thead>
          <tbody>
            {d.groups.flatMap((g) =>
              g.items.map((i) => (
                <tr key={i.id}>
                  <td>{i.code}</td>
                  <td>
                    <a href={`/services/${d.agency.code}/${i.id}`}>{i.name}</a>
                  </td>
                  <td>{g.label}</td>
                  <td>第 {i.version} 版</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </ConsoleLayout>
  )
}
