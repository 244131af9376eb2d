import { isPlausibleId15, isValidId18, luhnValid } from './checks.js'
import type { Finding, PersonalDataKind } from './findings.js'
import { maskFinding } from './mask.js'
import { surnameOf } from './surnames.js'

// Finds the personal data of natural persons in a document's text (decision 0046). Numbers are recognised by their
// structure and check digits, so 文号, 索引号, dates and amounts do not match; names only where the text says the
// word is a person's name (a label such as 当事人 or 姓名, a list row, a salutation, a gender or ID beside it), so
// officials signing a decision and organisations are left alone.

const C = '\\u4e00-\\u9fa5'
const NO_ALNUM_BEFORE = '(?<![0-9A-Za-z])'
const NO_ALNUM_AFTER = '(?![0-9A-Za-z])'

/** full-width digits and letters read as ASCII; one UTF-16 unit each way, so offsets stay those of the original */
function normalise(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  )
}

/** the clause a match sits in, up to it: from the last full stop, semicolon or line break before it */
function clauseBefore(text: string, at: number): string {
  // a clause longer than 200 characters is read from its last 200: context further back says nothing here
  const window = text.slice(Math.max(0, at - 200), at)
  const from = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；'), window.lastIndexOf('\n'))
  return window.slice(from + 1)
}

// an office's published number (咨询/监督/举报 lines, 公示 异议 lines) is the agency's, not a person's (decision 0046)
const OFFICE_PHONE_CONTEXT =
  /咨询|监督|举报|投诉|热线|服务电话|办公电话|受理|反映|值班|传真|办公室|异议|窗口|服务中心|政务/
// the agency's own accounts where fines are paid
const OFFICE_ACCOUNT_CONTEXT = /非税|财政|国库|汇缴|专户|对公|基本户|代收/
// an address in a clause about an organisation is its registered place of business, not a home
const ORG_CONTEXT = /有限公司|公司|合作社|事务所|局|委员会|中心|政府|办事处|办公室|大厅|窗口|学校|医院|银行|商行|经营部/

type Raw = Omit<Finding, 'masked'>

function push(out: Raw[], kind: PersonalDataKind, original: string, start: number, end: number): void {
  out.push({ kind, start, end, found: original.slice(start, end) })
}

function findIds(norm: string, text: string, out: Raw[]): void {
  const re18 = new RegExp(`${NO_ALNUM_BEFORE}\\d{6} ?\\d{8} ?\\d{3}[\\dXx]${NO_ALNUM_AFTER}`, 'g')
  for (const m of norm.matchAll(re18)) {
    if (isValidId18(m[0].replace(/ /g, ''))) push(out, 'idNumber', text, m.index, m.index + m[0].length)
  }
  // 残疾人证号 is the holder's ID number followed by the kind and grade of disability (two digits)
  const disability = new RegExp(`(?<=残疾人?证[号码]*[：:\\s]{0,2})(\\d{17}[\\dXx])\\d{2}${NO_ALNUM_AFTER}`, 'g')
  for (const m of norm.matchAll(disability)) {
    if (isValidId18(m[1]!)) push(out, 'idNumber', text, m.index, m.index + 18)
  }
  // the 15-digit form has no check digit: only where the text calls it an ID number
  const re15 = new RegExp(`${NO_ALNUM_BEFORE}\\d{15}${NO_ALNUM_AFTER}`, 'g')
  for (const m of norm.matchAll(re15)) {
    const before = norm.slice(Math.max(0, m.index - 16), m.index)
    if (isPlausibleId15(m[0]) && /身份|证件|号码/.test(before))
      push(out, 'idNumber', text, m.index, m.index + m[0].length)
  }
}

function findMobiles(norm: string, text: string, out: Raw[]): void {
  const re = new RegExp(
    `(?<![0-9A-Za-z+])(?:(?:\\+|00)86[ -]?|86-)?1[3-9]\\d([ -]?)\\d{4}\\1\\d{4}${NO_ALNUM_AFTER}`,
    'g',
  )
  for (const m of norm.matchAll(re)) push(out, 'mobile', text, m.index, m.index + m[0].length)
}

