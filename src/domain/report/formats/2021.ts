import { TABLE3_ROWS_2021 } from './table3.js'
import type { TableFormat } from './types.js'

const DECISIONS = [{ key: 'decisions', label: '本年处理决定数量' }] as const

/** 《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）: reports for 2021 on. */
export const FORMAT_2021: TableFormat = {
  format: '2021',
  basis: '国办公开办函〔2021〕30号',
  title: '政府信息公开工作年度报告',
  proactive: [
    {
      key: 'art20_1',
      header: '第二十条第（一）项',
      columns: [
        { key: 'issued', label: '本年制发件数' },
        { key: 'repealed', label: '本年废止件数' },
        { key: 'inForce', label: '现行有效件数' },
      ],
      rows: [
        { key: 'rules', label: '规章' },
        { key: 'normativeDocuments', label: '行政规范性文件' },
      ],
    },
    {
      key: 'art20_5',
      header: '第二十条第（五）项',
      columns: DECISIONS,
      rows: [{ key: 'licensing', label: '行政许可' }],
    },
    {
      key: 'art20_6',
      header: '第二十条第（六）项',
      columns: DECISIONS,
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'enforcement', label: '行政强制' },
      ],
    },
    {
      key: 'art20_8',
      header: '第二十条第（八）项',
      columns: [{ key: 'amountWan', label: '本年收费金额（单位：万元）' }],
      rows: [{ key: 'fees', label: '行政事业性收费' }],
    },
  ],
  applicationRows: TABLE3_ROWS_2021,
  foldsOtherResults: false,
}
