import { channelLabel, OTHER_CHANNELS, platformLabel, SOCIAL_PLATFORMS } from '../../../domain/interaction/channels.js'
import { RESPONSE_KINDS, responseKindLabel } from '../../../domain/interaction/responses.js'
import type { ChannelCountTable } from '../../../store/interactionSchema.js'
import type { PageContext } from '../console/ConsoleLayout.js'
import type { ResponseView } from './PortalPages.js'
import type { FormValues, Problems } from './parts.js'
import { CodeSelect, Field, inputOf, Table, textareaOf } from './parts.js'
import type { Agencies } from './staffFrame.js'
import { Frame, StaffForm } from './staffFrame.js'

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
      <StaffForm
        page={props.page}
        action="/console/interaction/responses"
        submit="登记"
        agencies={props.agencies}
        values={props.values}
        errors={e}
      >
        <Field name="kind" label="方式" errors={e}>
          <CodeSelect name="kind" options={RESPONSE_KINDS} chosen={props.values?.kind} />
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
      </StaffForm>
      <Table columns={['日期', '方式', '主题', '热点', '主要负责同志参加']}>
        {props.responses.map((r) => (
          <tr key={r.id}>
            <td>{r.heldOn}</td>
            <td>{responseKindLabel(r.kind)}</td>
            <td>{r.link ? <a href={r.link}>{r.subject}</a> : r.subject}</td>
            <td>{r.concern}</td>
            <td>{r.speakers.some((x) => x.leader) ? '是' : '否'}</td>
          </tr>
        ))}
      </Table>
    </Frame>
  )
}

const COUNT_FIELDS = [
  ['received', '受理量'],
  ['concluded', '办结量（选填）'],
  ['resolved', '解决量（选填）'],
  ['onTime', '按期办结量（选填）'],
] as const

export function ChannelsStaffPage(props: {
  page: PageContext
  agencies: Agencies
  year: number
  counts: Omit<ChannelCountTable, 'entered_by' | 'entered_at'>[]
  accounts: { id: number; platform: string; name: string; url: string }[]
  values?: FormValues
  errors?: Problems
  saved?: boolean
}) {
  const e = props.errors
  const input = inputOf(props.values, e)
  const n = (v: number | null) => (v === null ? '—' : String(v))
  const forAgency = { page: props.page, agencies: props.agencies, values: props.values, errors: e }
  return (
    <Frame page={props.page} title="其他渠道与政务新媒体" errors={e}>
      {props.saved ? <p class="ok">已保存。</p> : null}
      <h2>{props.year}年其他渠道办理量</h2>
      <Table columns={['渠道', '期间', '受理', '办结', '解决', '按期办结', '来源']}>
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
      </Table>
      <h2>手工录入</h2>
      <StaffForm {...forAgency} action="/console/interaction/channels" submit="保存">
        <Field name="channel" label="渠道" errors={e}>
          <CodeSelect name="channel" options={OTHER_CHANNELS} chosen={props.values?.channel} />
        </Field>
        <Field name="period" label="期间" hint="月份写作 2020-01，全年合计写作 2020" errors={e}>
          {input('period')}
        </Field>
        {COUNT_FIELDS.map(([name, label]) => (
          <Field key={name} name={name} label={label} errors={e}>
            {input(name, { inputmode: 'numeric' })}
          </Field>
        ))}
        <Field name="source" label="数据来源" errors={e}>
          {input('source')}
        </Field>
      </StaffForm>
      <h2>从文件导入（CSV 或 XLSX）</h2>
      <StaffForm {...forAgency} action="/console/interaction/channels/import" multipart submit="导入">
        <Field
          name="file"
          label="文件"
          hint="第一行表头：渠道、月份、受理量、办结量、解决量、按期办结量、数据来源"
          errors={e}
        >
          <input id="f-file" name="file" type="file" accept=".csv,.xlsx" />
        </Field>
      </StaffForm>
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
            <StaffForm
              page={props.page}
              action={`/console/interaction/accounts/${a.id}/posts`}
              class="filters"
              browserChecks
              submit="录入平台外发布条数"
            >
              <input name="period" aria-label={`${a.name}发布期间`} placeholder="2020-01 或 2020" />
              <input name="posts" aria-label={`${a.name}发布条数`} placeholder="条数" inputmode="numeric" />
              <input name="source" aria-label={`${a.name}数据来源`} placeholder="来源（如：后台导出）" />
            </StaffForm>
          </li>
        ))}
      </ul>
      <StaffForm {...forAgency} action="/console/interaction/accounts" class="form narrow" submit="登记账号">
        <Field name="platform" label="平台" errors={e}>
          <CodeSelect name="platform" options={SOCIAL_PLATFORMS} />
        </Field>
        <Field name="name" label="账号名称" errors={e}>
          {input('name')}
        </Field>
        <Field name="url" label="网址（选填）" errors={e}>
          {input('url', { type: 'url' })}
        </Field>
      </StaffForm>
    </Frame>
  )
}