const AREA = '(?:010|02\\d|0[3-9]\\d{2})'
const EXTENSION = '(?:\\s*(?:转|分机|ext\\.?|-)\\s*\\d{1,5})?'

const PERSON_LABEL = new RegExp(
  `(?:当事人|申请人|信访人|来信人|来访人|姓名|联系人|承租人|户主|被处罚人|委托代理人|代理人|投诉人|举报人|反映人)[：:\\s]*([${C}]{2,4})`,
  'g',
)
const ORG_SUBJECT = /有限公司|公司|厂|中心|合作社|事务所|局|委员会|政府|办事处|办公室|法院|大队|科|所|站/g

/** a person named in the text (a label followed by a real name, not 陈科长 or 林工) */
function namesPerson(s: string): boolean {
  return [...s.matchAll(PERSON_LABEL)].some((m) => {
    const name = nameFrom(m[1]!) ?? m[1]!
    return acceptable(name) && !STAFF_TITLE.test(m[1]!)
  })
}

/** an agency's or company's published number rather than a person's (decision 0046) */
function isOfficePhone(norm: string, start: number, end: number): boolean {
  const clause = clauseBefore(norm, start)
  if (OFFICE_PHONE_CONTEXT.test(clause)) return true
  if (/^\s*[（(][^）)\n]{0,20}(?:局|中心|科|办公室|委员会|政府|公司|大队)/.test(norm.slice(end, end + 24))) return true
  // a contact given by title only (联系人：林工) is the agency's desk
  if ([...clause.matchAll(PERSON_LABEL)].some((m) => STAFF_TITLE.test(m[1]!)) && !namesPerson(clause)) return true
  const orgs = [...clause.matchAll(ORG_SUBJECT)]
  const lastOrg = orgs.at(-1)
  if (lastOrg) return !namesPerson(clause.slice(lastOrg.index))
  if (namesPerson(clause)) return false
  // a line that only gives the number: its subject is in the lines just before
  const lines = norm
    .slice(Math.max(0, start - 200), start - clause.length)
    .split('\n')
    .slice(-6)
  if (lines.some((l) => OFFICE_PHONE_CONTEXT.test(l))) return true
  const block = lines.join('\n')
  return ORG_SEAT.test(block) && !namesPerson(block.replace(/(?:法定代表人|负责人)[：:][^\n]*/g, ''))
}

function findLandlines(norm: string, text: string, out: Raw[]): void {
  const withArea = new RegExp(
    `${NO_ALNUM_BEFORE}(?:[(（]\\s*${AREA}\\s*[)）]\\s*|${AREA}\\s?[-—–－ ]?\\s?)[2-8]\\d{2,3}[ -]?\\d{4}${EXTENSION}${NO_ALNUM_AFTER}`,
    'g',
  )
  // a local number without its area code only right after a word for telephone
  const local = new RegExp(
    `(?<=(?:电话|座机|联系方式|Tel|TEL|tel)(?:号码)?[：:为是\\s]{0,3})[2-8]\\d{2,3}[ -]?\\d{4}${EXTENSION}${NO_ALNUM_AFTER}`,
    'g',
  )
  for (const re of [withArea, local]) {
    for (const m of norm.matchAll(re)) {
      const digits = m[0].replace(/\D/g, '')
      if (digits.length > 17) continue
      if (isOfficePhone(norm, m.index, m.index + m[0].length)) continue
      push(out, 'landline', text, m.index, m.index + m[0].replace(/\s+$/, '').length)
    }
  }
}

function findBankCards(norm: string, text: string, out: Raw[]): void {
  const re = new RegExp(
    `${NO_ALNUM_BEFORE}(?:\\d{4}[ -]){3,4}\\d{1,7}${NO_ALNUM_AFTER}|${NO_ALNUM_BEFORE}\\d{16,19}${NO_ALNUM_AFTER}`,
    'g',
  )
  for (const m of norm.matchAll(re)) {
    const d = m[0].replace(/\D/g, '')
    if (d.length < 16 || d.length > 19 || !/^[3-69]/.test(d)) continue
    if (!luhnValid(d) || isValidId18(d)) continue
    if (OFFICE_ACCOUNT_CONTEXT.test(clauseBefore(norm, m.index))) continue
    push(out, 'bankCard', text, m.index, m.index + m[0].length)
  }
}

