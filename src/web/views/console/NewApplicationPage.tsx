import { APPLICANT_KINDS, CHANNELS } from '../../../domain/application/applicant.js'
import type { PageContext } from './ConsoleLayout.js'
import { ConsoleLayout, Csrf, Errors } from './ConsoleLayout.js'
import { CodeOptions } from '../CodeOptions.js'
import type { RegistrationForm } from '../../../services/cases/registerCase.js'

export function NewApplicationPage(props: {
  page: PageContext
  agencies: { id: number; name: string }[]
  today: string
  values?: Partial<RegistrationForm>
  errors?: { field: string; message: string }[]
}) {
  const v = props.values ?? {}
  return (
    <ConsoleLayout title="登记申请" page={props.page}>
      <h1>登记申请</h1>
      <p>信函、当面、传真等方式收到的申请在此登记；网上申请由申请人在线提交，自动登记。</p>
      <Errors errors={props.errors} />
      <form method="post" action="/console/applications/new" class="form">
        <Csrf token={props.page.csrf} />
        <label for="agencyId">机关</label>
        <select id="agencyId" name="agencyId">
          {props.agencies.map((a) => (
            <option key={a.id} value={a.id} selected={v.agencyId === String(a.id)}>
              {a.name}
            </option>
          ))}
        </select>
        <label for="channel">申请方式</label>
        <select id="channel" name="channel">
          <CodeOptions items={CHANNELS.filter((c) => c.code !== 'online')} selected={v.channel ?? 'letter'} />
        </select>
        <label for="receivedOn">收到日期（信函为签收之日，《条例》第三十一条）</label>
        <input id="receivedOn" name="receivedOn" type="date" value={v.receivedOn ?? props.today} required />
        <label for="applicantKind">申请人类型</label>
        <select id="applicantKind" name="applicantKind">
          <CodeOptions items={APPLICANT_KINDS} selected={v.applicantKind} />
        </select>
        <label for="applicantName">申请人姓名或名称</label>
        <input id="applicantName" name="applicantName" value={v.applicantName ?? ''} required />
        <label for="phone">联系电话</label>
        <input id="phone" name="phone" value={v.phone ?? ''} />
        <label for="address">通信地址</label>
        <input id="address" name="address" value={v.address ?? ''} />
        <label for="description">所需政府信息的描述</label>
        <textarea id="description" name="description" required>
          {v.description ?? ''}
        </textarea>
        <button type="submit">登记</button>
      </form>
    </ConsoleLayout>
  )
}
