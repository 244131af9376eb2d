import { ART20_CATEGORIES, DISCLOSURES, VALIDITIES, labelOf } from '../../../domain/catalog/metadata.js'
import { REVIEW_STEPS, statusLabel, stepLabel } from '../../../domain/catalog/workflow.js'
import type { PageContext } from '../console/ConsoleLayout.js'
import { ConsoleLayout, Csrf } from '../console/ConsoleLayout.js'
import { RichText } from '../portal/RichText.js'
import type { StaffDocRow } from './CatalogQueuePage.js'
import type { StaffEvent } from './ReviewRecord.js'
import { ReviewRecord } from './ReviewRecord.js'
import type { PrivacyPanel } from '../../../services/catalog/privacyReview.js'
import { PrivacyReviewSection } from './PrivacyReview.js'

interface StaffDocView extends StaffDocRow {
  indexNo: string | null
  publishedOn: string | null
  late: boolean
  withdrawReason: string | null
  bodyHtml: string
  formedOn: string
  topic: string
  genre: string
  disclosure: string
  validity: string
  publisher: string
  source: string
  art20: string | null
  major: boolean
  requiresInterpretation: boolean
  createdBy: string
}

export interface StaffDocProps {
  page: PageContext
  doc: StaffDocView
  events: StaffEvent[]
  attachments: { id: number; name: string; mime: string; size: number }[]
  policy: { id: number; title: string } | null
  interpretations: { id: number; title: string; status: string }[]
  returned: { comment: string; by: string; step: string | null; at: string } | null
  may: { edit: boolean; submit: boolean; review: boolean; publish: boolean; interpret: boolean }
  /** issue 17: personal data found, decided at the 保密审查 step */
  privacy?: PrivacyPanel
  error?: string
}