const PROVINCE_CHARS = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'
const PLATE_LETTER = 'A-HJ-NP-Z'

function findPlates(norm: string, text: string, out: Raw[]): void {
  const re = new RegExp(
    `[${PROVINCE_CHARS}][${PLATE_LETTER}][·•・.．\\s-]?(?:[DF][${PLATE_LETTER}0-9]\\d{4}|\\d{5}[DF]|[${PLATE_LETTER}0-9]{4}[${PLATE_LETTER}0-9挂学警])${NO_ALNUM_AFTER}`,
    'g',
  )
  for (const m of norm.matchAll(re)) {
    if ((m[0].match(/\d/g) ?? []).length < 2) continue
    push(out, 'plate', text, m.index, m.index + m[0].length)
  }
}

const NUM = '(?:\\d+|[一二三四五六七八九十百零〇]+)'
const ADMIN = `(?:[${C}]{2,6}?(?:省|自治区|市|自治州|地区|盟|区|县|旗|镇|乡|街道|开发区|新区))`
const ROAD = `(?:[${C}\\d]{1,10}?(?:大道|路|街|巷|弄|胡同|道|里|坊|埕))`
const DOOR = `(?:${NUM}(?:-${NUM})?号(?:院)?)`
const BUILDING = `(?:(?:${NUM}|[A-Z])(?:号楼|栋|幢|座|#楼?))`
const UNIT = `(?:${NUM}单元)`
const ROOM = `(?:${NUM}(?:层|楼))?(?:${NUM}(?:室|房|号房)|\\d{3,4}(?![0-9A-Za-z${C}]))`
// an estate's name is any short run before the building number (福湾新城, 泰禾红郡, 软件园小区B区)
const ESTATE = `[${C}A-Za-z\\d]{0,14}?`
const FLAT = `${BUILDING}(?:${UNIT})?(?:${ROOM})?|(?:${NUM}|[A-Z])号(?:${UNIT})?${ROOM}`
const VILLAGE = `(?:[${C}]{1,6}?(?:村|社区)(?:委会)?(?:${NUM}组|[${C}]{1,4}(?:组|自然村|屯))?(?:${DOOR})?)`
// an address starts after a non-Chinese character or after the word that introduces it (住, 住址, 位于, 反映…)
const ADDRESS_START = `(?<=^|[^${C}]|住|址|于|在|居|籍|地|的|映|称|落|入|为|是|至|到|往|源|号)`
const ADDRESS = new RegExp(
  `${ADDRESS_START}${ADMIN}{0,5}(?:${ROAD}${DOOR}(?:${ESTATE}(?:${FLAT}))?|${ESTATE}(?:${BUILDING}(?:${UNIT})?${ROOM}|(?:${NUM}|[A-Z])号(?:${UNIT})?${ROOM})|${VILLAGE})`,
  'g',
)
// the part that makes it a home rather than a street: a building, unit, room, or a village house number
const FINE_GRAINED = /栋|幢|座|单元|室|号楼|#|房|(?:村|组).*号|\d{3,4}$/
const HOME_CONTEXT = /住址|家住|居住|现住|户籍|暂住|住所地|通讯地址|房号|房源|[^所]住$|入住$|业主$/
// an office building or an organisation's registered seat is not a home
const ORG_IN_ADDRESS = /中心|政府|局|公司|医院|学校|大学|法院|委员会|办事处|大厅|会议室|窗口/
const ORG_BEFORE = new RegExp(
  `(?:${ORG_CONTEXT.source})[，,\\s]{0,2}(?:住所|地址|注册地址|经营场所|办公地址|所在地|位于|地点)?[：:]?\\s*$`,
)
const ORG_SEAT = /(?:当事人|被处罚单位|单位名称|被申请人)[：:][^\n]*(?:公司|厂|合作社|中心|店|局|社)/

