import type { PrivacyPanel } from '../../../services/catalog/privacyReview.js'
import { EXEMPTIONS } from '../../../domain/catalog/privacyReview.js'
import { Csrf } from '../console/ConsoleLayout.js'
import { beijing } from './beijingTime.js'

// Issue 17 point 2 (decision 0047): the personal data found in a document, decided finding by finding at the
// 保密审查 step, and the same decisions as a part of the printable 保密审查表.

type Finding = PrivacyPanel['findings'][number]

/** 采纳去标识化 in one click, or 保留原文 with its reason: one small form per finding. */
function DecideFinding(props: { base: string; csrf: string; f: Finding; n: number }) {
  const f = props.f
  return (
    <form method="post" action={`${props.base}/privacy/decide`} class="form finding-form">
      <Csrf token={props.csrf} />
      <input type="hidden" name="source" value={f.source} />
      <input type="hidden" name="version" value={f.version} />
      <input type="hidden" name="kind" value={f.kind} />
      <input type="hidden" name="start" value={String(f.start)} />
      <input type="hidden" name="end" value={String(f.end)} />
      <p class="actions">
        <button type="submit" name="decision" value="accept">
          采纳去标识化
        </button>
      </p>
      <label for={`keep-reason-${props.n}`}>保留原文的理由（选择保留原文时必填）</label>
      <input id={`keep-reason-${props.n}`} name="reason" type="text" />
      <p class="actions">
        <button type="submit" name="decision" value="keep" class="secondary">
          保留原文
        </button>
      </p>
    </form>
  )
}

/** 惩戒性公示 / 强制性信息披露, with its reason; or clear the mark. */
function ExemptForm(props: { base: string; csrf: string; current: string }) {
  return (
    <form method="post" action={`${props.base}/privacy/exempt`} class="form exempt-form">
      <Csrf token={props.csrf} />
      <label for="privacy-exempt">不要求去标识化的情形</label>
      <select id="privacy-exempt" name="exempt">
        <option value="" selected={props.current === ''}>
          无（须逐项去标识化）
        </option>
        {EXEMPTIONS.map((e) => (
          <option key={e.code} value={e.code} selected={props.current === e.code}>
            {e.label}
          </option>
        ))}
      </select>
      <label for="privacy-exempt-reason">理由（标记时必填，例如所依据的法律法规条款）</label>
      <textarea id="privacy-exempt-reason" name="reason" rows={2} />
      <p class="actions">
        <button type="submit" class="secondary">
          保存标记
        </button>
      </p>
    </form>
  )
}

/** The panel on a document's staff page: every finding in context, its proposed mask and decision. */
export function PrivacyReviewSection(props: { base: string; csrf: string; privacy: PrivacyPanel }) {
  const pv = props.privacy
  const open = pv.findings.filter((f) => !f.decision).length
  return (
    <section aria-labelledby="privacy-h" class="privacy-review" id="privacy">
      <h2 id="privacy-h">个人信息去标识化</h2>
      {pv.exempt ? (
        <p class="privacy-exempt" role="note">
          本信息已标记为<strong>{pv.exempt.label}</strong>（理由：{pv.exempt.reason}；{pv.exempt.by}）：
          个人信息照常列出，不要求去标识化。
        </p>
      ) : null}
      {pv.findings.length === 0 ? (
        <p class="privacy-none">正文{pv.unexamined.length ? '和可识别文字的附件' : '和附件'}中未发现个人信息。</p>
      ) : (
        <>
          <p class="privacy-summary">
            发现 {pv.findings.length} 项个人信息，{open ? `尚有 ${open} 项未确认` : '均已确认'}。
            {pv.may.decide ? '请逐项采纳去标识化，或写明理由保留原文；全部确认后才能审核通过。' : ''}
          </p>
          <ol class="privacy-findings">
            {pv.findings.map((f, n) => (
              <li key={f.key} class="finding">
                <p class="finding-head">
                  <strong class="finding-kind">{f.kindLabel}</strong>（{f.sourceName}）
                </p>
                <p class="finding-context">
                  {f.context.before}
                  <mark>{f.context.found}</mark>
                  {f.context.after}
                </p>
                <p>
                  拟去标识化为：<code class="finding-mask">{f.masked}</code>
                </p>
                <p class={f.decision ? 'finding-decision' : 'finding-decision pending'}>
                  {f.decision
                    ? `已确认：${f.decision.label}${f.decision.reason ? `（理由：${f.decision.reason}）` : ''}，${f.decision.by}，${beijing(f.decision.at)}`
                    : '尚未确认'}
                </p>
                {pv.may.decide ? <DecideFinding base={props.base} csrf={props.csrf} f={f} n={n} /> : null}
              </li>
            ))}
          </ol>
        </>
      )}
      {pv.unexamined.length ? (
        <p class="warning">
          以下附件无法自动识别文字，未经检查，请人工核查其中是否有个人信息：{pv.unexamined.join('、')}。
        </p>
      ) : null}
      {pv.block ? (
        <p class="warning privacy-block" role="note">
          {pv.block}
        </p>
      ) : null}
      {pv.may.exempt ? <ExemptForm base={props.base} csrf={props.csrf} current={pv.exempt?.code ?? ''} /> : null}
    </section>
  )
}

/** The 保密审查表's part: every finding, its decision, reason, who and when; the exemption and its reason. */
export function PrivacyRecord(props: { privacy: PrivacyPanel }) {
  const pv = props.privacy
  return (
    <section aria-labelledby="privacy-record-h" class="privacy-record">
      <h2 id="privacy-record-h">个人信息去标识化审查</h2>
      <p class="privacy-exemption">
        {pv.exempt
          ? `不要求去标识化的情形：${pv.exempt.label}（理由：${pv.exempt.reason}；标记人：${pv.exempt.by}，${beijing(pv.exempt.at)}）`
          : '不要求去标识化的情形：无'}
      </p>
      {pv.findings.length === 0 ? (
        <p>未发现个人信息。</p>
      ) : (
        <div class="table-scroll">
          <table class="review-record privacy-decisions">
            <caption>逐项确认情况（共 {pv.findings.length} 项）</caption>
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">位置</th>
                <th scope="col">类别</th>
                <th scope="col">原文</th>
                <th scope="col">去标识化后</th>
                <th scope="col">处理</th>
                <th scope="col">理由</th>
                <th scope="col">确认人</th>
                <th scope="col">确认时间（北京时间）</th>
              </tr>
            </thead>
            <tbody>
              {pv.findings.map((f, n) => (
                <tr key={f.key}>
                  <td>{n + 1}</td>
                  <td>{f.sourceName}</td>
                  <td>{f.kindLabel}</td>
                  <td>{f.context.found}</td>
                  <td>{f.masked}</td>
                  <td>{f.decision?.label ?? '尚未确认'}</td>
                  <td>{f.decision?.reason ?? ''}</td>
                  <td>{f.decision?.by ?? ''}</td>
                  <td>{f.decision ? beijing(f.decision.at) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pv.unexamined.length ? <p>未能自动检查的附件（须人工核查）：{pv.unexamined.join('、')}。</p> : null}
    </section>
  )
}
