import type { Letter } from '../../domain/letters/composeLetter.js'
import { formatDay } from '../../domain/letters/composeLetter.js'

/**
 * The printable letter (site.css prints it without the page frame); with `issued`, when it was issued and the SM3
 * digests of its text and DOCX, by which a printed or sent copy can be checked (decision 0033).
 */
export function LetterHtml(props: { letter: Letter; issued?: { issuedAt: string; textSm3: string; docxSm3: string } }) {
  const l = props.letter
  return (
    <article class="letter" aria-label={l.title}>
      <h2 class="letter-title">{l.title}</h2>
      <p class="letter-number">编号：{l.number}</p>
      {l.addressee ? <p>{l.addressee}</p> : null}
      {l.paragraphs.map((p, i) => (
        <p key={i} class="letter-body">
          {p}
        </p>
      ))}
      {l.remedies.map((p, i) => (
        <p key={`r${i}`} class="letter-body remedies">
          {p}
        </p>
      ))}
      <p class="letter-sign">{l.signer}</p>
      <p class="letter-sign">{formatDay(l.date)}</p>
      {props.issued ? (
        <p class="letter-issued hint">
          本文书于 {props.issued.issuedAt.slice(0, 10)} 出具并存档，此后不随模板修改而改变。正文 SM3：
          <code>{props.issued.textSm3}</code>；DOCX SM3：<code>{props.issued.docxSm3}</code>
        </p>
      ) : null}
    </article>
  )
}
