import type { EventOf } from '../application/events.js'

/**
 * 《条例》第四十一条：有权更正的行政机关审核属实的，应当予以更正并告知申请人；不属于本行政机关职能范围的，行政机关可以
 * 转送有权更正的行政机关处理并告知申请人，或者告知申请人向有权更正的行政机关提出. The decision a correction answer states.
 */
export function correctionDecision(e: Pick<EventOf<'correctionAnswered'>, 'result' | 'to'>): string {
  const to = e.to ?? '有权更正的行政机关'
  switch (e.result) {
    case 'corrected':
      return '经审核，您提出的更正申请属实，本机关已予以更正'
    case 'notVerified':
      return '经审核，您提供的证据不能证明本机关提供的与您自身相关的政府信息记录不准确，本机关不予更正'
    case 'transferred':
      return `该政府信息记录的更正不属于本机关职能范围，本机关已将您的申请转送有权更正的${to}处理`
    case 'referred':
      return `该政府信息记录的更正不属于本机关职能范围，请您向有权更正的${to}提出`
  }
}
