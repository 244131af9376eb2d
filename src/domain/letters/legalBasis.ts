import type { ItemResult } from '../application/outcomes.js'

/** How the applicant obtains the information, by answer. */
export function howToObtain(result: ItemResult, delivery: string): string {
  if (result === 'disclosed' || result === 'partiallyDisclosed') {
    const way =
      delivery === 'paper'
        ? '以纸质形式邮寄'
        : delivery === 'pickup'
          ? '请持本答复书到本机关政务公开办领取'
          : '以电子形式发送'
    return `获取方式：所申请公开的信息随本答复书${way}。`
  }
  if (result === 'alreadyPublic') return '获取方式：该信息已主动公开，可在本机关政府信息公开专栏查阅。'
  return ''
}
