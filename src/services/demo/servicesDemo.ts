import { calendarDay } from '../../domain/calendar/calendarDay.js'
import { SERVICE_ITEM_KINDS } from '../../domain/serviceItems/kinds.js'
import type { ServiceItemKind } from '../../domain/serviceItems/kinds.js'
import { findAgencyByCode } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { listPools } from '../../store/inspectionRepo.js'
import { countServiceItemsByKind } from '../../store/serviceItemRepo.js'
import { systemActor } from '../actor.js'
import { announceDraw, makeDraw, recordInspectionResult } from '../inspections/draws.js'
import { publishedDraw } from '../inspections/inspectionPages.js'
import { saveInspectionItem, savePoolFromText } from '../inspections/manageInspections.js'
import { importServiceItems } from '../serviceItems/importServiceItems.js'

// The demo of issue 18. 衢州's 2020 report gives only the COUNTS of its 政务服务事项 by kind (行政许可28、其他行政
// 权力22、行政征收5、行政确认3、行政奖励2、公共服务1); the item NAMES, codes and guide texts below are INVENTED,
// plausible for a municipal housing bureau, not the bureau's real list. 福州's report says its 2020 random
// inspections reached at least 5 % of each supervised sector in at least 3 rounds; its items, pools, entities and
// inspectors below are invented too (names and codes are fictitious).

const QUZHOU_ITEMS: Record<ServiceItemKind, string[]> = {
  licensing: [
    '建筑工程施工许可证核发',
    '建设工程消防设计审查',
    '建设工程消防验收',
    '商品房预售许可',
    '建筑业企业资质核准（施工总承包）',
    '建筑业企业资质核准（专业承包）',
    '工程监理企业资质核准',
    '建设工程勘察设计企业资质核准',
    '房地产开发企业资质核定（二级及以下）',
    '燃气经营许可证核发',
    '改动市政燃气设施审批',
    '城镇污水排入排水管网许可',
    '拆除、改动城镇排水与污水处理设施审核',
    '城市建筑垃圾处置核准',
    '临时占用城市绿地审批',
    '砍伐城市树木审批',
    '迁移古树名木审批',
    '改变绿化规划、绿化用地使用性质审批',
    '占用、挖掘城市道路审批',
    '依附于城市道路建设各种管线、杆线等设施审批',
    '在城市桥梁上架设各类市政管线审批',
    '特殊车辆在城市道路上行驶审批',
    '设置大型户外广告审批',
    '从事城市生活垃圾经营性清扫、收集、运输、处理服务审批',
    '关闭、闲置、拆除城市环境卫生设施审批',
    '建筑施工企业安全生产许可证核发',
    '建筑施工特种作业人员操作资格证核发',
    '风景名胜区内建设活动审批',
  ],
  otherPower: [
    '房屋建筑和市政基础设施工程竣工验收备案',
    '建设工程消防验收备案',
    '施工图设计文件审查情况备案',
    '建设工程施工合同备案',
    '建设工程招标投标情况书面报告备案',
    '商品房买卖合同网签备案',
    '房屋租赁登记备案',
    '前期物业服务合同备案',
    '业主大会和业主委员会备案',
    '住宅专项维修资金使用备案',
    '建筑起重机械产权备案',
    '建筑起重机械使用登记',
    '房地产经纪机构备案',
    '房地产估价机构分支机构备案',
    '外地建筑业企业进衢承接业务信息登记',
    '工程造价咨询企业分支机构备案',
    '建设工程质量检测机构备案',
    '城市供水单位备案',
    '燃气燃烧器具安装维修企业备案',
    '人民防空工程竣工验收备案',
    '建设工程安全监督备案',
    '建设工程质量监督登记',
  ],
  levy: [
    '城市基础设施配套费征收',
    '防空地下室易地建设费征收',
    '污水处理费征收',
    '城市道路占用、挖掘修复费征收',
    '生活垃圾处理费征收',
  ],
  confirmation: ['城镇住房保障家庭资格确认', '房屋完损等级评定', '建筑施工企业安全生产管理人员考核确认'],
  reward: ['对举报违反建筑市场管理行为的奖励', '市级优质工程评选奖励'],
  publicService: ['住房城乡建设领域政策咨询服务'],
  penalty: [],
  enforcement: [],
  payment: [],
  inspection: [],
  adjudication: [],
}

