import { letterKindLabel } from '../../../domain/interaction/letters.js'
import { responseKindLabel } from '../../../domain/interaction/responses.js'
import type { Speaker } from '../../../domain/interaction/responses.js'
import { Layout } from '../Layout.js'
import type { ListedItem } from './parts.js'
import { ListedItems, PortalTabs, Table } from './parts.js'

export interface PublishedLetter {
  id: number
  kind: string
  subject: string
  body: string
  answer: string
  answeredOn: string
  agency: string
}

/** 政民互动 on the portal: write a letter, follow it, consultations, surveys, answered letters. */
export function InteractionHome(props: {
  agencies: { code: string; name: string }[]
  consultations: ListedItem[]
  surveys: ListedItem[]
  letters: PublishedLetter[]
}) {
  return (
    <Layout title="政民互动" path="/interaction">
      <h1>政民互动</h1>
      <PortalTabs />
      <section aria-labelledby="write">
        <h2 id="write">写信给机关</h2>
        <p>向机关提出咨询、建议、投诉或举报。提交后获得查询码，凭查询码查看答复并评价。</p>
        <ul class="doc-list">
          {props.agencies.map((a) => (
            <li key={a.code}>
              <a href={`/interaction/letters/new?agency=${a.code}`}>给{a.name}写信</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="consult">
        <h2 id="consult">意见征集</h2>
        <ListedItems
          items={props.consultations}
          href={(id) => `/interaction/consultations/${id}`}
          period={(c) => (c.status === 'closed' ? '已结束' : `${c.opensOn} 至 ${c.closesOn}`)}
          empty="暂无意见征集。"
        />
      </section>
      <section aria-labelledby="surveys">
        <h2 id="surveys">在线调查</h2>
        <ListedItems
          items={props.surveys}
          href={(id) => `/interaction/surveys/${id}`}
          period={(s) => (
            <>
              {s.opensOn} 至 {s.closesOn}
            </>
          )}
          empty="暂无在线调查。"
        />
      </section>
      <section aria-labelledby="answered">
        <h2 id="answered">来信选登</h2>
        <p class="hint">经来信人同意公开、已隐去个人信息的咨询和建议；投诉、举报不予公开。</p>
        {props.letters.length ? (
          props.letters.map((l) => (
            <article key={l.id} class="column-box">
              <h3>
                【{letterKindLabel(l.kind)}】{l.subject}
              </h3>
              <p class="pre">{l.body}</p>
              <p class="pre">
                <strong>
                  {l.agency}答复（{l.answeredOn}）：
                </strong>
                {l.answer}
              </p>
            </article>
          ))
        ) : (
          <p class="empty">暂无公开的来信。</p>
        )}
      </section>
    </Layout>
  )
}

export interface ResponseView {
  id: number
  agency: string
  kind: string
  heldOn: string
  subject: string
  concern: string
  speakers: Speaker[]
  link: string
}

/** 回应关切: press conferences, briefings, interviews, with speakers and the transcript's link. */
export function ResponsesPage(props: { responses: ResponseView[] }) {
  return (
    <Layout title="回应关切" path="/interaction/responses">
      <h1>回应关切</h1>
      <PortalTabs />
      {props.responses.length ? (
        <Table
          caption="新闻发布会、吹风会、在线访谈、政策宣讲等"
          columns={['日期', '方式', '主题', '发布人', '文字实录或解读']}
        >
          {props.responses.map((r) => (
            <tr key={r.id}>
              <td>{r.heldOn}</td>
              <td>{responseKindLabel(r.kind)}</td>
              <td>
                {r.subject}
                <br />
                <span class="muted">{r.agency}</span>
              </td>
              <td>
                {r.speakers.map((s) => (
                  <span key={s.name} class="check">
                    {s.name}
                    {s.title ? `（${s.title}）` : ''}
                    {s.leader ? <strong>【主要负责同志】</strong> : null}
                    <br />
                  </span>
                ))}
              </td>
              <td>{r.link ? <a href={r.link}>查看</a> : <span class="muted">—</span>}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p class="empty">暂无记录。</p>
      )}
    </Layout>
  )
}
