import { TABLE3_ROWS_2019 } from './table3.js'
import type { TableFormat } from './types.js'

const PROJECT_COLUMNS = [
  { key: 'previousYear', label: '上一年项目数量' },
  { key: 'change', label: '本年增/减' },
  { key: 'decisions', label: '处理决定数量' },
] as const

/** 《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）: reports for 2019–2020. */
export const FORMAT_2019: TableFormat = {
  format: '2019',
  basis: '国办公开办函〔2019〕60号',
  title: '政府信息公开工作年度报告',
  proactive: [
    {
      key: 'art20_1',
      header: '第二十条第（一）项',
      columns: [
        { key: 'newlyMade', label: '本年新制作数量' },
        { key: 'newlyPublished', label: '本年新公开数量' },
        { key: 'total', label: '对外公开总数量' },
      ],
      rows: [
        { key: 'rules', label: '规章' },
        { key: 'normativeDocuments', label: '规范性文件' },
      ],
    },
    {
      key: 'art20_5',
      header: '第二十条第（五）项',
      columns: PROJECT_COLUMNS,
      rows: [
        { key: 'licensing', label: '行政许可' },
        { key: 'otherServices', label: '其他对外管理服务事项' },
      ],
    },
    {
      key: 'art20_6',
      header: '第二十条第（六）项',
      columns: PROJECT_COLUMNS,
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'enforcement', label: '行政强制' },
      ],
    },
    {
      key: 'art20_8',
      header: '第二十条第（八）项',
      columns: PROJECT_COLUMNS.slice(0, 2),
      rows: [{ key: 'fees', label: '行政事业性收费' }],
    },
    {
      key: 'art20_9',
      header: '第二十条第（九）项',
      columns: [
        { key: 'projects', label: '采购项目数量' },
        // the form prints no unit here (law-and-formats.md §0; issue 11): the seed's "（元）" is its own addition
        { key: 'amountYuan', label: '采购总金额' },
      ],
      rows: [{ key: 'procurement', label: '政府集中采购' }],
    },
  ],
  applicationRows: TABLE3_ROWS_2019,
  foldsOtherResults: true,
}