const KIND_PREFIX: Partial<Record<ServiceItemKind, string>> = {
  licensing: 'XK',
  otherPower: 'QT',
  levy: 'ZS',
  confirmation: 'QR',
  reward: 'JL',
  publicService: 'GF',
}

const HEADER = [
  '事项编码',
  '事项名称',
  '事项类型',
  '实施主体',
  '设定依据',
  '申请条件',
  '申报材料',
  '办理流程',
  '办理时限',
  '收费标准',
  '办理地点',
  '咨询电话',
]

function guideRow(code: string, name: string, label: string, days: number): string[] {
  return [
    code,
    name,
    label,
    '衢州市住房和城乡建设局',
    `《中华人民共和国行政许可法》及${label === '行政征收' ? '《浙江省城市基础设施配套费征收管理办法》' : '住房和城乡建设领域有关法律、法规、规章'}中关于“${name}”的规定`,
    `申请人依法提出申请，所需材料齐全、符合法定形式，且符合“${name}”的法定条件。`,
    '1. 申请表（原件1份）\n2. 申请人身份证明或营业执照（核验原件）\n3. 与本事项有关的证明材料（清单外的材料不要求提供）',
    '1. 申请：浙江政务服务网在线申报或市行政服务中心“无差别受理”窗口提交\n2. 受理\n3. 审查\n4. 决定\n5. 办结后网上公示',
    `法定时限20个工作日，承诺时限${days}个工作日`,
    label === '行政征收' ? '按《浙江省物价局 财政厅关于城市基础设施配套费等有关问题的通知》规定的标准' : '不收费',
    '衢州市行政服务中心（衢州市柯城区世纪大道711号）住建窗口',
    '0570-3071234',
  ]
}

function quzhouSheet(revised: boolean): string[][] {
  const rows = [HEADER]
  for (const kind of SERVICE_ITEM_KINDS) {
    QUZHOU_ITEMS[kind.code].forEach((name, i) => {
      const code = `3308-JS-${KIND_PREFIX[kind.code] ?? 'XX'}-${String(i + 1).padStart(3, '0')}`
      // the first permit's promised time cut in the year (最多跑一次): a second version of its guide
      const days = revised && i === 0 && kind.code === 'licensing' ? 3 : 7
      rows.push(guideRow(code, name, kind.label, days))
    })
  }
  return rows
}

async function loadQuzhouServices(store: Store, code: string): Promise<string> {
  const agency = await findAgencyByCode(store.db, code)
  if (!agency || (await countServiceItemsByKind(store.db, agency.id)).size > 0) return ''
  const actor = systemActor('demo')
  const first = await importServiceItems({
    store,
    actor,
    agency: agency.id,
    rows: quzhouSheet(false),
    today: calendarDay('2020-03-02'),
  })
  await importServiceItems({
    store,
    actor,
    agency: agency.id,
    rows: quzhouSheet(true),
    today: calendarDay('2020-09-01'),
  })
  return `衢州政务服务事项 ${first.created} 项`
}

// ---------------------------------------------------------------- 福州 双随机、一公开 (invented entries)

const SECTORS = [
  { sector: '房地产开发', item: '房地产开发企业资质和经营行为检查', entities: 24, prefix: '房地产开发有限公司' },
  { sector: '物业服务', item: '物业服务企业服务行为检查', entities: 36, prefix: '物业管理有限公司' },
  { sector: '房地产经纪', item: '房地产经纪机构经营行为检查', entities: 30, prefix: '房地产经纪有限公司' },
]