function findAddresses(norm: string, text: string, out: Raw[]): void {
  for (const m of norm.matchAll(ADDRESS)) {
    // the word that introduces an address is not part of it; nor is running text before a 在/于 inside the match
    const lead =
      /^(?:[^\d]{0,8}?(?:住址|住所地?|家住|现住|居住地?|暂住|户籍地|位于|地址|在|于|住))[：:]?/.exec(m[0])?.[0] ?? ''
    const found = m[0].slice(lead.length)
    const index = m.index + lead.length
    if (found.length < 4 || !/\d|[一二三四五六七八九十]+(?:号|组)/.test(found)) continue
    const before = norm.slice(Math.max(0, index - 12), index)
    const home = HOME_CONTEXT.test(before)
    if (!FINE_GRAINED.test(found) && !home) continue
    if (!home) {
      if ((ORG_IN_ADDRESS.test(found) && !/宿舍/.test(found)) || ORG_BEFORE.test(clauseBefore(norm, index))) continue
      if (/住所[：:]\s*$/.test(before) && !/(?:投资人|经营者|负责人|申请人)住所/.test(before)) {
        if (ORG_SEAT.test(norm.slice(Math.max(0, index - 160), index))) continue
      }
    }
    push(out, 'address', text, index, index + found.length)
  }
}

// --- names -----------------------------------------------------------------------------------------------------

