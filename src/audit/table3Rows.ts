// Table 三's rows as the parser knows them: the model path, the printed name, the label text that names
// the row (normalised labels, see normalize.ts); and the model's table built from the rows read.
import { tableFormat } from '../domain/report/formats/index.js'
import type { ApplicationsTable, Row7 } from '../domain/report/model.js'

/** cells in a row of table 三 */
export const N = 7

/** Row paths of the model with the label text that names them. */
export const TABLE3_ROWS: readonly { path: string; name: string; pattern: RegExp }[] = [
  { path: 'newReceived', name: '一、本年新收', pattern: /本年新收/g },
  { path: 'carriedOver', name: '二、上年结转', pattern: /上年结转/g },
  { path: 'results.disclosed', name: '（一）予以公开', pattern: /(?<!不)予以公开/g },
  { path: 'results.partiallyDisclosed', name: '（二）部分公开', pattern: /部分公开/g },
  { path: 'results.withheld.stateSecret', name: '属于国家秘密', pattern: /国家秘密/g },
  { path: 'results.withheld.prohibitedByLaw', name: '其他法律行政法规禁止公开', pattern: /法律行政法规禁止/g },
  { path: 'results.withheld.securityStability', name: '危及“三安全一稳定”', pattern: /三安全一稳定|危及"?三安全/g },
  { path: 'results.withheld.thirdPartyRights', name: '保护第三方合法权益', pattern: /第三方合法权益|保护第三方/g },
  { path: 'results.withheld.internalAffairs', name: '属于三类内部事务信息', pattern: /内部事务/g },
  { path: 'results.withheld.processInformation', name: '属于四类过程性信息', pattern: /过程性信息/g },
  { path: 'results.withheld.enforcementFiles', name: '属于行政执法案卷', pattern: /执法案卷/g },
  { path: 'results.withheld.administrativeQuery', name: '属于行政查询事项', pattern: /行政查询/g },
  { path: 'results.unableToProvide.notHeld', name: '本机关不掌握相关政府信息', pattern: /不掌握/g },
  {
    path: 'results.unableToProvide.needsCreation',
    name: '没有现成信息需要另行制作',
    pattern: /另行制作|没有现成信息/g,
  },
  {
    path: 'results.unableToProvide.unclearAfterSupplement',
    name: '补正后申请内容仍不明确',
    pattern: /补正后|仍不明确/g,
  },
  { path: 'results.notProcessed.petitionOrComplaint', name: '信访举报投诉类申请', pattern: /信访|举报投诉/g },
  { path: 'results.notProcessed.duplicate', name: '重复申请', pattern: /重复申请/g },
  { path: 'results.notProcessed.publication', name: '要求提供公开出版物', pattern: /公开出版物/g },
  { path: 'results.notProcessed.excessiveRepeated', name: '无正当理由大量反复申请', pattern: /大量反复/g },
  {
    path: 'results.notProcessed.confirmOrReissue',
    name: '要求行政机关确认或重新出具已获取信息',
    pattern: /重新出具|确认或重新/g,
  },
  { path: 'results.other.noSupplement', name: '逾期不补正', pattern: /逾期不补正|不补正/g },
  { path: 'results.other.unpaidFee', name: '逾期未缴纳费用', pattern: /缴纳费用|收费通知/g },
  { path: 'results.other.other', name: '（六）其他处理', pattern: /(?:其他处理|(?:^|[\d.、)])其他)$/g },
  { path: 'results.total', name: '（七）总计', pattern: /(?:^|[)七、.])总计$/g },
  { path: 'carriedForward', name: '四、结转下年度继续办理', pattern: /结转下年度/g },
]

/** The model's table from the rows read; a row not read is all null. */
export function tableOf(rows: Map<string, Row7>, shape: '2021' | '2019' | undefined): ApplicationsTable {
  const r = (p: string): Row7 => rows.get(p) ?? Array<null>(N).fill(null)
  const other: ApplicationsTable['results']['other'] =
    shape !== undefined && tableFormat(shape).foldsOtherResults
      ? { other: r('results.other.other') }
      : {
          noSupplement: r('results.other.noSupplement'),
          unpaidFee: r('results.other.unpaidFee'),
          other: r('results.other.other'),
        }
  return {
    columns: ['naturalPerson', 'commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg', 'total'],
    newReceived: r('newReceived'),
    carriedOver: r('carriedOver'),
    results: {
      disclosed: r('results.disclosed'),
      partiallyDisclosed: r('results.partiallyDisclosed'),
      withheld: {
        stateSecret: r('results.withheld.stateSecret'),
        prohibitedByLaw: r('results.withheld.prohibitedByLaw'),
        securityStability: r('results.withheld.securityStability'),
        thirdPartyRights: r('results.withheld.thirdPartyRights'),
        internalAffairs: r('results.withheld.internalAffairs'),
        processInformation: r('results.withheld.processInformation'),
        enforcementFiles: r('results.withheld.enforcementFiles'),
        administrativeQuery: r('results.withheld.administrativeQuery'),
      },
      unableToProvide: {
        notHeld: r('results.unableToProvide.notHeld'),
        needsCreation: r('results.unableToProvide.needsCreation'),
        unclearAfterSupplement: r('results.unableToProvide.unclearAfterSupplement'),
      },
      notProcessed: {
        petitionOrComplaint: r('results.notProcessed.petitionOrComplaint'),
        duplicate: r('results.notProcessed.duplicate'),
        publication: r('results.notProcessed.publication'),
        excessiveRepeated: r('results.notProcessed.excessiveRepeated'),
        confirmOrReissue: r('results.notProcessed.confirmOrReissue'),
      },
      other,
      total: r('results.total'),
    },
    carriedForward: r('carriedForward'),
  }
}
