import type { DisplayMode } from '../Layout.js'
import { Layout } from '../Layout.js'
import type { DocLink } from './parts.js'
import { RichText } from './RichText.js'
import { columnUrl, documentUrl } from './parts.js'

export interface DocumentView {
  id: number
  indexNo: string
  title: string
  bodyHtml: string
  docNo: string | null
  formedOn: string
  publishedOn: string
  disclosure: string
  genre: string
  topic: string
  validity: string
  validityOn: string | null
  publisher: string
  source: string
  views: number | string
  agency: { name: string; code: string }
  column: { slug: string; name: string }
  attachments: { id: number; name: string; size: number }[]
  interpretations: DocLink[]
  policy: DocLink | null
}

const size = (n: number) =>
  n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`

/** The metadata box of a catalog item, the fields and order of the 衢州 seed's header plus 文号 and 有效性. */
function MetaBox(props: { doc: DocumentView }) {
  const d = props.doc
  const rows: [string, string][] = [
    ['索引号', d.indexNo],
    ['成文日期', d.formedOn],
    ['公开方式', d.disclosure],
    ['组配分类', d.genre || '—'],
    ['发布机构', d.publisher],
    ['发布日期', d.publishedOn],
    ['文号', d.docNo ?? '—'],
    ['主题分类', d.topic || '—'],
    ['有效性', d.validityOn && d.validity !== '有效' ? `${d.validity}（${d.validityOn}起）` : d.validity],
    ['信息来源', d.source || '—'],
    ['浏览次数', String(d.views)],
  ]
  return (
    <table class="meta-box">
      <caption>信息属性</caption>
      <tbody>
        {Array.from({ length: Math.ceil(rows.length / 2) }, (_, i) => (
          <tr key={i}>
            {rows.slice(i * 2, i * 2 + 2).map(([k, v]) => [
              <th scope="row" key={`${k}-k`}>
                {k}
              </th>,
              <td key={`${k}-v`} colSpan={rows.length % 2 === 1 && i * 2 + 1 >= rows.length ? 3 : undefined}>
                {v}
              </td>,
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function DocumentPage(props: { doc: DocumentView; mode: DisplayMode; print?: boolean }) {
  const d = props.doc
  return (
    <Layout title={d.title} mode={props.mode} path={documentUrl(d.id)}>
      {props.print ? null : (
        <p class="breadcrumb">
          <a href="/">首页</a> › <a href={`/xxgk/${d.agency.code}`}>{d.agency.name} 政府信息公开</a> ›{' '}
          <a href={columnUrl(d.agency.code, d.column.slug)}>{d.column.name}</a>
        </p>
      )}
      <article class={props.print ? 'document print' : 'document'}>
        <MetaBox doc={d} />
        <h1 class="doc-title">{d.title}</h1>
        {d.validity !== '有效' ? <p class="validity-notice">本文件{d.validity}，仅供查阅。</p> : null}
        <RichText html={d.bodyHtml} />
        {d.attachments.length > 0 ? (
          <section class="attachments" aria-labelledby="att-h">
            <h2 id="att-h">附件</h2>
            <ul>
              {d.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`${documentUrl(d.id)}/files/${a.id}`}>{a.name}</a> （{size(a.size)}）
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {d.policy ? (
          <p class="related">
            解读的政策文件：<a href={documentUrl(d.policy.id)}>{d.policy.title}</a>
          </p>
        ) : null}
        {d.interpretations.length > 0 ? (
          <section class="related" aria-labelledby="interp-h">
            <h2 id="interp-h">政策解读</h2>
            <ul>
              {d.interpretations.map((i) => (
                <li key={i.id}>
                  <a href={documentUrl(i.id)}>{i.title}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {props.print ? null : (
          <p class="doc-tools">
            <a href={`${documentUrl(d.id)}/print`}>打印本页</a>
          </p>
        )}
      </article>
    </Layout>
  )
}