const NAME_LABELS = [
  '当事人',
  '被申请人',
  '复议申请人',
  '共同申请人',
  '申请人',
  '第三人',
  '被处罚人',
  '违法行为人',
  '姓名',
  '联系人',
  '法定代表人',
  '负责人',
  '经营者',
  '投资人',
  '委托代理人',
  '代理人',
  '户主',
  '承租人',
  '配偶',
  '家庭成员',
  '信访人',
  '来信人',
  '来访人',
  '举报人',
  '投诉人',
  '反映人',
  '业主',
  '产权人',
  '所有权人',
  '领取人',
  '收款人',
  '受助人',
  '补助对象',
  '补贴对象',
  '发放对象',
  '贴息对象',
  '保障对象',
  '救助对象',
  '申请对象',
  '申领人',
  '监护人',
  '驾驶人',
  '驾驶员',
  '车主',
  '户名',
  '借款人',
  '买受人',
  '出租人',
  '被征收人',
  '权利人',
  '申报人',
  '继承人',
  '死者',
  '患者',
  '见证人',
  '持卡人',
  '开户人',
  '受益人',
  '被执行人',
  '起诉人',
  '原告',
  '被告',
  '上诉人',
  '被上诉人',
  '租户',
  '房主',
  '被询问人',
  '紧急联系人',
  '所有人',
  '收款账户',
  '账户名',
  '配租对象',
  '退休人员',
  '受助学生',
  '学生',
  '名单',
]
const LABEL_RE = new RegExp(
  `(?:${NAME_LABELS.join('|')})(?:姓名)?(?:[（(][^）)\\n]{1,8}[）)])?(?:[：:\\s]+|为|系|是)?`,
  'g',
)
// a person's name cannot be one of these words, which follow the same labels in running text
const NOT_NAMES = new Set([
  '本人',
  '无',
  '暂无',
  '不详',
  '同上',
  '略',
  '见附件',
  '申请人',
  '当事人',
  '姓名',
  '户主',
  '承租人',
  '配偶',
  '子女',
  '儿子',
  '女儿',
  '父亲',
  '母亲',
  '合计',
  '小计',
  '总计',
  '备注',
  '男',
  '女',
  '已婚',
  '未婚',
  '离异',
  '丧偶',
  '城镇',
  '农村',
  '低保',
  '特困',
  '通过',
  '符合',
  '同意',
  '合格',
  '审核',
  '公示',
  '序号',
  '身份证号',
  '联系电话',
  '地址',
  '家庭',
  '人口',
  '面积',
  '金额',
  '小区',
  '房号',
  '成员',
  '关系',
  '信息',
  '名单',
  '情况',
  '条件',
  '资格',
  '材料',
  '签字',
  '签名',
  '盖章',
  '证明',
  '填写',
  '提供',
  '提交',
  '单位',
  '职务',
  '工作',
  '电话',
  '住址',
  '住所',
  '性别',
  '年龄',
  '民族',
  '汉族',
  '籍贯',
  '出生',
  '户籍',
  '现住',
  '家住',
  '应当',
  '可以',
  '有权',
  '不服',
  '逾期',
  '依法',
  '自行',
  '及时',
  '如实',
  '本局',
  '我局',
  '你局',
  '贵局',
  '该局',
  '我们',
  '你们',
  '他们',
  '其他',
  '以上',
  '以下',
  '全体',
  '共同',
  '各自',
  '申请',
  '来信',
  '来访',
  '反映',
  '投诉',
  '举报',
  '诉求',
  '问题',
  '事项',
  '意见',
  '复议',
  '诉讼',
  '公民',
  '法人',
  '组织',
  '个人',
  '群众',
  '住户',
  '业主',
  '居民',
  '村民',
  '职工',
  '对象',
  '人员',
  '代表',
  '负责',
  '委托',
  '代理',
  '领取',
  '承租',
  '户数',
  '人数',
  '保障',
  '补贴',
  '标准',
  '发放',
  '类型',
  '类别',
  '结果',
  '此复',
  '特此',
  '经查',
  '经审查',
  '经调查',
  '经核实',
  '现将',
  '根据',
  '依据',
  '按照',
  '关于',
  '附件',
  '联系人',
  '被告',
  '原告',
  '双方',
  '多次',
  '区长',
  '市长',
  '县长',
  '镇长',
  '局长',
  '主任',
  '书记',
  '网格员',
  '工作人员',
])
// running text that follows a label but is no name: first characters that start a verb phrase
const FUNCTION_START = new Set(
  '应对在不如可有提须需未已的所向将依以因自逾按及称认供交符名信本签姓为是系和与等同均其之并且也都就于从到把被经由请现共该其各查送改责给',
)
// a name ends before one of these characters when the text runs on without punctuation (当事人张三因…)
const NAME_STOP = new Set(
  '因于在的将把与和及等向对被为系是称所已未均从到经由自以按并且也都就曾现住身电联男女夫妻母父之其该诉申反来投举同使驾',
)
const ORG_WORD =
  /有限公司|公司|厂|商行|经营部|门市|中心|合作社|事务所|学校|医院|银行|集团|协会|委员会|超市|酒店|饭店|宾馆|药房|药店|诊所|局|站|政府|办事处|街道|社区|大队|村委|法院/
const ORG_ANYWHERE = /有限公司|公司|集团|政府/
const TITLE = /(?:先生|女士|同志|师傅|老师|阿姨|老人|夫妇|一家|家庭|户)$/
// staff written by title (陈科长, 林工) act for the agency and are not identified by it: no personal name
const STAFF_TITLE = /(?:[区市县镇乡村局处科所院站组队社]长|主任|书记|经理|会计|干事|工|总|警官|法官)$/
// words that follow a name and so end it: 张三家住…, 李四先生, 王五户主
const AFTER_WORDS = /^(?:家住|家庭|一家|先生|户主|户籍|共同|申请|反映|来信|来电|来访)/
const CJK_RUN = new RegExp(`^[${C}·]{1,20}`)
const IS_CJK = new RegExp(`^[${C}]$`)

function acceptable(name: string): boolean {
  return (
    name.length >= 2 &&
    !NOT_NAMES.has(name) &&
    !NOT_NAMES.has(name.slice(0, 2)) &&
    !/[某×＊*]/.test(name) &&
    !STAFF_TITLE.test(name) &&
    !/[州省市区县户人]$/.test(name) &&
    !ORG_WORD.test(name)
  )
}

