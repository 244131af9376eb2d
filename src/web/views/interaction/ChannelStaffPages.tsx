import { channelLabel, OTHER_CHANNELS, platformLabel, SOCIAL_PLATFORMS } from '../../../domain/interaction/channels.js'
import { RESPONSE_KINDS, responseKindLabel } from '../../../domain/interaction/responses.js'
import type { PageContext } from '../console/ConsoleLayout.js'
import { Csrf } from '../console/ConsoleLayout.js'
import type { ResponseView } from './PortalPages.js'
import type { FormValues, Problems } from './parts.js'
import { Field, inputOf, textareaOf } from './parts.js'
import type { Agencies } from './staffFrame.js'
import { AgencyPick, Frame } from './staffFrame.js'

export function ResponsesStaffPage(props: {
  page: PageContext
  agencies: Agencies
  responses: ResponseView[]
  values?: FormValues
  errors?: Problems
}) {
  const e = props.errors
  const input = inputOf(props.values, e)
  const area = textareaOf(props.values, e)
  return (
    <Frame page={props.page} title="回应关切" errors={e}>
      <form method="post" action="/console/interaction/responses" class="form" novalidate>
        <Csrf token={props.page.csrf} />
        <AgencyPick agencies={props.agencies} values={props.values} errors={e} />
        <Field name="kind" label="方式" errors={e}>
          <select id="f-kind" name="kind">
            {RESPONSE_KINDS.map((k) => (
              <option key={k.code} value={k.code} selected={props.values?.kind === k.code}>
                {k.label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="heldOn" label="日期" errors={e}>
          {input('heldOn', { type: 'date' })}
        </Field>
        <Field name="subject" label="主题" errors={e}>
          {input('subject')}
        </Field>
        <Field name="concern" label="回应的热点" hint="同一热点以不同方式回应，统计表只计1次：请写同一名称" errors={e}>
          {input('concern')}
        </Field>
        <Field
          name="speakers"
          label="发布人、访谈嘉宾"
          hint="每行一人：姓名，职务；主要负责同志在行末加“（主要负责同志）”"
          errors={e}
        >
          {area('speakers', { rows: 3 })}
        </Field>
        <Field name="link" label="文字实录或解读链接（选填）" errors={e}>
          {input('link', { type: 'url' })}
        </Field>
        <button type="submit">登记</button>
      </form>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">方式</th>
              <th scope="col">主题</th>
              <th scope="col">热点</th>
              <th scope="col">主要负责同志参加</th>
            </tr>
          </thead>
          <tbody>
            {props.responses.map((r) => (
              <tr key={r.id}>
                <td>{r.heldOn}</td>
                <td>{responseKindLabel(r.kind)}</td>
                <td>{r.link ? <a href={r.link}>{r.subject}</a> : r.subject}</td>
                <td>{r.concern}</td>
                <td>{r.speakers.some((x) => x.leader) ? '是' : '否'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Frame>
  )
}

export function ChannelsStaffPage(props: {
  page: PageContext
  agencies: Agencies
  year: number
  counts: {
    agency_id: number
    channel: string
    period: string
    received: number
    concluded: number | null
    resolved: number | null
    on_time: number | null
    source: string
  }[]
  accounts: { id: number; platform: string; name: string; url: string }[]
  values?: FormValues
  errors?: Problems
  saved?: boolean
}) {
  const e = props.errors
  const input = inputOf(props.values, e)
  const n = (v: number | null) => (v === null ? '—' : String(v))
  return (
    <Frame page={props.page} title="其他渠道与政务新媒体" errors={e}>
      {props.saved ? <p class="ok">已保存。</p> : null}
      <h2>{props.year}年其他渠道办理量</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">渠道</th>
              <th scope="col">期间</th>
              <th scope="col">受理</th>
              <th scope="col">办结</th>
              <th scope="col">解决</th>
              <th scope="col">按期办结</th>
              <th scope="col">来源</th>
            </tr>
          </thead>
          <tbody>
            {props.counts.map((c) => (
              <tr key={`${c.agency_id}/${c.channel}/${c.period}`}>
                <td>{channelLabel(c.channel)}</td>
                <td>{c.period}</td>
                <td>{c.received}</td>
                <td>{n(c.concluded)}</td>
                <td>{n(c.resolved)}</td>
                <td>{n(c.on_time)}</td>
                <td>{c.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>手工录入</h2>
      <form method="post" action="/console/interaction/channels" class="form" novalidate>
        <Csrf token={props.page.csrf} />
        <AgencyPick agencies={props.agencies} values={props.values} errors={e} />
        <Field name="channel" label="渠道" errors={e}>
          <select id="f-channel" name="channel">
            {OTHER_CHANNELS.map((c) => (
              <option key={c.code} value={c.code} selected={props.values?.channel === c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="period" label="期间" hint="月份写作 2020-01，全年合计写作 2020" errors={e}>
          {input('period')}
        </Field>
        <Field name="received" label="受理量" errors={e}>
          {input('received', { inputmode: 'numeric' })}
        </Field>
        <Field name="concluded" label="办结量（选填）" errors={e}>
          {input('concluded', { inputmode: 'numeric' })}
        </Field>
        <Field name="resolved" label="解决量（选填）" errors={e}>
          {input('resolved', { inputmode: 'numeric' })}
        </Field>
        <Field name="onTime" label="按期办结量（选填）" errors={e}>
          {input('onTime', { inputmode: 'numeric' })}
        </Field>
        <Field name="source" label="数据来源" errors={e}>
          {input('source')}
        </Field>
        <button type="submit">保存</button>
      </form>
      <h2>从文件导入（CSV 或 XLSX）</h2>
      <form
        method="post"
        action="/console/interaction/channels/import"
        enctype="multipart/form-data"
        class="form"
        novalidate
      >
        <Csrf token={props.page.csrf} />
        <AgencyPick agencies={props.agencies} values={props.values} errors={e} />
        <Field
          name="file"
          label="文件"
          hint="第一行表头：渠道、月份、受理量、办结量、解决量、按期办结量、数据来源"
          errors={e}
        >
          <input id="f-file" name="file" type="file" accept=".csv,.xlsx" />
        </Field>
        <button type="submit">导入</button>
      </form>
      <h2>政务新媒体账号</h2>
      <ul class="plain">
        {props.accounts.map((a) => (
          <li key={a.id} class="column-box">
            <strong>
              {platformLabel(a.platform)}“{a.name}”
            </strong>
            {a.url ? (
              <>
                {' '}
                <a href={a.url}>访问</a>
              </>
            ) : null}
            <form method="post" action={`/console/interaction/accounts/${a.id}/posts`} class="filters">
              <Csrf token={props.page.csrf} />
              <input name="period" aria-label={`${a.name}发布期间`} placeholder="2020-01 或 2020" />
              <input name="posts" aria-label={`${a.name}发布条数`} placeholder="条数" inputmode="numeric" />
              <input name="source" aria-label={`${a.name}数据来源`} placeholder="来源（如：后台导出）" />
              <button type="submit">录入平台外发布条数</button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action="/console/interaction/accounts" class="form narrow" novalidate>
        <Csrf token={props.page.csrf} />
        <AgencyPick agencies={props.agencies} values={props.values} errors={e} />
        <Field name="platform" label="平台" errors={e}>
          <select id="f-platform" name="platform">
            {SOCIAL_PLATFORMS.map((p) => (
              <option key={p.code} value={p.code}>
                {p.label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="name" label="账号名称" errors={e}>
          {input('name')}
        </Field>
        <Field name="url" label="网址（选填）" errors={e}>
          {input('url', { type: 'url' })}
        </Field>
        <button type="submit">登记账号</button>
      </form>
    </Frame>
  )
}