function Metadata(props: { d: StaffDocView }) {
  const d = props.d
  const rows: [string, string][] = [
    ['索引号', d.indexNo ?? '（发布时生成）'],
    ['文号', d.docNo ?? ''],
    ['成文日期', d.formedOn],
    ['主题分类', d.topic],
    ['组配分类', d.genre],
    ['有效性', labelOf(VALIDITIES, d.validity)],
    ['公开方式', labelOf(DISCLOSURES, d.disclosure)],
    ['发布机构', d.publisher],
    ['信息来源', d.source],
    ['《条例》第二十条类别', labelOf(ART20_CATEGORIES, d.art20)],
    ['重大事项', d.major ? '是（须主要领导审定）' : '否'],
    ['起草人', d.createdBy],
  ]
  return (
    <dl class="doc-meta">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v || '—'}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Approve or return at the current step (the reviewer of that step only). */
function DecideForm(props: { base: string; csrf: string; step: string }) {
  const label = REVIEW_STEPS.find((s) => s.code === props.step)?.label ?? ''
  return (
    <form method="post" action={`${props.base}/decide`} class="form decide-form">
      <Csrf token={props.csrf} />
      <input type="hidden" name="step" value={props.step} />
      <label for="comment">{label}意见（退回时必填）</label>
      <textarea id="comment" name="comment" rows={3} />
      <p class="actions">
        <button type="submit" name="decision" value="approve">
          同意
        </button>{' '}
        <button type="submit" name="decision" value="return" class="secondary">
          退回
        </button>
      </p>
    </form>
  )
}

export function StaffDocumentPage(props: StaffDocProps) {
  const d = props.doc
  const base = `/console/catalog/${d.id}`
  const csrf = props.page.csrf
  return (
    <ConsoleLayout title={d.title} page={props.page}>
      <h1>{d.title}</h1>
      {props.error ? (
        <p class="errors" role="alert">
          {props.error}
        </p>
      ) : null}
      <p class="doc-status">
        状态：<strong>{statusLabel(d.status)}</strong>
        {d.step ? `，当前环节：${stepLabel(d.step)}` : ''}
        {d.publishedOn ? `，发布日期：${d.publishedOn}` : ''}
        {d.late ? '（超过《条例》第二十六条规定的20个工作日）' : ''}
        {d.withdrawReason ? `，撤回理由：${d.withdrawReason}` : ''}
      </p>
      {props.returned ? (
        <div class="returned-note" role="note">
          <p>
            <strong>退回意见</strong>（{stepLabel(props.returned.step)}，{props.returned.by}）：
          </p>
          <p class="return-comment">{props.returned.comment}</p>
          <p>请按意见修改后再次提交审核。</p>
        </div>
      ) : null}
      {props.policy ? (
        <p>
          本信息是政策解读，所解读的文件：<a href={`/console/catalog/${props.policy.id}`}>{props.policy.title}</a>
        </p>
      ) : null}
      <div class="doc-actions">
        {props.may.edit ? (
          <a class="button" href={`${base}/edit`}>
            修改
          </a>
        ) : null}
        {props.may.submit ? (
          <form method="post" action={`${base}/submit`} class="inline">
            <Csrf token={csrf} />
            <button type="submit">提交审核</button>
          </form>
        ) : null}
        {d.status === 'published' ? <a href={`/documents/${d.id}`}>查看公开页面</a> : null}
        <a href={`${base}/record`}>打印保密审查表</a>
      </div>
      {props.privacy ? <PrivacyReviewSection base={base} csrf={csrf} privacy={props.privacy} /> : null}
      {props.may.review && d.step ? <DecideForm base={base} csrf={csrf} step={d.step} /> : null}
      {props.may.publish && d.status === 'approved' ? (
        <form method="post" action={`${base}/publish`} class="form">
          <Csrf token={csrf} />
          <label for="on">发布日期（留空为今天；填以后的日期为定时发布）</label>
          <input id="on" name="on" type="date" />
          <button type="submit">发布</button>
        </form>
      ) : null}
      {props.may.publish && d.status === 'published' ? (
        <form method="post" action={`${base}/withdraw`} class="form">
          <Csrf token={csrf} />
          <label for="reason">撤回理由</label>
          <input id="reason" name="reason" type="text" />
          <button type="submit">撤回</button>
        </form>
      ) : null}
      {d.requiresInterpretation ? (
        <section aria-labelledby="interp-h">
          <h2 id="interp-h">政策解读（与本文件同步发布）</h2>
          {props.interpretations.length ? (
            <ul>
              {props.interpretations.map((i) => (
                <li key={i.id}>
                  <a href={`/console/catalog/${i.id}`}>{i.title}</a>（{statusLabel(i.status)}）
                </li>
              ))}
            </ul>
          ) : (
            <p>尚未起草政策解读：本文件须与其政策解读同步发布。</p>
          )}
          {props.may.interpret ? (
            <p>
              <a class="button" href={`/console/catalog/new?interprets=${d.id}`}>
                起草政策解读
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="meta-h">
        <h2 id="meta-h">目录信息</h2>
        <Metadata d={d} />
      </section>
      <section aria-labelledby="body-h">
        <h2 id="body-h">正文</h2>
        <RichText html={d.bodyHtml} />
      </section>
      {props.privacy?.originalHtml ? (
        <section aria-labelledby="original-h" class="original-body">
          <h2 id="original-h">原文（去标识化前，仅内部留存，不公开）</h2>
          <RichText html={props.privacy.originalHtml} />
        </section>
      ) : null}
      <section aria-labelledby="files-h">
        <h2 id="files-h">附件</h2>
        {props.attachments.length ? (
          <ul class="attachments">
            {props.attachments.map((a) => (
              <li key={a.id}>
                <a href={`${base}/files/${a.id}`}>{a.name}</a>（{Math.max(1, Math.round(a.size / 1024))} KB）
              </li>
            ))}
          </ul>
        ) : (
          <p>没有附件。</p>
        )}
      </section>
      <section aria-labelledby="record-h">
        <h2 id="record-h">审核记录</h2>
        <ReviewRecord title={d.title} indexNo={d.indexNo} events={props.events} />
      </section>
    </ConsoleLayout>
  )
}
