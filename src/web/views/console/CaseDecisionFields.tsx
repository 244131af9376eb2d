import { WITHHELD_GROUNDS } from '../../../domain/letters/withheldGrounds.js'
import { isOutcomeCode, outcomeLabel } from '../../../domain/application/outcomes.js'

function Field(props: { id: string; label: string; children: preact.ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
    </div>
  )
}

/**
 * What the answer letter must state besides the result (decision 0011): the ground of a 部分公开 answer's withheld part
 * (第三十七条), the responsible agency of a 第三十六条第（五）项 answer, the law of a 行政查询事项 or 第三十六条第（七）项
 * answer, the channel for a 第三十九条第一款 one. The service names the field that is missing.
 */
export function AnswerDetailFields() {
  return (
    <fieldset class="answer-detail">
      <legend>答复书须载明的事项（按处理结果填写）</legend>
      <Field id="ans-ground" label="部分公开：不予公开部分的理由（第三十七条）">
        <select id="ans-ground" name="withheldGround">
          <option value="">（不适用）</option>
          {Object.keys(WITHHELD_GROUNDS)
            .filter(isOutcomeCode)
            .map((code) => (
              <option key={code} value={code}>
                {outcomeLabel(code)}
              </option>
            ))}
        </select>
      </Field>
      <Field id="ans-part" label="部分公开：不予公开的部分">
        <input id="ans-part" name="withheldPart" />
      </Field>
      <Field id="ans-resp-name" label="不属于本机关公开：负责公开的行政机关名称（第三十六条第（五）项）">
        <input id="ans-resp-name" name="responsibleName" />
      </Field>
      <Field id="ans-resp-contact" label="不属于本机关公开：该机关联系方式">
        <input id="ans-resp-contact" name="responsibleContact" />
      </Field>
      <Field id="ans-law" label="行政查询事项或第三十六条第（七）项：规定查询、获取途径的法律法规及条款">
        <input id="ans-law" name="queryLaw" />
      </Field>
      <Field id="ans-channel" label="信访、投诉、举报类：可以提出的渠道（第三十九条第一款）">
        <input id="ans-channel" name="channel" />
      </Field>
    </fieldset>
  )
}

/** 第三十二条: the third party's answer, kept with the consultation. */
export function ConsultationPositionField() {
  return (
    <Field id="ce-position" label="第三方意见（第三十二条）">
      <select id="ce-position" name="position">
        <option value="">（征求其他机关意见时不填）</option>
        <option value="agrees">同意公开</option>
        <option value="objects">不同意公开</option>
        <option value="noReply">逾期未提出意见</option>
      </select>
    </Field>
  )
}

/** 第三十二条: disclosing over the objection in the public interest; the notice letter states content and reason. */
export function ThirdPartyNoticeFields(props: { parties: string[] }) {
  return (
    <>
      <Field id="tpn-with" label="第三方">
        <select id="tpn-with" name="with">
          {props.parties.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </Field>
      <Field id="tpn-content" label="决定公开的政府信息内容">
        <textarea id="tpn-content" name="content" required />
      </Field>
      <Field id="tpn-reason" label="决定公开的理由（不公开可能对公共利益造成重大影响）">
        <textarea id="tpn-reason" name="reason" required />
      </Field>
    </>
  )
}

/** 第四十一条: a request to correct the agency's record about the applicant. */
export function CorrectionRequestFields() {
  return (
    <Field id="cr-request" label="要求更正的内容及所附证据">
      <textarea id="cr-request" name="request" required />
    </Field>
  )
}

/** 第四十一条: corrected, not verified, transferred, or the applicant told where to ask. */
export function CorrectionAnswerFields() {
  return (
    <>
      <Field id="ca-result" label="处理结果">
        <select id="ca-result" name="result">
          <option value="corrected">审核属实，予以更正</option>
          <option value="notVerified">审核不属实，不予更正</option>
          <option value="transferred">不属于本机关职能范围，转送有权更正的机关</option>
          <option value="referred">不属于本机关职能范围，告知向有权更正的机关提出</option>
        </select>
      </Field>
      <Field id="ca-to" label="有权更正的行政机关（转送或告知时填写）">
        <input id="ca-to" name="to" />
      </Field>
      <Field id="ca-text" label="答复内容">
        <textarea id="ca-text" name="text" required />
      </Field>
    </>
  )
}
