import { CHANNELS } from '../../../domain/application/applicant.js'
import { isOutcomeCode, outcomeLabel } from '../../../domain/application/outcomes.js'
import { CASE_STATES } from '../../../domain/application/states.js'

export function stateText(code: string): string {
  return CASE_STATES.find((s) => s.code === code)?.label ?? code
}

export function channelText(code: string): string {
  return CHANNELS.find((c) => c.code === code)?.label ?? code
}

export function outcomeText(code: string | null): string {
  if (!code) return ''
  return isOutcomeCode(code) ? outcomeLabel(code) : code
}

/** A computed date with the 暂定 mark when it rests on a year nobody has entered yet. */
export function DueDay(props: { day: string | null; provisional: boolean }) {
  if (!props.day) return <span>—</span>
  return (
    <span>
      {props.day}
      {props.provisional ? (
        <span
          class="provisional"
          title="跨入尚未录入节假日安排的年份，暂按周末和法定节日（元旦、春节、清明、劳动节、端午、中秋、国庆）计算"
        >
          （暂定）
        </span>
      ) : null}
    </span>
  )
}
