// 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第三条至第五条: two methods, both 超额累进;
// the agency picks one per application, never both.

/** 第四条 按件计收: the rate (元/件) of the k-th application of one applicant in one calendar month. */
export function rateOfNthApplication(k: number): number {
  if (k <= 10) return 0
  if (k <= 30) return 100
  // 31–40: 200, 41–50: 300, … (每增加10件，标准提高100元/件)
  return 100 * (2 + Math.floor((k - 31) / 10))
}

/**
 * 按件计收: the fee of an application counted as `items` 件, when the applicant already had `earlierThisMonth`
 * counted in the same 自然月.
 * @example feeByCount(10, 1) → 100 (the 11th 件 of the month); feeByCount(0, 10) → 0
 */
export function feeByCount(earlierThisMonth: number, items = 1): number {
  let total = 0
  for (let k = earlierThisMonth + 1; k <= earlierThisMonth + items; k++) total += rateOfNthApplication(k)
  return total
}

/** 第五条 按量计收: per application, by pages: ≤30 free; 31–100 10元/页; 101–200 20元/页; ≥201 40元/页. */
export function feeByPages(pages: number): number {
  const bands: [from: number, to: number, rate: number][] = [
    [31, 100, 10],
    [101, 200, 20],
    [201, Number.POSITIVE_INFINITY, 40],
  ]
  let total = 0
  for (const [from, to, rate] of bands) {
    if (pages >= from) total += (Math.min(pages, to) - from + 1) * rate
  }
  return total
}

export type FeeMethod = 'byCount' | 'byPages'

export interface FeeQuote {
  method: FeeMethod
  amountYuan: number
  basis: string
}

export function quoteFee(
  method: FeeMethod,
  n: { earlierThisMonth?: number; items?: number; pages?: number },
): FeeQuote {
  if (method === 'byCount') {
    const earlier = n.earlierThisMonth ?? 0
    const items = n.items ?? 1
    return {
      method,
      amountYuan: feeByCount(earlier, items),
      basis: `按件计收：申请人本自然月此前已计 ${earlier} 件，本申请计 ${items} 件（《政府信息公开信息处理费管理办法》第四条）`,
    }
  }
  const pages = n.pages ?? 0
  return {
    method,
    amountYuan: feeByPages(pages),
    basis: `按量计收：共 ${pages} 页（《政府信息公开信息处理费管理办法》第五条）`,
  }
}
