import type { inspectionColumn } from '../../../services/inspections/inspectionPages.js'
import type { DisplayMode } from '../Layout.js'
import { Layout } from '../Layout.js'

export type InspectionColumnData = NonNullable<Awaited<ReturnType<typeof inspectionColumn>>>
type Draw = InspectionColumnData['draws'][number]

export const inspectionsUrl = (code: string) => `/inspections/${code}`

/** One draw as published: seed and pool fingerprints (announced first), then who was drawn and the results. */
export function DrawBlock(props: { draw: Draw; children?: preact.ComponentChildren }) {
  const d = props.draw
  return (
    <section class="column-box" aria-labelledby={`draw-${d.id}`}>
      <h3 id={`draw-${d.id}`}>
        第 {d.id} 号抽查：{d.item}（{d.sector}）
      </h3>
      <dl class="facts">
        <dt>公布日期</dt>
        <dd>{d.announcedOn}</dd>
        <dt>随机种子</dt>
        <dd class="hash">{d.seed}</dd>
        <dt>执法检查人员名录指纹（SM3）</dt>
        <dd class="hash">
          {d.inspectors.fingerprint}（{d.inspectors.size} 人，抽取 {d.inspectors.count} 人）
        </dd>
        <dt>检查对象名录指纹（SM3）</dt>
        <dd class="hash">
          {d.entities.fingerprint}（{d.entities.size} 个，抽取 {d.entities.count} 个）
        </dd>
        <dt>抽取结果</dt>
        <dd>
          {d.drawn
            ? `检查人员：${d.chosenInspectors.map((i) => i.name).join('、')}；检查对象：${d.chosenEntities.map((e) => e.name).join('、')}`
            : '尚未抽取'}
        </dd>
      </dl>
      {d.results.length ? (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="表格（可横向滚动）">
          <table>
            <caption>抽查结果</caption>
            <thead>
              <tr>
                <th scope="col">检查对象</th>
                <th scope="col">检查结果</th>
                <th scope="col">说明</th>
                <th scope="col">公开日期</th>
              </tr>
            </thead>
            <tbody>
              {d.results.map((r) => (
                <tr key={r.entityId}>
                  <td>{r.entity}</td>
                  <td>{r.outcome}</td>
                  <td>{r.note}</td>
                  <td>{r.publishedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p>
        <a href={`/api/inspections/draws/${d.id}`}>下载本次抽查记录（JSON）</a>，用{' '}
        <code>gongkai draw verify 文件</code> 可自行核对
      </p>
      {props.children}
    </section>
  )
}

export function Standing(props: { standing: InspectionColumnData['standing']; year: number | null }) {
  const s = props.standing
  if (!s || props.year === null) return null
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label="表格（可横向滚动）">
      <table>
        <caption>
          {props.year}年各监管行业抽查比例和频次（目标：比例不低于{s.targets.minRatioPercent}%，频次不少于
          {s.targets.minRounds}次）
        </caption>
        <thead>
          <tr>
            <th scope="col">监管行业</th>
            <th scope="col">名录对象数</th>
            <th scope="col">已抽查对象数</th>
            <th scope="col">抽查比例</th>
            <th scope="col">抽查频次</th>
            <th scope="col">提示</th>
          </tr>
        </thead>
        <tbody>
          {s.sectors.map((r) => (
            <tr key={r.sector}>
              <th scope="row">{r.sector}</th>
              <td>{r.poolSize}</td>
              <td>{r.inspected}</td>
              <td>{r.ratioPercent}%</td>
              <td>{r.rounds}</td>
              <td>{r.warnings.length ? <span class="warning">{r.warnings.join('；')}</span> : '达到目标'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function ItemList(props: { items: InspectionColumnData['items'] }) {
  if (props.items.length === 0) return <p class="empty">暂无随机抽查事项</p>
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label="表格（可横向滚动）">
      <table>
        <caption>随机抽查事项清单</caption>
        <thead>
          <tr>
            <th scope="col">抽查事项</th>
            <th scope="col">监管行业</th>
            <th scope="col">检查依据</th>
            <th scope="col">检查主体</th>
            <th scope="col">检查内容</th>
            <th scope="col">检查方式</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.name}</th>
              <td>{i.sector}</td>
              <td>{i.basis}</td>
              <td>{i.subject}</td>
              <td>{i.content}</td>
              <td>{i.method}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** 双随机、一公开 column of an agency. */
export function InspectionColumnPage(props: InspectionColumnData & { mode: DisplayMode; path: string }) {
  const base = inspectionsUrl(props.agency.code)
  return (
    <Layout title={`双随机、一公开 - ${props.agency.name}`} mode={props.mode} path={props.path}>
      <p class="breadcrumb">
        <a href="/">首页</a> › <a href={`/xxgk/${props.agency.code}`}>{props.agency.name}</a> › 双随机、一公开
      </p>
      <h1>{props.agency.name} 双随机、一公开</h1>
      <p>
        随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开。每次抽取前公布随机种子和两份名录的 SM3
        指纹，任何人可按公布的记录重算抽取结果。
      </p>
      <h2>随机抽查事项清单</h2>
      <ItemList items={props.items} />
      {props.years.length > 1 ? (
        <ul class="kind-list" aria-label="按年度">
          {props.years.map((y) => (
            <li key={y}>
              <a href={`${base}?year=${y}`} aria-current={y === props.year ? 'page' : undefined}>
                {y}年
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <h2>{props.year ?? ''}年抽查情况</h2>
      <Standing standing={props.standing} year={props.year} />
      {props.draws.length === 0 ? <p class="empty">暂无抽查记录</p> : null}
      {props.draws.map((d) => (
        <DrawBlock key={d.id} draw={d} />
      ))}
    </Layout>
  )
}
