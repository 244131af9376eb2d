import { between, pick } from './random.js'

// Texts of the demo catalog: plausible titles and bodies of a municipal housing bureau's disclosure column.
// Written for the demo (no third-party text), varied by the seeded generator.

export const SUB_COLUMNS = [
  { slug: 'institution', name: '机构职能', art20: 'art20_2' },
  { slug: 'policy', name: '政策文件', art20: 'art20_1' },
  { slug: 'interpretation', name: '政策解读', art20: 'art20_1' },
  { slug: 'planning', name: '规划计划', art20: 'art20_3' },
  { slug: 'licensing', name: '行政许可', art20: 'art20_5' },
  { slug: 'penalties', name: '行政处罚', art20: 'art20_6' },
  { slug: 'budget', name: '财政预决算', art20: 'art20_7' },
  { slug: 'fees', name: '行政事业性收费', art20: 'art20_8' },
  { slug: 'procurement', name: '政府采购', art20: 'art20_9' },
  { slug: 'housing-security', name: '住房保障', art20: 'art20_11' },
] as const

const AREAS = ['鼓楼区', '台江区', '仓山区', '晋安区', '马尾区', '长乐区', '柯城区', '衢江区', '高新园区', '西区']
const COMPANIES = [
  '某置业有限公司',
  '某房地产开发有限公司',
  '某物业服务有限公司',
  '某建筑工程有限公司',
  '某房产经纪有限公司',
  '某建设集团有限公司',
]
const PROJECTS = [
  '保障性住房维修改造',
  '房屋安全鉴定服务',
  '住房信息系统运维',
  '物业管理第三方评估',
  '办公设备',
  '老旧小区改造设计',
]

type Rand = () => number

export interface YearlyTemplate {
  column: (typeof SUB_COLUMNS)[number]['slug']
  topic: string
  genre: string
  perYear: (rand: Rand) => number
  fill: (rand: Rand, city: string, year: number, n: number) => { title: string; body: string; docNo?: string }
}

const para = (...lines: string[]) => lines.join('\n')
const templates = (list: YearlyTemplate[]) => list

