import type { HeldData } from '../../../services/applicantRights/heldData.js'
import type { PageContext } from '../console/ConsoleLayout.js'
import { ConsoleLayout } from '../console/ConsoleLayout.js'
import { HeldDataSections } from './HeldDataParts.js'

/** The printable copy of everything held about a case's applicant, for staff to hand over (audited). */
export function StaffHeldDataPage(props: { page: PageContext; id: number; h: HeldData }) {
  return (
    <ConsoleLayout title={`申请人个人信息 - ${props.h.caseRef}`} page={props.page}>
      <p>
        <a href={`/console/applications/${props.id}`}>返回案件</a> ›{' '}
        <a href={`/console/applications/${props.id}/personal-data.json`} download>
          下载 JSON
        </a>
      </p>
      <h1>申请人个人信息（{props.h.caseRef}）</h1>
      <p class="hint">本页内容完整显示，供申请人查阅、复制；每次查看和下载均记入审计日志。可用浏览器打印。</p>
      <HeldDataSections h={props.h} full />
    </ConsoleLayout>
  )
}
