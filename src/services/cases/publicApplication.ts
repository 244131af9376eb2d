import { z } from 'zod'
import { creditCodeProblem } from '../../domain/agency/creditCode.js'
import { residentIdProblem } from '../../domain/auth/residentId.js'
import { APPLICANT_KIND_CODES } from '../../domain/application/applicant.js'

export const ID_TYPES = [
  { code: 'resident-id', label: '居民身份证' },
  { code: 'passport', label: '护照' },
  { code: 'hk-macao-permit', label: '港澳居民来往内地通行证' },
  { code: 'taiwan-permit', label: '台湾居民来往大陆通行证' },
  { code: 'foreign-permanent-resident', label: '外国人永久居留身份证' },
  { code: 'other', label: '其他有效身份证件' },
] as const

export const DELIVERIES = [
  { code: 'electronic', label: '电子邮件' },
  { code: 'paper', label: '邮寄纸质件' },
  { code: 'pickup', label: '当面领取' },
] as const

/** How the applicant proves, besides the query code, that a disclosed file is theirs to download (issue 14 point 4). */
export const SECOND_FACTORS = [
  { code: 'idTail', label: '证件号码（统一社会信用代码）后6位' },
  { code: 'email', label: '发送到电子邮箱的验证码' },
  { code: 'phone', label: '发送到手机的短信验证码' },
] as const

export type SecondFactor = (typeof SECOND_FACTORS)[number]['code']

/** A mainland mobile number, which can receive an SMS code. */
export const MOBILE = /^1\d{10}$/

const opt = (max: number, label: string) => z.string().trim().max(max, `${label}过长`).optional().default('')

/**
 * 《条例》第二十九条: who applies (name or organisation, proof of identity, contact), what information
 * (description, 文号 or other features), and in what form and by what way it is to be provided.
 * The JSON field names are fixed by the issue; the form uses the same names.
 */
export const publicApplication = z
  .object({
    agency: z.string().trim().toUpperCase().min(1, '请选择受理机关（agency：统一社会信用代码）'),
    applicantKind: z.enum(APPLICANT_KIND_CODES, { message: '申请人类型无效（applicantKind）' }),
    name: opt(50, '姓名'),
    idType: z
      .enum(
        ID_TYPES.map((t) => t.code),
        { message: '证件类型无效' },
      )
      .optional(),
    idNumber: opt(40, '证件号码').transform((s) => s.toUpperCase()),
    orgName: opt(100, '单位名称'),
    orgCode: opt(18, '统一社会信用代码').transform((s) => s.toUpperCase()),
    legalRepresentative: opt(50, '法定代表人或负责人'),
    contactName: opt(50, '联系人'),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{7,20}$/, '请填写有效的联系电话'),
    email: z
      .union([z.literal(''), z.string().trim().email('电子邮箱格式不正确')])
      .optional()
      .default(''),
    address: opt(200, '通信地址'),
    postalCode: z
      .union([
        z.literal(''),
        z
          .string()
          .trim()
          .regex(/^\d{6}$/, '邮政编码应为6位数字'),
      ])
      .optional()
      .default(''),
    description: z
      .string()
      .trim()
      .min(5, '请描述所需政府信息（名称、文号或便于查询的特征，至少5个字）')
      .max(5000, '所需信息描述过长（不超过5000字）'),
    documentNumber: opt(100, '文号'),
    format: z.enum(['electronic', 'paper'], { message: '信息形式无效' }).optional().default('electronic'),
    delivery: z.enum(['electronic', 'paper', 'pickup'], { message: '获取方式无效（delivery）' }),
    secondFactor: z
      .enum(
        SECOND_FACTORS.map((f) => f.code),
        { message: '下载验证方式无效（secondFactor）' },
      )
      .optional()
      .default('idTail'),
  })
  .superRefine((a, ctx) => {
    const need = (field: string, ok: boolean, message: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [field], message })
    }
    if (a.applicantKind === 'naturalPerson') {
      need('name', a.name.length > 0, '请填写申请人姓名')
      need('idType', a.idType !== undefined, '请选择身份证件类型')
      need('idNumber', a.idNumber.length > 0, '请填写身份证件号码')
      if (a.idType === 'resident-id' && a.idNumber) {
        const problem = residentIdProblem(a.idNumber)
        if (problem) need('idNumber', false, problem)
      }
    } else {
      need('orgName', a.orgName.length > 0, '请填写单位名称')
      need('orgCode', a.orgCode.length > 0, '请填写统一社会信用代码')
      if (a.orgCode) {
        const problem = creditCodeProblem(a.orgCode)
        if (problem) need('orgCode', false, problem)
      }
      need('legalRepresentative', a.legalRepresentative.length > 0, '请填写法定代表人或负责人')
      need('contactName', a.contactName.length > 0, '请填写联系人姓名')
    }
    if (a.delivery === 'electronic') need('email', a.email.length > 0, '选择电子邮件获取时，请填写电子邮箱')
    if (a.delivery === 'paper') need('address', a.address.length > 0, '选择邮寄时，请填写通信地址')
    if (a.secondFactor === 'email') need('email', a.email.length > 0, '选择邮箱验证码下载时，请填写电子邮箱')
    if (a.secondFactor === 'phone')
      need('phone', MOBILE.test(a.phone.replace(/[\s-]/g, '')), '选择短信验证码下载时，请填写11位手机号码')
  })

export type PublicApplication = z.output<typeof publicApplication>

/** The applicant as stored (JSON column): everything but the description; never shown by the public API. */
export function applicantRecord(a: PublicApplication): Record<string, unknown> {
  const { description: _d, agency: _a, ...rest } = a
  return rest
}

export function applicantNameOf(a: PublicApplication): string {
  return a.applicantKind === 'naturalPerson' ? a.name : a.orgName
}