/** a surname and at most two more characters, cut at a stop character: 张三因… → 张三, 冯家豪共同… → 冯家豪 */
function nameFrom(run: string): string | undefined {
  const surname = surnameOf(run)
  if (!surname) return undefined
  const rest = run.slice(surname.length)
  if (NAME_STOP.has(rest[0] ?? '') || rest.length === 0 || AFTER_WORDS.test(rest)) return undefined
  let given = rest.slice(0, 2)
  if (given.length === 2 && (NAME_STOP.has(given[1]!) || AFTER_WORDS.test(rest.slice(1)))) given = given.slice(0, 1)
  return surname + given
}

/** the name at `at` if the text there is one: run of Chinese characters cut at a stop character */
function nameAt(norm: string, at: number, opts: { separated: boolean }): string | undefined {
  const run = CJK_RUN.exec(norm.slice(at))?.[0]
  if (!run || run.length < 2) return undefined
  if (/^[某×]/.test(run) || /[某×＊*]/.test(run.slice(0, 4))) return undefined
  const after = norm[at + run.length] ?? ''
  const bounded = !/[0-9A-Za-z]/.test(after)
  // the run up to the first stop character: an organisation's name ends in its kind (…有限公司, …局)
  const stopAt = [...run].findIndex((ch, i) => i >= 2 && NAME_STOP.has(ch))
  const head = stopAt < 0 ? run : run.slice(0, stopAt)
  if (ORG_ANYWHERE.test(head) || new RegExp(`(?:${ORG_WORD.source})$`).test(head)) return undefined
  let name: string | undefined
  if (opts.separated && run.length <= 4 && bounded) {
    name = run.replace(TITLE, '')
  } else {
    if (FUNCTION_START.has(run[0]!)) return undefined
    if (run.length <= 3 && bounded && surnameOf(run)) name = run.replace(TITLE, '')
    else name = nameFrom(run)
  }
  if (!name || !acceptable(name)) return undefined
  return name
}

/** the name that ends at `end` (the text before a gender, an ID, a title…): three characters, else two */
function nameBefore(norm: string, end: number): string | undefined {
  for (const len of [4, 3, 2]) {
    const c = norm.slice(Math.max(0, end - len), end)
    if (c.length < len || ![...c].every((ch) => IS_CJK.test(ch))) continue
    if (ORG_WORD.test(c)) return undefined
    const surname = surnameOf(c)
    if (!surname || [...c.slice(surname.length)].some((ch) => NAME_STOP.has(ch))) continue
    if (len === 4 && surname.length !== 2) continue
    if (len === 3 && FUNCTION_START.has(c[0]!) && surnameOf(c.slice(1))) continue
    if (acceptable(c)) return c
  }
  return undefined
}

/** names listed after a name: 张三、李四和王五 */
function followList(norm: string, text: string, end: number, out: Raw[]): void {
  let at = end
  for (;;) {
    const sep = /^(?:[（(][^）)\n]{1,8}[）)])?[、，,和及]/.exec(norm.slice(at))
    if (!sep) return
    const start = at + sep[0].length
    const run = CJK_RUN.exec(norm.slice(start))?.[0] ?? ''
    const name = run.length <= 3 && surnameOf(run) ? run : nameFrom(run)
    if (!name || !acceptable(name) || (sep[0].endsWith('，') && run.length > 3)) return
    push(out, 'name', text, start, start + name.length)
    at = start + name.length
  }
}

/** names listed before a name: 韦国庆、付小红、方志远等3户 */
function precedeList(norm: string, text: string, start: number, out: Raw[]): void {
  let at = start
  while (norm[at - 1] === '、') {
    const name = nameBefore(norm, at - 1)
    if (!name) return
    push(out, 'name', text, at - 1 - name.length, at - 1)
    at = at - 1 - name.length
  }
}

function findLabelledNames(norm: string, text: string, out: Raw[]): void {
  for (const m of norm.matchAll(LABEL_RE)) {
    const at = m.index + m[0].length
    // 被申请人 also ends in 申请人: the longer label wins because its match starts first and consumes it
    const separated = /[：:\s为系是]$/.test(m[0])
    const name = nameAt(norm, at, { separated })
    if (!name) continue
    push(out, 'name', text, at, at + name.length)
    followList(norm, text, at + name.length, out)
  }
}

