import { describe, expect, it } from 'vitest'
import { idCheckChar, luhnCheckDigit } from '../../../src/domain/privacy/checks.js'
import { findPersonalData } from '../../../src/domain/privacy/index.js'

const found = (text: string): string[] => findPersonalData(text).map((f) => `${f.kind}:${f.found}`)
const id = (first17: string): string => first17 + idCheckChar(first17)
const card = (body: string): string => body + luhnCheckDigit(body)

describe('numbers are recognised by their structure and check digits', () => {
  it('an ID number with a valid check character, X included', () => {
    expect(found(`身份证号码：${id('35010219900307123')}。`)).toEqual([`idNumber:${id('35010219900307123')}`])
    expect(found('公民身份号码11010519491231002X')).toEqual(['idNumber:11010519491231002X'])
  })
  it('18 digits with a wrong check character are not flagged as an ID number', () => {
    expect(found('编号：110105194912310021')).toEqual([])
  })
  it('the old 15-digit form only where the text calls it an ID number', () => {
    expect(found('身份证号：350102780512123')).toEqual(['idNumber:350102780512123'])
    expect(found('注册号：350102780512123')).toEqual([])
  })
  it('mobile numbers written whole, with dashes, spaces or +86', () => {
    expect(found('电话13812345678，手机138-1234-5678，或138 1234 5678，+86 13912345678')).toEqual([
      'mobile:13812345678',
      'mobile:138-1234-5678',
      'mobile:138 1234 5678',
      'mobile:+86 13912345678',
    ])
  })
  it("a person's landline with area code, in brackets, with an extension", () => {
    expect(found('当事人：李四，联系电话：0591-83726154')).toContain('landline:0591-83726154')
    expect(found('联系人：胡晓峰，座机：(0591)87345612')).toContain('landline:(0591)87345612')
    expect(found('当事人：李四，电话0591-22871234转802')).toContain('landline:0591-22871234转802')
  })
  it("an office's published phone is not personal data (咨询/监督/异议 lines, an agency as subject)", () => {
    expect(found('如有异议，请向福州市住房保障中心反映，联系电话：0591-87654321。')).toEqual([])
    expect(found('本通知由福州市住房保障和房产管理局负责解释，联系电话：0591-87613579。')).toEqual([])
    expect(found('政务服务热线：12345；监督电话：0591-83856123。')).toEqual([])
    expect(found('答复单位：福州市城乡建设局，联系人：陈科长，联系电话：0591-83308765。')).toEqual([])
  })
  it('bank cards of 16 to 19 digits passing Luhn, grouped or not', () => {
    const c = card('622202123456789012')
    expect(found(`卡号：${c}`)).toEqual([`bankCard:${c}`])
    const spaced = c.replace(/^(\d{4})(\d{4})(\d{4})(\d{4})(\d{3})$/, '$1 $2 $3 $4 $5')
    expect(found(`卡号：${spaced}`)).toEqual([`bankCard:${spaced}`])
  })
  it('a long number failing Luhn, and the agency account for fines, are not bank cards', () => {
    const c = card('622202123456789012')
    const wrong = c.slice(0, -1) + String((Number(c.slice(-1)) + 1) % 10)
    expect(found(`编号：${wrong}`)).toEqual([])
    expect(found(`罚款缴至福建省财政厅非税收入汇缴结算户，账号：${c}。`)).toEqual([])
  })
  it('an ID number is never also reported as a bank card', () => {
    expect(found(`身份证号${id('62010219900307123')}`)).toEqual([`idNumber:${id('62010219900307123')}`])
  })
  it('licence plates, with the separator dot and the new-energy forms', () => {
    expect(found('车牌闽A·12345，闽AD12345，闽AF26615，闽B85K30')).toEqual([
      'plate:闽A·12345',
      'plate:闽AD12345',
      'plate:闽AF26615',
      'plate:闽B85K30',
    ])
  })
})

describe('addresses down to the home', () => {
  it('street, number, building, unit and room', () => {
    expect(found('住址：福州市鼓楼区五四路158号3栋2单元501室。')).toEqual([
      'address:福州市鼓楼区五四路158号3栋2单元501室',
    ])
  })
  it('village, 组 and house number', () => {
    expect(found('住福州市仓山区城门镇林浦村3组12号。')).toEqual(['address:福州市仓山区城门镇林浦村3组12号'])
  })
  it('an estate, building and room as written in allocation lists', () => {
    expect(found('配租房源：福湾新城春风苑12号楼1506室')).toEqual(['address:福湾新城春风苑12号楼1506室'])
    expect(found('3 石磊 2 金山碧水2#1501')).toContain('address:金山碧水2#1501')
  })
  it("an agency's or company's address and a street number alone are not a home", () => {
    expect(found('办公地址：福州市鼓楼区北大路133号，邮编：350001。')).toEqual([])
    expect(found('被处罚单位：福建省某某物业管理有限公司，住所：福州市鼓楼区湖东路168号宏利大厦18层1801室。')).toEqual(
      [],
    )
    expect(found('会议在市行政中心5号楼301会议室召开。')).toEqual([])
  })
})