const PLACES = ['鼓楼', '台江', '仓山', '晋安', '马尾', '长乐', '闽侯', '连江', '福清', '罗源', '闽清', '永泰']
const SURNAMES = ['陈', '林', '黄', '郑', '王', '吴', '刘', '张', '李', '杨', '蔡', '许', '何', '游']
const GIVEN = ['明', '华', '建', '榕', '海', '平', '文', '志', '伟', '芳', '静', '涛', '闽', '晨']

const OUTCOMES = ['noProblem', 'noProblem', 'corrected', 'noProblem', 'noProblem', 'corrected']

async function loadFuzhouInspections(store: Store, code: string): Promise<string> {
  const agency = await findAgencyByCode(store.db, code)
  if (!agency || (await listPools(store.db, agency.id)).length > 0) return ''
  const actor = systemActor('demo')
  const base = { store, actor, agency: agency.id }
  const inspectorLines = Array.from(
    { length: 14 },
    (_, i) => `350100${String(2010 + i * 7).padStart(6, '0')} ${SURNAMES[i]}${GIVEN[(i * 5) % GIVEN.length]}`,
  ).join('\n')
  const inspectorPoolId = await savePoolFromText({
    ...base,
    pool: { kind: 'inspector', sector: '全部行业', name: '市房管局执法检查人员名录库', text: inspectorLines },
  })
  let draws = 0
  for (const [s, spec] of SECTORS.entries()) {
    const itemId = await saveInspectionItem({
      ...base,
      item: {
        code: `FZFG-SJ-${String(s + 1).padStart(2, '0')}`,
        name: spec.item,
        sector: spec.sector,
        basis: '《城市房地产管理法》《物业管理条例》《房地产经纪管理办法》等',
        subject: '福州市住房保障和房产管理局',
        content: '资质条件、经营行为、合同签订和履行、信息公示情况',
        method: '现场检查、书面检查',
      },
    })
    const entityLines = Array.from({ length: spec.entities }, (_, i) => {
      const id = `91350100MA${String(s * 100 + i + 1).padStart(4, '0')}X${String((i * 7) % 10)}`
      return `${id} 福州${PLACES[i % PLACES.length]}${['鑫', '榕', '闽', '安', '泰', '嘉'][i % 6]}${['城', '居', '家', '华'][(i + s) % 4]}${spec.prefix}`
    }).join('\n')
    const entityPoolId = await savePoolFromText({
      ...base,
      pool: { kind: 'entity', sector: spec.sector, name: `${spec.sector}企业名录库`, text: entityLines },
    })
    for (const [round, day] of ['2020-04-15', '2020-07-15', '2020-10-15'].entries()) {
      const id = await announceDraw({
        ...base,
        draw: { itemId, inspectorPoolId, entityPoolId, inspectors: 2, entities: 2 },
        today: calendarDay(day),
        seed: `fz2020-${spec.sector}-${round + 1}`,
      })
      await makeDraw({ store, actor, id })
      const entities = (await publishedDraw(store, id))?.result?.entities ?? []
      for (const [k, entityId] of entities.entries())
        await recordInspectionResult({
          store,
          actor,
          drawId: id,
          result: {
            entityId,
            outcome: OUTCOMES[(draws + k) % OUTCOMES.length] ?? 'noProblem',
            note:
              OUTCOMES[(draws + k) % OUTCOMES.length] === 'corrected' ? '合同示范文本使用不规范，已当场责令整改' : '',
          },
          today: calendarDay(day.replace(/-15$/, '-30')),
        })
      draws++
    }
  }
  return `福州双随机抽查 ${draws} 次`
}

/** Issue 18's part of the demo. Idempotent: an agency that has items (pools) already is left alone. */
export async function loadServicesDemo(
  store: Store,
  codes: { quzhouCode: string; fuzhouCode: string },
): Promise<string> {
  return [await loadQuzhouServices(store, codes.quzhouCode), await loadFuzhouInspections(store, codes.fuzhouCode)]
    .filter(Boolean)
    .join('；')
}