// what is written right after a person's name: gender, ID number, relation, form of address, home, a count of people
const AFTER_NAME = new RegExp(
  [
    '[（(]\\s*(?:男|女)[，,、）)]',
    '[，,]\\s*(?:男|女)[，,、]',
    '[ \\t]+(?:男|女)[ \\t]',
    '[（(，,\\s]*(?:身份证|公民身份号码)',
    '[（(](?:户主|配偶|丈夫|妻子|儿子|女儿|之子|之女|父亲|母亲|长子|次子|长女|次女|孙子|孙女|申请人|承租人|本人)[）)]',
    '(?:先生|女士|同志)(?=[：:，,])',
    '(?:家住|现住|住在|居住在)',
    '(?:来电|来信|来访|致电)',
    '的(?:妻子|丈夫|儿子|女儿|父亲|母亲|配偶)',
    '等[\\d一二三四五六七八九十]+(?:人|户|名|位)',
    '[两二三四五六七八九十\\d]户',
    '家庭[、，,。]',
    '夫妇',
    // 经查，江一鸣于2022年… / 请缪长青于收到本通知后…
    `(?<=[，。：:\\n请][${C}]{2,4})于(?:\\d{4}年|收到)`,
  ].join('|'),
  'g',
)
// what is written right before one: a relation or a greeting
const BEFORE_NAME = /(?:母亲|父亲|妻子|丈夫|儿子|女儿|配偶|之子|之女|尊敬的|致)/g

function findNamesByNeighbour(norm: string, text: string, out: Raw[]): void {
  for (const m of norm.matchAll(AFTER_NAME)) {
    const name = nameBefore(norm, m.index)
    if (!name) continue
    const start = m.index - name.length
    push(out, 'name', text, start, m.index)
    precedeList(norm, text, start, out)
    followList(norm, text, m.index, out)
  }
  for (const m of norm.matchAll(BEFORE_NAME)) {
    const at = m.index + m[0].length
    const run = CJK_RUN.exec(norm.slice(at))?.[0] ?? ''
    const name = nameFrom(run.replace(/(?:先生|女士|同志).*$/, '') + '。')
    if (name && acceptable(name)) push(out, 'name', text, at, at + name.length)
  }
  // the salutation of a letter or reply, on a line of its own or before 您好: 张三：您好！ / 张三、李四：
  const salutation = new RegExp(`^\\s*((?:[${C}]{2,4}、)*[${C}]{2,4}?)(?:先生|女士|同志)?[：:]\\s*(?=$|您|你)`, 'gm')
  for (const m of norm.matchAll(salutation)) {
    let at = m.index + m[0].indexOf(m[1]!)
    for (const part of m[1]!.split('、')) {
      if (surnameOf(part) && acceptable(part)) push(out, 'name', text, at, at + part.length)
      at += part.length + 1
    }
  }
}

const NAME_HEADERS =
  /^(?:姓名|姓\s*名|户主姓名|申请人姓名|申请人|承租人|承租人姓名|户主|领取人|补助对象|补贴对象|救助对象|受助人|收款人|户名|被申请人|当事人|持卡人|家庭成员|共同申请人|联系人)$/
const CELL = /[^\s|｜\t]+/g
const PLACE_END = /[省市区县镇乡村路街道园苑城局院厂店]$/

interface Cell {
  text: string
  start: number
}

function cellsOf(line: string, offset: number): Cell[] {
  return [...line.matchAll(CELL)].map((m) => ({ text: m[0], start: offset + m.index }))
}

