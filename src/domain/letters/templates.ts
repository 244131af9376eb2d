/** The letters the office sends, each with a default template an agency may replace (placeholders in {}). */
export const LETTER_KINDS = [
  { code: 'reply', label: '政府信息公开申请答复书', short: '答复' },
  { code: 'supplement', label: '政府信息公开申请补正告知书', short: '补正' },
  { code: 'extension', label: '政府信息公开申请延期答复告知书', short: '延期' },
  { code: 'consultation', label: '政府信息公开征求第三方意见函', short: '征求意见' },
  { code: 'fee', label: '政府信息公开信息处理费收费通知书', short: '收费' },
  { code: 'closure', label: '政府信息公开申请不再处理告知书', short: '不再处理' },
  { code: 'thirdPartyNotice', label: '政府信息公开决定告知书（第三方）', short: '告知第三方' },
  { code: 'correction', label: '政府信息更正申请答复书', short: '更正答复' },
] as const

export type LetterKind = (typeof LETTER_KINDS)[number]['code']

export function isLetterKind(s: string): s is LetterKind {
  return LETTER_KINDS.some((k) => k.code === s)
}

export function letterTitle(kind: LetterKind): string {
  return LETTER_KINDS.find((k) => k.code === kind)?.label ?? kind
}

/**
 * The letters that decide something and so carry the remedies (行政复议法 2023 第二十条第三款; decision 0012): the
 * answer, the closing notice (第三十条, 第四十二条), the fee notice (a charge the applicant may contest), the notice
 * to a third party of a disclosure over its objection (第三十二条) and the answer to a correction request (第四十一条).
 * A 补正 notice, an extension notice and the letter consulting a third party decide nothing.
 */
export function letterDecides(kind: LetterKind): boolean {
  return kind !== 'supplement' && kind !== 'extension' && kind !== 'consultation'
}

/**
 * Default bodies; one paragraph a line. The remedies paragraph is never part of a template: the system adds
 * it to every deciding letter (so no edited template can drop the review right, its body or its 60 days).
 */
export const DEFAULT_TEMPLATES: Record<LetterKind, string> = {
  reply: [
    '本机关于{收到日期}收到{称谓}提出的政府信息公开申请（编号：{编号}），申请获取：{申请内容}。',
    '经审查，现答复如下：{决定}。',
    '{答复内容}',
    '依据：{依据}。',
    '{获取方式}',
  ].join('\n'),
  supplement: [
    '本机关于{收到日期}收到{称谓}提出的政府信息公开申请（编号：{编号}）。',
    '根据《中华人民共和国政府信息公开条例》第三十条，该申请内容不够明确，请补正以下事项：{补正事项}。',
    '请于{补正期限}前补正。答复期限自本机关收到补正后的申请之日起计算；无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
  ].join('\n'),
  extension: [
    '本机关于{收到日期}收到{称谓}提出的政府信息公开申请（编号：{编号}）。',
    '因{延期理由}，本机关不能在法定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款，经本机关政府信息公开工作机构负责人同意，答复期限延长{延长天数}个工作日，最迟于{新期限}前作出答复。',
  ].join('\n'),
  consultation: [
    '{第三方}：',
    '本机关收到政府信息公开申请（编号：{编号}），申请公开的信息可能涉及贵方合法权益。根据《中华人民共和国政府信息公开条例》第三十二条，现书面征求贵方意见。',
    '请于{征求期限}前（自收到本函之日起15个工作日内）提出意见；逾期未提出意见的，由本机关依照《条例》规定决定是否公开。',
  ].join('\n'),
  fee: [
    '本机关于{收到日期}收到{称谓}提出的政府信息公开申请（编号：{编号}）。',
    '根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本申请应缴纳信息处理费{金额}元。计费依据：{计费依据}。',
    '请自收到本通知次日起20个工作日内缴纳；逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
  ].join('\n'),
  closure: [
    '本机关于{收到日期}收到{称谓}提出的政府信息公开申请（编号：{编号}），申请获取：{申请内容}。',
    '现告知如下：{决定}。',
    '依据：{依据}。',
  ].join('\n'),
  thirdPartyNotice: [
    '{第三方}：',
    '本机关收到政府信息公开申请（编号：{编号}），就申请公开的信息于{征求日期}书面征求贵方意见，贵方不同意公开。',
    '本机关认为不公开可能对公共利益造成重大影响，根据《中华人民共和国政府信息公开条例》第三十二条，决定予以公开，现将决定公开的政府信息内容和理由书面告知如下。',
    '决定公开的政府信息内容：{公开内容}。',
    '决定公开的理由：{公开理由}。',
  ].join('\n'),
  correction: [
    '本机关于{更正申请日期}收到{称谓}提出的更正政府信息记录的申请（关联申请编号：{编号}），要求更正：{更正内容}。',
    '根据《中华人民共和国政府信息公开条例》第四十一条，现答复如下：{更正决定}。',
    '{答复内容}',
  ].join('\n'),
}

/** Fills `{name}` placeholders; unknown ones are left visible so an editor sees the mistake. */
export function fillTemplate(template: string, values: Record<string, string>): string[] {
  return template
    .split('\n')
    .map((line) => line.replace(/\{([^{}]+)\}/g, (m, key: string) => values[key] ?? m).trim())
    .filter((line) => line.length > 0)
}
