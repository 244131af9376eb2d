import type { Letter } from '../../domain/letters/composeLetter.js'
import { formatDay } from '../../domain/letters/composeLetter.js'

/** The printable letter (site.css prints it without the page frame). */
export function LetterHtml(props: { letter: Letter }) {
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
    </article>
  )
}
