import type { ItemResult } from '../application/outcomes.js'

/** The article of the Regulations each answer rests on (《中华人民共和国政府信息公开条例》). */
export const LEGAL_BASIS: Record<ItemResult, string> = {
  disclosed: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
  partiallyDisclosed: '《中华人民共和国政府信息公开条例》第三十七条',
  'withheld.stateSecret': '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
  'withheld.prohibitedByLaw': '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
  'withheld.securityStability': '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
  'withheld.thirdPartyRights': '《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项',
  'withheld.internalAffairs': '《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项',
  'withheld.processInformation': '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项',
  'withheld.enforcementFiles': '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项',
  'withheld.administrativeQuery': '《中华人民共和国政府信息公开条例》第三十六条第（三）项',
  'unableToProvide.notHeld': '《中华人民共和国政府信息公开条例》第三十六条第（四）项',
  'unableToProvide.needsCreation': '《中华人民共和国政府信息公开条例》第三十八条',
  'unableToProvide.unclearAfterSupplement': '《中华人民共和国政府信息公开条例》第三十条',
  'notProcessed.petitionOrComplaint': '《中华人民共和国政府信息公开条例》第三十九条第一款',
  'notProcessed.duplicate': '《中华人民共和国政府信息公开条例》第三十六条第（六）项',
  'notProcessed.publication': '《中华人民共和国政府信息公开条例》第三十九条第二款',
  'notProcessed.excessiveRepeated': '《中华人民共和国政府信息公开条例》第三十五条',
  'notProcessed.confirmOrReissue': '《中华人民共和国政府信息公开条例》第三十九条',
  'other.noSupplement': '《中华人民共和国政府信息公开条例》第三十条',
  'other.unpaidFee': '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  'other.other': '《中华人民共和国政府信息公开条例》第三十六条',
  alreadyPublic: '《中华人民共和国政府信息公开条例》第三十六条第（一）项',
  notThisAgency: '《中华人民共和国政府信息公开条例》第三十六条第（五）项',
  specialLaw: '《中华人民共和国政府信息公开条例》第三十六条第（七）项',
}

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