describe('names where the text says they are a person', () => {
  it('after a label (当事人, 申请人, 姓名, 法定代表人 …), with or without a colon', () => {
    expect(found('当事人：张伟，男。')).toEqual(['name:张伟'])
    expect(found('当事人黄丽华于2023年3月12日擅自改变房屋用途。')).toEqual(['name:黄丽华'])
    expect(found('法定代表人：郑国强。')).toEqual(['name:郑国强'])
    expect(found('被申请人：欧阳振华')).toEqual(['name:欧阳振华'])
  })
  it('every later mention of a name found in context', () => {
    expect(found('当事人：陈国栋。经查，陈国栋在店面门前占道经营。')).toEqual(['name:陈国栋', 'name:陈国栋'])
  })
  it('lists of names after a label and before 等N户', () => {
    expect(found('户主：崔玉兰，共同申请人：钟志华（配偶）、钟雨欣（女儿）。')).toEqual([
      'name:崔玉兰',
      'name:钟志华',
      'name:钟雨欣',
    ])
    expect(found('韦国庆、付小红、方志远等3户申请人逾期未选房。')).toEqual([
      'name:韦国庆',
      'name:付小红',
      'name:方志远',
    ])
  })
  it('in a table under 姓名 and in numbered rows', () => {
    const table = '序号 姓名 身份证号 家庭人口\n1 王建国 11010519491231002X 3\n2 欧阳明月 暂无 2'
    expect(found(table).filter((f) => f.startsWith('name'))).toEqual(['name:王建国', 'name:欧阳明月'])
    expect(found('4. 陆建平 2人 低保家庭 已审核')).toEqual(['name:陆建平'])
  })
  it('in the salutation of a reply to a letter', () => {
    expect(found('樊建伟先生：您好！')).toEqual(['name:樊建伟'])
    expect(found('汤志坚、殷美玲：\n你们来信反映的问题收悉。')).toEqual(['name:汤志坚', 'name:殷美玲'])
  })
  it('names already de-identified (某, ×, *) are not found again', () => {
    expect(found('当事人：张某某，男。王某反映的问题已转办。来信人李**（电话：138****5678）')).toEqual([])
  })
  it('organisations after a label are not names', () => {
    expect(found('当事人：福州鑫达建材贸易有限公司，住所：福州市鼓楼区东街88号。')).toEqual([])
  })
  it('officials acting in office (执法人员, signatures, staff by title) are not flagged', () => {
    expect(found('执法人员：李明（执法证号35010021001）、张建于2023年4月6日进行现场检查。')).toEqual([])
    expect(found('联系人：林工，电话：0591-83345678（工作日）')).toEqual([])
    expect(found('法定代表人：区长（姓名略）。')).toEqual([])
  })
})

describe('no false positives on the numbers of official documents', () => {
  it.each([
    ['文号', '根据《福州市公共租赁住房保障办法》（榕政综〔2020〕93号），现予公示。'],
    ['文号 with 第', '榕城管罚〔2023〕第0156号'],
    ['索引号 and date', '索引号：FZ00123-0300-2023-00045，发布日期：2023-08-21。'],
    ['dates', '公示时间：2023年8月1日至2023年8月7日，2023-12-01 16:30:15 发布'],
    ['amounts', '项目总投资13,500,000,000元，罚款人民币3,500.00元，补贴1,358,642.50元。'],
    ['article numbers', '依据《中华人民共和国食品安全法》第一百二十二条第一款第（五）项。'],
    ['统一社会信用代码', '统一社会信用代码：91350102MA2Y8K7X3P，12350100003632198M。'],
    ['hotlines', '政务服务热线：12345；客服电话：95588；服务监督电话：400-820-8888。'],
    ['a decision number of 18 digits', '编号：350100120230815001'],
    ['a procurement number', '项目编号：3501002023110800123456，采购预算：1,280,000.00元。'],
  ])('%s', (_, text) => {
    expect(found(text)).toEqual([])
  })
})

describe('findings', () => {
  it('are sorted by start, do not overlap, and their offsets give back the text found', () => {
    const text = `当事人：司马晓东，联系电话：138-0000-0000，身份证${id('35010219900307123')}，住址：福州市晋安区福新中路118号福新花园5号楼1203室，车辆闽A·D6688。`
    const fs = findPersonalData(text)
    expect(fs.map((f) => f.kind)).toEqual(['name', 'mobile', 'idNumber', 'address', 'plate'])
    for (let i = 0; i < fs.length; i++) {
      expect(text.slice(fs[i]!.start, fs[i]!.end)).toBe(fs[i]!.found)
      if (i > 0) expect(fs[i]!.start).toBeGreaterThanOrEqual(fs[i - 1]!.end)
    }
  })
  it('full-width digits are read like ASCII ones', () => {
    expect(found('手机：１３８１２３４５６７８')).toEqual(['mobile:１３８１２３４５６７８'])
  })
})
