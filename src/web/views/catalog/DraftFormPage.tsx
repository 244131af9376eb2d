import { ART20_CATEGORIES, DISCLOSURES, VALIDITIES } from '../../../domain/catalog/metadata.js'
import { CodeOptions } from '../CodeOptions.js'
import type { PageContext } from '../console/ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from '../console/ConsoleLayout.js'

type Values = Partial<Record<string, string>>

function Field(props: {
  id: string
  label: string
  hint?: string
  errors?: { field: string; message: string }[]
  children: preact.ComponentChildren
}) {
  const mine = props.errors?.filter((e) => e.field === props.id) ?? []
  return (
    <div class={mine.length ? 'field has-error' : 'field'}>
      <label for={`f-${props.id}`}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`h-${props.id}`}>
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {mine.map((e) => (
        <p class="field-error" key={e.message}>
          {e.message}
        </p>
      ))}
    </div>
  )
}

/** 起草 / 修改: every field of the catalog, the body, attachments; a 政策解读 names the policy it reads. */
export function DraftFormPage(props: {
  page: PageContext
  id?: number
  columns: { id: number; name: string; agencyName: string }[]
  values: Values
  policy: { id: number; title: string } | null
  attachments: { id: number; name: string; size: number }[]
  errors?: { field: string; message: string }[]
}) {
  const v = props.values
  const e = props.errors
  const agencies = new Set(props.columns.map((c) => c.agencyName))
  const heading = props.id ? '修改信息' : props.policy ? '起草政策解读' : '起草主动公开信息'
  return (
    <ConsoleLayout title={heading} page={props.page}>
      <h1>{heading}</h1>
      {props.policy ? (
        <p>
          所解读的政策文件：<a href={`/console/catalog/${props.policy.id}`}>{props.policy.title}</a>
        </p>
      ) : null}
      <Errors errors={e} />
      <form
        method="post"
        action={props.id ? `/console/catalog/${props.id}/edit` : '/console/catalog/new'}
        enctype="multipart/form-data"
        class="form draft-form"
      >
        <Csrf token={props.page.csrf} />
        {v.interpretsId ? <input type="hidden" name="interpretsId" value={v.interpretsId} /> : null}
        <Field id="title" label="标题" errors={e}>
          <input id="f-title" name="title" value={v.title ?? ''} required maxLength={300} />
        </Field>
        <Field id="columnId" label="栏目" errors={e}>
          <select id="f-columnId" name="columnId" required>
            <option value="">请选择栏目</option>
            {props.columns.map((c) => (
              <option key={c.id} value={c.id} selected={v.columnId === String(c.id)}>
                {agencies.size > 1 ? `${c.agencyName}：${c.name}` : c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="body"
          label="正文"
          hint="可直接输入文字（每行一段），也可粘贴带格式的内容（标题、列表、表格、链接）；保存时自动清除脚本和样式。"
          errors={e}
        >
          <textarea id="f-body" name="body" rows={14} aria-describedby="h-body">
            {v.body ?? ''}
          </textarea>
        </Field>
        <fieldset>
          <legend>目录元数据</legend>
          <Field id="docNo" label="文号" hint="如：榕房〔2026〕12号；没有文号的留空" errors={e}>
            <input id="f-docNo" name="docNo" value={v.docNo ?? ''} aria-describedby="h-docNo" />
          </Field>
          <Field id="formedOn" label="成文日期" errors={e}>
            <input id="f-formedOn" name="formedOn" type="date" value={v.formedOn ?? ''} required />
          </Field>
          <Field id="topic" label="主题分类" errors={e}>
            <input id="f-topic" name="topic" value={v.topic ?? ''} />
          </Field>
          <Field id="genre" label="组配分类（体裁）" hint="如：规范性文件、通知公告、政策解读" errors={e}>
            <input id="f-genre" name="genre" value={v.genre ?? ''} aria-describedby="h-genre" />
          </Field>
          <Field id="validity" label="有效性" errors={e}>
            <select id="f-validity" name="validity">
              <CodeOptions items={VALIDITIES} selected={v.validity} />
            </select>
          </Field>
          <Field id="disclosure" label="公开方式" errors={e}>
            <select id="f-disclosure" name="disclosure">
              <CodeOptions items={DISCLOSURES} selected={v.disclosure} />
            </select>
          </Field>
          <Field id="publisher" label="发布机构" errors={e}>
            <input id="f-publisher" name="publisher" value={v.publisher ?? ''} required />
          </Field>
          <Field id="source" label="信息来源" hint="起草处室或来源单位" errors={e}>
            <input id="f-source" name="source" value={v.source ?? ''} aria-describedby="h-source" />
          </Field>
          <Field id="art20" label="《条例》第二十条类别" errors={e}>
            <select id="f-art20" name="art20">
              <option value="">（不属于第二十条列举的类别）</option>
              <CodeOptions items={ART20_CATEGORIES} selected={v.art20} />
            </select>
          </Field>
          <label class="check">
            <input type="checkbox" name="major" value="1" checked={v.major === '1'} /> 重大事项（须经主要领导审定）
          </label>
          {v.interpretsId ? null : (
            <label class="check">
              <input
                type="checkbox"
                name="requiresInterpretation"
                value="1"
                checked={v.requiresInterpretation === '1'}
              />{' '}
              须与政策解读同步发布（保存后在本信息页面起草政策解读）
            </label>
          )}
        </fieldset>
        <Field id="file" label="附件" hint="PDF、Word、Excel、OFD、图片或 ZIP，每个不超过 20 MB；可多选" errors={e}>
          <input id="f-file" name="files" type="file" multiple aria-describedby="h-file" />
        </Field>
        {props.attachments.length ? (
          <ul class="attachments">
            {props.attachments.map((a) => (
              <li key={a.id}>
                已上传：{a.name}（{Math.max(1, Math.round(a.size / 1024))} KB）
              </li>
            ))}
          </ul>
        ) : null}
        <button type="submit">保存草稿</button>
      </form>
    </ConsoleLayout>
  )
}
