import type { AnsweredItem } from '../application/events.js'
import type { ItemResult } from '../application/outcomes.js'
import type { WithheldGround } from './withheldGrounds.js'
import { isWithheldGround, WITHHELD_GROUNDS } from './withheldGrounds.js'

const REG = '《中华人民共和国政府信息公开条例》'

/** 行政查询事项 and 第三十六条第（七）项 name the law that governs the query or the access. */
export function needsQueryLaw(result: ItemResult): boolean {
  return result === 'withheld.administrativeQuery' || result === 'specialLaw'
}

/** What an answer's form is missing for its letter to be complete (decision 0011), each naming the field. */
export function answerDetailProblems(d: {
  result: ItemResult
  withheldGround?: string | undefined
  responsibleName?: string | undefined
  queryLaw?: string | undefined
}): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = []
  // 第三十七条: the withheld part of a 部分公开 answer needs its own ground
  if (d.result === 'partiallyDisclosed' && !(d.withheldGround && isWithheldGround(d.withheldGround)))
    out.push({ field: 'withheldGround', message: '部分公开须选择不予公开部分的理由' })
  if (needsQueryLaw(d.result) && !d.queryLaw)
    out.push({ field: 'queryLaw', message: '请填写规定查询或获取途径的法律、行政法规名称及条款' })
  return out
}

/** An answer as a letter states it: the decision with its reasons (no final 。), and the articles it rests on. */
export interface Decision {
  sentence: string
  articles: string[]
}

const reg = (...articles: string[]) => articles.map((a) => (a.startsWith('《') ? a : `${REG}${a}`))

function withheld(ground: WithheldGround, queryLaw: string | undefined): { reason: string; articles: string[] } {
  const g = WITHHELD_GROUNDS[ground]
  if (ground !== 'withheld.administrativeQuery') return { reason: g.reason, articles: reg(...g.articles) }
  const law = queryLaw ?? '有关法律、行政法规'
  return { reason: `${g.reason}，应当依照${law}规定的途径查询`, articles: queryLaw ? [queryLaw] : [] }
}

/**
 * The decision a reply letter states for one item (《条例》第三十六条 and the articles each answer rests on):
 * never the bare row label, always what the agency decided and why. docs/decisions/0011-decisions-in-letters.md
 */