export const CATALOG_TEMPLATES = {
  guide: (agency: string) =>
    para(
      `为了保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》，编制本指南。`,
      `一、主动公开。${agency}主动公开的政府信息通过门户网站“政府信息公开”专栏、政务微信、政务微博等渠道发布，自信息形成或者变更之日起20个工作日内公开。`,
      `二、依申请公开。申请人可以通过网上申请、信函、当面等方式提出申请。本机关收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复。`,
      `三、收费。依申请提供政府信息不收取费用，但申请人申请公开政府信息的数量、频次明显超过合理范围的，按照有关规定收取信息处理费。`,
      `四、监督和救济。公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。`,
    ),
  rules: (agency: string) =>
    para(
      `第一条 为规范${agency}政府信息公开工作，制定本制度。`,
      `第二条 政务公开办公室负责本机关政府信息公开的日常工作，各处室负责本处室政府信息的拟公开和审核。`,
      `第三条 拟主动公开的信息经处室负责人、分管领导审核，并经保密审查后发布；重要信息报主要领导审定。`,
      `第四条 依申请公开实行统一登记、分类办理、按时答复。`,
    ),
  secrecy: (agency: string) =>
    para(
      `为防止政府信息公开工作中发生泄密事件，${agency}建立信息发布保密审查制度。`,
      `一、坚持“先审查、后公开”和“一事一审”原则，未经保密审查的信息一律不得公开。`,
      `二、审查程序：承办处室初审，处室负责人审核，分管领导审签，保密审查领导小组审定。`,
      `三、保密审查表随文件一并归档，保存期限不少于五年。`,
    ),
  report: (agency: string, year: number) =>
    para(
      `本报告由${agency}依据《中华人民共和国政府信息公开条例》编制，统计期限为${year}年1月1日至${year}年12月31日。`,
      `一、总体情况。${year}年，本机关坚持以公开为常态、不公开为例外，持续加强主动公开、规范依申请公开，推进住房保障、房屋征收、物业管理等重点领域信息公开。`,
      `二、主动公开政府信息情况。全年通过门户网站主动公开政府信息，及时发布政策文件和政策解读。`,
      `三、收到和处理政府信息公开申请情况。全年依法办理政府信息公开申请，均在法定期限内答复。`,
      `四、存在的主要问题及改进情况。政策解读形式仍较单一，下一步将丰富图文、视频等解读形式。`,
    ),
  yearly: templates([
    {
      column: 'housing-security',
      topic: '住房保障',
      genre: '公示公告',
      perYear: () => 4,
      fill: (rand, city, year, n) => ({
        title: `${year}年第${n}批公共租赁住房保障对象名单公示`,
        body: para(
          `根据${city}公共租赁住房管理有关规定，经街道（乡镇）初审、区住房保障部门复核，现将${year}年第${n}批符合公共租赁住房保障条件的${between(rand, 40, 260)}户家庭名单予以公示。`,
          `公示期为7个工作日。对公示对象有异议的，可在公示期内向${pick(rand, AREAS)}住房保障部门实名反映。`,
          `依照有关规定，公示名单中的身份证号码、联系电话等个人信息已作去标识化处理。`,
        ),
      }),
    },
    {
      column: 'licensing',
      topic: '房地产市场',
      genre: '行政许可',
      perYear: () => 4,
      fill: (rand, city, year, n) => ({
        title: `${year}年第${n}季度商品房预售许可证核发情况`,
        body: para(
          `${year}年第${n}季度，${city}共核发商品房预售许可证${between(rand, 8, 40)}本，批准预售面积${between(rand, 20, 160)}万平方米。`,
          `购房人可通过住房和房地产信息网查询预售项目的预售许可、商品房预售资金监管账户等信息。`,
        ),
      }),
    },
    {
      column: 'licensing',
      topic: '建筑市场',
      genre: '行政许可',
      perYear: () => 2,
      fill: (rand, _city, year, n) => ({
        title: `${year}年${n === 1 ? '上' : '下'}半年建筑工程施工许可办理结果`,
        body: para(
          `${year}年${n === 1 ? '上' : '下'}半年共办理建筑工程施工许可${between(rand, 30, 180)}件，均在承诺时限内办结。`,
          `办理依据：《中华人民共和国建筑法》《建筑工程施工许可管理办法》。`,
        ),
      }),
    },
    {
      column: 'penalties',
      topic: '房地产市场',
      genre: '行政处罚',
      perYear: () => 3,
      fill: (rand, city, year, n) => {
        const company = pick(rand, COMPANIES)
        const no = `罚字〔${year}〕${between(rand, 1, 90)}号`
        return {
          title: `${pick(rand, AREAS)}${company}行政处罚决定书（${no}）`,
          body: para(
            `当事人${company}在${city}开发建设的项目中，存在${pick(rand, ['未取得商品房预售许可证擅自预售', '未按规定使用物业专项维修资金', '发布虚假房源信息', '未按规定办理房屋租赁登记备案'])}的行为。`,
            `依据有关法律法规，本机关决定对当事人处以罚款人民币${between(rand, 1, 30)}万元。第${n}号决定。`,
            `当事人如不服本决定，可在收到本决定书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。`,
          ),
        }
      },
    },
    {
      column: 'procurement',
      topic: '政府采购',
      genre: '采购公告',
      perYear: () => 2,
      fill: (rand, _city, year) => {
        const project = pick(rand, PROJECTS)
        return {
          title: `${year}年${project}项目采购结果公告`,
          body: para(
            `项目名称：${year}年${project}项目。`,
            `采购方式：${pick(rand, ['公开招标', '竞争性磋商', '询价'])}。中标（成交）金额：${between(rand, 12, 480)}万元。`,
            `公告期限为1个工作日。`,
          ),
        }
      },
    },
    {
      column: 'budget',
      topic: '财政资金',
      genre: '预决算',
      perYear: () => 2,
      fill: (rand, city, year, n) => ({
        title: `${city}住房和城乡建设部门${year}年部门${n === 1 ? '预算' : '决算'}`,
        body: para(
          `${year}年部门${n === 1 ? '预算' : '决算'}收支总计${between(rand, 8000, 40000)}万元。`,
          `“三公”经费${n === 1 ? '预算' : '支出'}${between(rand, 20, 120)}万元，其中因公出国（境）费用0万元。`,
        ),
      }),
    },
    {
      column: 'fees',
      topic: '收费',
      genre: '收费目录',
      perYear: () => 1,
      fill: (_rand, city, year) => ({
        title: `${city}住房和城乡建设系统${year}年度行政事业性收费项目目录`,
        body: para(
          `根据省财政厅、发展改革委公布的收费目录清单，本系统${year}年度保留的行政事业性收费项目如下。`,
          `一、不动产登记费（住宅类）。二、城市道路占用、挖掘修复费。`,
          `清单之外一律不得收费。`,
        ),
      }),
    },
    {
      column: 'planning',
      topic: '规划计划',
      genre: '规划计划',
      perYear: () => 1,
      fill: (rand, city, year) => ({
        title: `${city}${year}年度住房发展计划`,
        body: para(
          `${year}年计划新开工保障性租赁住房${between(rand, 1000, 8000)}套，改造老旧小区${between(rand, 30, 200)}个。`,
          `计划安排住房用地供应${between(rand, 80, 400)}公顷，其中保障性住房用地不低于10%。`,
        ),
      }),
    },
  ]),
}
