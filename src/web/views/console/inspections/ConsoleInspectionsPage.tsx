import { INSPECTION_OUTCOMES } from '../../../../domain/inspections/results.js'
import type { InspectionColumnData } from '../../inspections/InspectionColumnPage.js'
import { DrawBlock, ItemList, Standing } from '../../inspections/InspectionColumnPage.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../ConsoleLayout.js'
import { AgencyPicker } from '../AgencyPicker.js'

function Text(props: { name: string; label: string; long?: boolean }) {
  const id = `f-${props.name}`
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.long ? <textarea id={id} name={props.name} rows={3} /> : <input id={id} name={props.name} />}
    </div>
  )
}

/** 双随机、一公开 in the console: the item list, the pools, announcing and making draws, recording results. */
export function ConsoleInspectionsPage(props: {
  page: PageContext
  data: InspectionColumnData
  agencies: { code: string; name: string }[]
  errors?: { field: string; message: string }[]
}) {
  const d = props.data
  const csrf = <Csrf token={props.page.csrf} />
  const agency = <input type="hidden" name="agency" value={d.agency.code} />
  const pools = (kind: string) => d.pools.filter((p) => p.kind === kind)
  return (
    <ConsoleLayout title="双随机、一公开" page={props.page}>
      <h1>双随机、一公开：{d.agency.name}</h1>
      <AgencyPicker action="/console/inspections" agencies={props.agencies} current={d.agency.code} />
      <p>
        <a href={`/inspections/${d.agency.code}`}>在门户查看“双随机、一公开”栏目</a>
      </p>
      <Errors errors={props.errors} />
      <h2>年度抽查情况</h2>
      <Standing standing={d.standing} year={d.year} />
      <h2>随机抽查事项清单</h2>
      <ItemList items={d.items} />
      <details class="action">
        <summary>新增抽查事项</summary>
        <form class="form" method="post" action="/console/inspections/items">
          {csrf}
          {agency}
          <Text name="code" label="事项编码" />
          <Text name="name" label="抽查事项名称" />
          <Text name="sector" label="监管行业" />
          <Text name="basis" label="检查依据" long />
          <Text name="subject" label="检查主体" />
          <Text name="content" label="检查内容" long />
          <Text name="method" label="检查方式" />
          <button type="submit">保存</button>
        </form>
      </details>
      <h2>名录库</h2>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="表格（可横向滚动）">
        <table>
          <caption>执法检查人员名录和检查对象名录</caption>
          <thead>
            <tr>
              <th scope="col">名录</th>
              <th scope="col">监管行业</th>
              <th scope="col">条数</th>
              <th scope="col">SM3 指纹</th>
            </tr>
          </thead>
          <tbody>
            {d.pools.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.sector}</td>
                <td>{p.size}</td>
                <td class="hash">{p.fingerprint}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details class="action">
        <summary>新增名录</summary>
        <form class="form" method="post" action="/console/inspections/pools">
          {csrf}
          {agency}
          <div class="field">
            <label for="f-kind">名录类型</label>
            <select id="f-kind" name="kind">
              <option value="entity">检查对象名录库</option>
              <option value="inspector">执法检查人员名录库</option>
            </select>
          </div>
          <Text name="sector" label="监管行业" />
          <Text name="name" label="名录名称" />
          <div class="field">
            <label for="f-text">名录（每行一条：编号 名称）</label>
            <textarea id="f-text" name="text" rows={8} />
          </div>
          <button type="submit">保存</button>
        </form>
      </details>
      <h2>公布一次抽查</h2>
      <form class="form" method="post" action="/console/inspections/draws">
        {csrf}
        {agency}
        <p class="hint">公布时系统生成随机种子，并连同两份名录的 SM3 指纹在门户公开；之后才能抽取。</p>
        <div class="field">
          <label for="f-item">抽查事项</label>
          <select id="f-item" name="itemId">
            {d.items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}（{i.sector}）
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-ipool">执法检查人员名录</label>
          <select id="f-ipool" name="inspectorPoolId">
            {pools('inspector').map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（{p.size} 人）
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-epool">检查对象名录</label>
          <select id="f-epool" name="entityPoolId">
            {pools('entity').map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（{p.size} 个）
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-ni">抽取执法人员数</label>
          <input id="f-ni" name="inspectors" type="number" min={2} value="2" />
        </div>
        <div class="field">
          <label for="f-ne">抽取检查对象数</label>
          <input id="f-ne" name="entities" type="number" min={1} value="2" />
        </div>
        <button type="submit">公布种子和名录指纹</button>
      </form>
      <h2>抽查记录</h2>
      {d.draws.map((draw) => (
        <DrawBlock key={draw.id} draw={draw}>
          {draw.drawn ? (
            <form class="form" method="post" action={`/console/inspections/draws/${draw.id}/results`}>
              {csrf}
              <div class="field">
                <label for={`r-e-${draw.id}`}>检查对象</label>
                <select id={`r-e-${draw.id}`} name="entityId">
                  {draw.chosenEntities.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for={`r-o-${draw.id}`}>检查结果</label>
                <select id={`r-o-${draw.id}`} name="outcome">
                  {INSPECTION_OUTCOMES.map((o) => (
                    <option key={o.code} value={o.code}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for={`r-n-${draw.id}`}>说明</label>
                <input id={`r-n-${draw.id}`} name="note" />
              </div>
              <button type="submit">录入并公开结果</button>
            </form>
          ) : (
            <form class="form" method="post" action={`/console/inspections/draws/${draw.id}/draw`}>
              {csrf}
              <button type="submit">按公布的种子抽取</button>
            </form>
          )}
        </DrawBlock>
      ))}
    </ConsoleLayout>
  )
}
