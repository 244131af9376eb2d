/** On the case page: staff attach the information the answer discloses (the applicant downloads it online). */
export function DisclosedUpload(props: { caseId: number; csrf: string; state: string }) {
  if (props.state === 'archived') return null
  return (
    <section aria-labelledby="disclosed-title">
      <h2 id="disclosed-title">公开的信息文件</h2>
      <p class="hint">
        上传答复中公开的政府信息（PDF、Word、Excel、OFD、JPEG、PNG，每个不超过20MB）。答复后，申请人凭查询码和申请时选择的验证方式在网上下载，首次下载之日记为送达日期。
      </p>
      <form
        method="post"
        action={`/console/applications/${props.caseId}/disclosed`}
        enctype="multipart/form-data"
        class="form"
      >
        <input type="hidden" name="_csrf" value={props.csrf} />
        <label for="disclosed-file">选择文件</label>
        <input id="disclosed-file" name="disclosed" type="file" multiple />
        <button type="submit">上传公开的信息文件</button>
      </form>
    </section>
  )
}