export function decisionOf(item: AnsweredItem): Decision {
  const r = item.result
  if (isWithheldGround(r)) {
    const w = withheld(r, item.queryLaw)
    // 第三十六条第（三）项：行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由
    return {
      sentence: `本机关决定不予公开。理由：您申请获取的政府信息${w.reason}`,
      articles: [...w.articles, ...reg('第三十六条第（三）项')],
    }
  }
  switch (r) {
    // 第三十六条第（二）项：所申请公开信息可以公开的，向申请人提供该政府信息，或者告知申请人获取该政府信息的方式、途径和时间
    case 'disclosed':
      return { sentence: '本机关决定予以公开', articles: reg('第三十六条第（二）项') }
    // 第三十七条：能够作区分处理的，应当向申请人提供可以公开的政府信息内容，并对不予公开的内容说明理由
    case 'partiallyDisclosed': {
      const part = item.withheldPart ? `其中「${item.withheldPart}」` : '其中不予公开的部分'
      if (!item.withheldGround || !isWithheldGround(item.withheldGround))
        return { sentence: `本机关决定部分公开：${part}不予公开，其余部分予以公开`, articles: reg('第三十七条') }
      const w = withheld(item.withheldGround, item.queryLaw)
      return {
        sentence: `本机关决定部分公开：${part}${w.reason}，不予公开；其余部分予以公开`,
        articles: [...reg('第三十七条'), ...w.articles, ...reg('第三十六条第（二）项', '第三十六条第（三）项')],
      }
    }
    // 第三十六条第（一）项：已经主动公开的，告知申请人获取该政府信息的方式、途径
    case 'alreadyPublic':
      return {
        sentence: '您申请获取的政府信息已经主动公开，本机关告知您获取的方式和途径',
        articles: reg('第三十六条第（一）项'),
      }
    // 第三十六条第（四）项：经检索没有所申请公开信息的，告知申请人该政府信息不存在
    case 'unableToProvide.notHeld':
      return {
        sentence: '经检索，本机关没有您申请公开的政府信息，该政府信息不存在',
        articles: reg('第三十六条第（四）项'),
      }
    // 第三十八条：需要行政机关对现有政府信息进行加工、分析的，行政机关可以不予提供
    case 'unableToProvide.needsCreation':
      return {
        sentence: '您申请的信息需要本机关对现有政府信息进行加工、分析后另行制作，本机关不予提供',
        articles: reg('第三十八条'),
      }
    // 第二十九条第二款、第三十条：申请内容应当明确；补正后仍不明确的，无法提供
    case 'unableToProvide.unclearAfterSupplement':
      return { sentence: '您补正后的申请内容仍不明确，本机关无法提供', articles: reg('第二十九条第二款', '第三十条') }
    // 第三十六条第（五）项：不属于本机关负责公开的，告知并说明理由；能够确定的，告知负责机关的名称、联系方式
    case 'notThisAgency': {
      const who = item.responsibleAgency
      const tail = who
        ? `。负责公开该政府信息的行政机关为${who.name}${who.contact ? `，联系方式：${who.contact}` : ''}`
        : '，本机关不能确定负责公开该政府信息的行政机关'
      return { sentence: `您申请公开的政府信息不属于本机关负责公开${tail}`, articles: reg('第三十六条第（五）项') }
    }
    // 第三十九条第一款：以政府信息公开申请的形式进行信访、投诉、举报等活动的，告知不作为政府信息公开申请处理
    case 'notProcessed.petitionOrComplaint':
      return {
        sentence:
          '您的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理' +
          (item.channel ? `，您可以通过${item.channel}提出` : ''),
        articles: reg('第三十九条第一款'),
      }
    // 第三十六条第（六）项：已就申请作出答复、申请人重复申请公开相同政府信息的，告知不予重复处理
    case 'notProcessed.duplicate':
      return {
        sentence: '本机关已就您提出的公开相同政府信息的申请作出答复，对您的重复申请不予重复处理',
        articles: reg('第三十六条第（六）项'),
      }
    // 第三十九条第二款：要求提供公开出版物的，可以告知获取的途径
    case 'notProcessed.publication':
      return {
        sentence:
          '您申请提供的是政府公报、报刊、书籍等公开出版物，本机关不作为政府信息公开申请处理，并告知您获取的途径',
        articles: reg('第三十九条第二款'),
      }
    // 第三十五条：申请数量、频次明显超过合理范围，说明理由不合理的，告知不予处理
    case 'notProcessed.excessiveRepeated':
      return {
        sentence: '您的申请数量、频次明显超过合理范围，经本机关要求说明理由，理由不合理，本机关不予处理',
        articles: reg('第三十五条'),
      }
    case 'notProcessed.confirmOrReissue':
      return {
        sentence: '您要求本机关确认或者重新出具已经获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理',
        articles: reg('第三十九条'),
      }
    // 第三十条：无正当理由逾期不补正的，视为放弃申请，行政机关不再处理
    case 'other.noSupplement':
      return {
        sentence: '您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请',
        articles: reg('第三十条'),
      }
    // 第四十二条 and 国办函〔2020〕109号: the fee notice went unpaid within 20 working days of receipt
    case 'other.unpaidFee':
      return {
        sentence: '您逾期未按收费通知要求缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请',
        articles: [...reg('第四十二条'), '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）'],
      }
    // 第三十六条第（七）项：工商、不动产登记资料等有特别规定的，告知申请人依照有关法律、行政法规的规定办理
    case 'specialLaw': {
      const law = item.queryLaw ?? '有关法律、行政法规'
      return {
        sentence: `您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定，请依照${law}的规定办理`,
        articles: [...(item.queryLaw ? [item.queryLaw] : []), ...reg('第三十六条第（七）项')],
      }
    }
    case 'other.other':
      return { sentence: '本机关对您的申请作如下处理', articles: reg('第三十六条') }
  }
  return { sentence: '本机关对您的申请作如下处理', articles: reg('第三十六条') }
}
