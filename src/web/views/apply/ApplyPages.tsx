import type { ComponentChildren } from 'preact'
import { APPLICANT_KINDS } from '../../../domain/application/applicant.js'
import { Layout } from '../Layout.js'
import { DELIVERIES, ID_TYPES, SECOND_FACTORS } from '../../../services/cases/publicApplication.js'
import { CodeOptions } from '../CodeOptions.js'

type Problems = { field: string; message: string }[]

function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />
}

function ErrorList(props: { errors?: Problems }) {
  if (!props.errors?.length) return null
  return (
    <div class="errors" role="alert" id="form-errors">
      <p>提交未成功，请修改以下问题：</p>
      <ul>
        {props.errors.map((e) => (
          <li key={e.field + e.message}>
            <a href={`#f-${e.field.split('.')[0]}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

function F(props: { name: string; label: string; hint?: string; errors?: Problems; children: ComponentChildren }) {
  const err = props.errors?.find((e) => e.field === props.name)
  return (
    <div class={err ? 'field has-error' : 'field'}>
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`h-${props.name}`}>
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {err ? (
        <p class="field-error" id={`e-${props.name}`}>
          {err.message}
        </p>
      ) : null}
    </div>
  )
}

/** 申请须知 and how personal data is used (个人信息保护法第十七条: purpose, way, kinds, retention, rights). */
function ApplyNotice() {
  return (
    <div class="notice" id="apply-notice">
      <h2>申请须知</h2>
      <ol>
        <li>
          申请获取政府信息，应当写明所需信息的名称、文号或者便于查询的其他特征性描述；内容不明确的，行政机关将一次性告知您补正的事项和期限（《条例》第三十条）。
        </li>
        <li>
          网上申请以双方确认之日为收到申请之日；非工作日或下班时间提交的，以下一工作日为收到日期（《条例》第三十一条）。
        </li>
        <li>
          行政机关自收到申请之日起20个工作日内答复；需要延长的，经批准可延长不超过20个工作日（《条例》第三十三条）。
        </li>
        <li>
          申请公开的信息已经主动公开的，可先在本平台<a href="/search">信息检索</a>
          中查找。申请数量、频次明显超过合理范围的，可能依《政府信息公开信息处理费管理办法》收取信息处理费。
        </li>
        <li>
          各机关的办公地址、电话、申请渠道等见各机关“政府信息公开指南”（在<a href="/">首页</a>
          选择机关后进入）。
        </li>
      </ol>
      <h2>个人信息的使用</h2>
      <p>
        您填写的姓名（名称）、证件号码、联系方式和上传的证明材料，仅用于核实申请人身份、办理本申请、向您送达告知书和答复以及依法统计，不用于其他目的；只有办理本申请的工作人员可以查看，每次查看附件均有记录。我们只按您留下的电子邮箱或手机号码通知您，通知中只有查询码、日期和办理环节，不含您的姓名、证件号码等信息。申请材料依档案管理规定保存。您可以向受理机关查询、更正您的个人信息。
      </p>
    </div>
  )
}

export function ApplyFormPage(props: {
  csrf: string
  agencies: { code: string; name: string }[]
  values?: Record<string, string>
  errors?: Problems
}) {
  const v = props.values ?? {}
  const e = props.errors
  const input = (name: string, attrs: Record<string, unknown> = {}) => (
    <input
      id={`f-${name}`}
      name={name}
      value={v[name] ?? ''}
      aria-invalid={e?.some((x) => x.field === name) ? 'true' : undefined}
      {...attrs}
    />
  )
  return (
    <Layout title="在线申请政府信息公开">
      <link rel="stylesheet" href="/assets/apply.css" />
      <h1>在线申请政府信息公开</h1>
      <p>
        依据《中华人民共和国政府信息公开条例》第二十九条，请如实填写以下内容。提交成功后，您将获得查询码，可凭查询码查看办理进度和答复。
      </p>
      <ApplyNotice />
      <ErrorList errors={e} />
      <form method="post" action="/apply" enctype="multipart/form-data" class="form apply-form" novalidate>
        <Csrf token={props.csrf} />
        <F name="agency" label="受理机关" errors={e}>
          <select id="f-agency" name="agency">
            {props.agencies.map((a) => (
              <option key={a.code} value={a.code} selected={v.agency === a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </F>
        <fieldset>
          <legend>申请人类型</legend>
          {APPLICANT_KINDS.map((k) => (
            <label key={k.code} class="check">
              <input
                type="radio"
                name="applicantKind"
                value={k.code}
                checked={(v.applicantKind ?? 'naturalPerson') === k.code}
              />{' '}
              {k.code === 'naturalPerson' ? '公民（自然人）' : `法人或其他组织：${k.label}`}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>公民填写</legend>
          <F name="name" label="姓名" errors={e}>
            {input('name', { autocomplete: 'name' })}
          </F>
          <F name="idType" label="身份证件类型" errors={e}>
            <select id="f-idType" name="idType">
              <CodeOptions items={ID_TYPES} selected={v.idType} />
            </select>
          </F>
          <F name="idNumber" label="身份证件号码" errors={e}>
            {input('idNumber')}
          </F>
        </fieldset>
        <fieldset>
          <legend>法人或其他组织填写</legend>
          <F name="orgName" label="单位名称" errors={e}>
            {input('orgName', { autocomplete: 'organization' })}
          </F>
          <F name="orgCode" label="统一社会信用代码" errors={e}>
            {input('orgCode')}
          </F>
          <F name="legalRepresentative" label="法定代表人或负责人" errors={e}>
            {input('legalRepresentative')}
          </F>
          <F name="contactName" label="联系人" errors={e}>
            {input('contactName')}
          </F>
        </fieldset>
        <fieldset>
          <legend>联系方式</legend>
          <F name="phone" label="联系电话" errors={e}>
            {input('phone', { type: 'tel', autocomplete: 'tel' })}
          </F>
          <F name="email" label="电子邮箱" hint="选择电子邮件获取时必填" errors={e}>
            {input('email', { type: 'email', autocomplete: 'email', 'aria-describedby': 'h-email' })}
          </F>
          <F name="address" label="通信地址" hint="选择邮寄时必填" errors={e}>
            {input('address', { autocomplete: 'street-address', 'aria-describedby': 'h-address' })}
          </F>
          <F name="postalCode" label="邮政编码" errors={e}>
            {input('postalCode', { inputmode: 'numeric', autocomplete: 'postal-code' })}
          </F>
        </fieldset>
        <fieldset>
          <legend>所需政府信息</legend>
          <F
            name="description"
            label="所需政府信息的名称或描述"
            hint="请写明信息名称、文号，或便于查询的其他特征（如时间、地点、事项）"
            errors={e}
          >
            <textarea id="f-description" name="description" rows={6} aria-describedby="h-description">
              {v.description ?? ''}
            </textarea>
          </F>
          <F name="documentNumber" label="文号（如知道）" errors={e}>
            {input('documentNumber')}
          </F>
          <F name="format" label="信息的形式" errors={e}>
            <select id="f-format" name="format">
              <option value="electronic" selected={v.format !== 'paper'}>
                电子文档
              </option>
              <option value="paper" selected={v.format === 'paper'}>
                纸质文本
              </option>
            </select>
          </F>
          <F name="delivery" label="获取信息的方式" errors={e}>
            <select id="f-delivery" name="delivery">
              <CodeOptions items={DELIVERIES} selected={v.delivery} />
            </select>
          </F>
        </fieldset>
        <fieldset>
          <legend>查看答复中的文件时的身份验证</legend>
          <F
            name="secondFactor"
            label="下载公开的信息文件时，除查询码外的验证方式"
            hint="选择验证码的，须填写对应的电子邮箱或11位手机号码"
            errors={e}
          >
            <select id="f-secondFactor" name="secondFactor" aria-describedby="h-secondFactor">
              <CodeOptions items={SECOND_FACTORS} selected={v.secondFactor} />
            </select>
          </F>
        </fieldset>
        <fieldset>
          <legend>身份证明材料（PDF、JPEG 或 PNG，每个不超过5MB，最多3个）</legend>
          <F name="idProof" label="身份证明（身份证件或营业执照等）" errors={e}>
            <input
              id="f-idProof"
              name="idProof"
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            />
          </F>
          <F name="attachment" label="其他材料（可选）" errors={e}>
            <input
              id="f-attachment"
              name="attachment"
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            />
          </F>
        </fieldset>
        <button type="submit">提交申请</button>
      </form>
      <p>
        已提交过申请？<a href="/apply/status">凭查询码查询办理进度</a>
      </p>
    </Layout>
  )
}
