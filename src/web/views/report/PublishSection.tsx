import type { ReportPageProps } from './ReportPage.js'
import { Csrf } from '../console/ConsoleLayout.js'
import { RuleList } from './RuleList.js'

/**
 * 发布: the published versions, what changed since the latest, what stands between the report and its
 * publication (条例第五十条), and the form that publishes (with a reason when it is not fit to).
 */
export function PublishSection(props: ReportPageProps & { base: string; q: string }) {
  const { base, q, model } = props
  return (
    <section aria-labelledby="published">
      <h2 id="published">发布</h2>
      {props.versions.length === 0 ? (
        <p>尚未发布。</p>
      ) : (
        <ul>
          {props.versions.map((v) => (
            <li>
              <a href={`${base}/v/${v.version}`}>第{v.version}版</a>（{v.publishedBy}，
              {v.publishedAt.slice(0, 16).replace('T', ' ')}）{v.note ? `：${v.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      {props.versions.length && model.agency.code ? (
        <p class="portal-link">
          最新版本已在门户网站的
          <a href={`/xxgk/${encodeURIComponent(model.agency.code)}/annual-reports`}>政府信息公开年报栏目</a>
          公开（表格、正文及 Word、Excel、PDF 下载；更正发布替换该页面并显示更正说明）。
        </p>
      ) : null}
      {props.changes ? (
        props.changes.length === 0 ? (
          <p class="ok">已发布的最新版本与当前记录计算结果一致。</p>
        ) : (
          <>
            <p class="warn" role="alert">
              已发布的最新版本与当前记录计算结果有 {props.changes.length} 处不同，如需更正请发布新版本并写明说明：
            </p>
            <table class="changes">
              <thead>
                <tr>
                  <th scope="col">单元格</th>
                  <th scope="col">已发布</th>
                  <th scope="col">当前计算</th>
                </tr>
              </thead>
              <tbody>
                {props.changes.map((c) => (
                  <tr>
                    <td>
                      {c.label} <code class="path">{c.path}</code>
                    </td>
                    <td class="num">{c.published ?? '（空）'}</td>
                    <td class="num">{c.current ?? '（空）'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )
      ) : null}
      {props.blockers.length === 0 ? (
        <p class="ok">发布条件：正文各部分已填写，勾稽关系检查通过，可以发布。</p>
      ) : (
        <>
          <p class="warn" role="alert">
            尚不能发布（条例第五十条：年度报告应包括的内容不得缺项）：
          </p>
          <RuleList class="blockers" items={props.blockers} />
        </>
      )}
      {props.canEdit ? (
        <form method="post" action={`${base}/publish${q}`} class="publish-form">
          <Csrf token={props.page.csrf} />
          <label>
            版本说明{props.versions.length ? '（更正发布必填）' : ''}{' '}
            <input name="note" required={props.versions.length > 0} />
          </label>
          {props.blockers.length ? (
            <label>
              未满足发布条件仍要发布的理由（将记入审计日志） <input name="override" />
            </label>
          ) : null}
          <button type="submit">{props.versions.length ? '发布更正版本' : '发布报告'}</button>
        </form>
      ) : null}
    </section>
  )
}