function pushCellNames(text: string, cell: Cell, out: Raw[], labelled: boolean): void {
  let at = cell.start
  for (const part of cell.text.split(/([、，,；;])/)) {
    if (!/^[、，,；;]$/.test(part)) {
      const bare = part.replace(/[（(][^）)]*[）)]$/, '')
      if (
        new RegExp(`^[${C}·]{2,6}$`).test(bare) &&
        acceptable(bare) &&
        (labelled ? bare.length <= 5 : Boolean(surnameOf(bare)) && bare.length <= 4 && !PLACE_END.test(bare))
      ) {
        push(out, 'name', text, at, at + bare.length)
      }
    }
    at += part.length
  }
}

/** names in table columns headed 姓名 (or 户主, 申请人 …) and in numbered list rows (1. 张三 …) */
function findTableNames(norm: string, text: string, out: Raw[]): void {
  let offset = 0
  let nameColumns: number[] = []
  for (const line of norm.split('\n')) {
    const cells = cellsOf(line, offset)
    const headers = cells.flatMap((c, i) => (NAME_HEADERS.test(c.text) ? [i] : []))
    if (headers.length > 0 && cells.length >= 2 && !cells.some((c) => /\d{6,}/.test(c.text))) {
      nameColumns = headers
    } else if (line.trim() === '') {
      nameColumns = []
    } else if (nameColumns.length > 0 && nameColumns.some((i) => cells[i])) {
      for (const i of nameColumns) if (cells[i]) pushCellNames(text, cells[i], out, true)
    } else {
      const ordinal = /^\s*(?:\d{1,4}|[（(]\d{1,3}[）)])[.、．)）]?\s*/.exec(line)
      const rest = ordinal ? line.slice(ordinal[0].length) : line
      const restOffset = offset + (ordinal?.[0].length ?? 0)
      // 1. 张三 … / 1、张三，… / 张三  2  金山碧水 … : a name first, then more of the row
      const lead = new RegExp(`^([${C}]{2,4})(?=[\\s，,、|\\t])`).exec(rest)
      const more = rest.slice(lead?.[0].length ?? 0)
      if (lead && (ordinal ? more.trim().length >= 3 : cellsOf(more, 0).length >= 3 && /\d/.test(more))) {
        pushCellNames(text, { text: lead[1]!, start: restOffset }, out, false)
      }
    }
    offset += line.length + 1
  }
}

/** a name found in context is the same person wherever else it is written in the document */
function findRepeats(norm: string, text: string, out: Raw[]): void {
  const names = new Set(out.filter((f) => f.kind === 'name' && f.found.length >= 2).map((f) => f.found))
  for (const name of names) {
    let at = norm.indexOf(name)
    while (at >= 0) {
      push(out, 'name', text, at, at + name.length)
      at = norm.indexOf(name, at + name.length)
    }
  }
}

// numbers with check digits first: when two findings overlap, the one with the stronger evidence stays
const PRIORITY: Record<PersonalDataKind, number> = {
  idNumber: 0,
  bankCard: 1,
  mobile: 2,
  landline: 3,
  plate: 4,
  address: 5,
  name: 6,
}

export function findPersonalData(text: string): Finding[] {
  const norm = normalise(text)
  const raw: Raw[] = []
  findIds(norm, text, raw)
  findBankCards(norm, text, raw)
  findMobiles(norm, text, raw)
  findLandlines(norm, text, raw)
  findPlates(norm, text, raw)
  findAddresses(norm, text, raw)
  findLabelledNames(norm, text, raw)
  findNamesByNeighbour(norm, text, raw)
  findTableNames(norm, text, raw)
  findRepeats(norm, text, raw)

  const kept: Raw[] = []
  const ordered = raw.sort(
    (a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  )
  // kept stays sorted by start and never overlaps, so a newcomer only has to be checked against its neighbours
  for (const f of ordered) {
    if (f.end <= f.start) continue
    let lo = 0
    let hi = kept.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (kept[mid]!.start < f.start) lo = mid + 1
      else hi = mid
    }
    const prev = kept[lo - 1]
    const next = kept[lo]
    if ((prev && prev.end > f.start) || (next && next.start < f.end)) continue
    kept.splice(lo, 0, f)
  }
  return kept.map((f) => ({ ...f, masked: maskFinding(f.kind, f.found) }))
}
