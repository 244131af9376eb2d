import type { ApplicantFact } from '../../presenters/casePage.js'

/** A file the applicant sent, opened through the audited download route. */
export interface CaseFileLink {
  id: number
  fileName: string
  mime: string
  size: number
  href: string
}

/** 《条例》第二十九条's particulars of the applicant, and the files sent with the application (staff in scope only). */
export function CaseApplicant(props: { facts: ApplicantFact[]; files: CaseFileLink[] }) {
  return (
    <section aria-labelledby="applicant">
      <h2 id="applicant">申请人信息</h2>
      <p class="muted">含个人信息，仅限办理本申请使用；下载附件会记入审计日志。</p>
      <dl class="facts" id="applicant-facts">
        {props.facts.map((f) => (
          <>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </>
        ))}
        <dt>附件</dt>
        <dd>
          {props.files.length === 0 ? (
            '无'
          ) : (
            <ul class="plain" id="case-files">
              {props.files.map((f) => (
                <li key={f.id}>
                  <a href={f.href} download>
                    {f.fileName}
                  </a>
                  （{f.mime}，{Math.ceil(f.size / 1024)} KB）
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  )
}
