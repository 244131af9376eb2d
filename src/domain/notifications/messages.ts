import type { ApplicationEvent } from '../application/events.js'

/** What a message to an applicant is about (issue 14: received, 补正, extension, consultation pause, answer, fee). */
export type MessageTopic =
  | 'received'
  | 'supplementRequested'
  | 'supplementReceived'
  | 'extended'
  | 'consultationPaused'
  | 'answered'
  | 'feeNoticed'

export const TOPIC_LABELS: Record<MessageTopic | 'code', string> = {
  received: '申请已收到',
  supplementRequested: '需要补正',
  supplementReceived: '已收到补正',
  extended: '答复期限延长',
  consultationPaused: '征求意见期间不计入期限',
  answered: '已作出答复',
  feeNoticed: '信息处理费缴费通知',
  code: '验证码',
}

/** A stored topic's words (an unknown one as stored). */
export function topicLabel(topic: string): string {
  return Object.entries(TOPIC_LABELS).find(([k]) => k === topic)?.[1] ?? topic
}

/** The topic an event tells the applicant about; null when the applicant is not told. */
export function topicOf(event: ApplicationEvent): MessageTopic | null {
  switch (event.kind) {
    case 'registered':
      return 'received'
    case 'supplementRequested':
    case 'supplementReceived':
    case 'extended':
    case 'answered':
    case 'feeNoticed':
      return event.kind
    case 'consultationStarted':
      return 'consultationPaused'
    default:
      return null
  }
}

/** How the applicant may be reached: only what they gave (an empty string: not given). */
export interface Reach {
  email: string
  phone: string
}

/** The facts a message may carry: nothing about the applicant beyond the address it goes to. */
export interface MessageFacts {
  agencyName: string
  queryCode: string
  /** the page to follow the case on, e.g. https://gongkai.example/apply/status */
  statusUrl: string
  /** the deadline in force after the event, when there is one */
  dueBy: string | null
  /** 补正: the date set for completing the application */
  completeBy?: string
}

export interface OutgoingMessage {
  channel: 'email' | 'sms'
  recipient: string
  subject: string
  body: string
}

function sentence(topic: MessageTopic, f: MessageFacts): string {
  const due = f.dueBy ? `答复期限为${f.dueBy}。` : ''
  switch (topic) {
    case 'received':
      return `${f.agencyName}已收到您的政府信息公开申请。${due}`
    case 'supplementRequested':
      return `${f.agencyName}请您补正申请${f.completeBy ? `，请于${f.completeBy}前补正` : ''}。需要补正的事项请凭查询码在网上查看，并可在网上提交补正。`
    case 'supplementReceived':
      return `${f.agencyName}已收到您的补正材料，答复期限重新计算。${due}`
    case 'extended':
      return `${f.agencyName}依法延长了答复期限。${due}`
    case 'consultationPaused':
      return `${f.agencyName}正在依法征求意见，征求意见期间不计入答复期限。`
    case 'answered':
      return `${f.agencyName}已对您的申请作出答复，请凭查询码查看答复书和公开的信息。`
    case 'feeNoticed':
      return `${f.agencyName}向您发出了信息处理费缴费通知，请凭查询码查看通知书。`
  }
}

/**
 * The messages one event sends: by e-mail and by SMS to whatever the applicant gave. They name the agency, the
 * query code (the applicant's own) and dates; never the applicant's name, ID number, address or request
 * (a message must not carry more personal data than its recipient gave, and a mailbox may be read by others).
 */
export function messagesFor(topic: MessageTopic, reach: Reach, f: MessageFacts): OutgoingMessage[] {
  const text = sentence(topic, f)
  const subject = `【${f.agencyName}】政府信息公开申请：${TOPIC_LABELS[topic]}（查询码 ${f.queryCode}）`
  const out: OutgoingMessage[] = []
  if (reach.email)
    out.push({
      channel: 'email',
      recipient: reach.email,
      subject,
      body: `您好：\n\n${text}\n\n查询码：${f.queryCode}\n查看办理进度：${f.statusUrl}?code=${f.queryCode}\n\n本邮件由系统发送，请勿直接回复。`,
    })
  if (reach.phone && /^1\d{10}$/.test(reach.phone.replace(/[\s-]/g, '')))
    out.push({
      channel: 'sms',
      recipient: reach.phone.replace(/[\s-]/g, ''),
      subject,
      body: `【${f.agencyName}】${text}查询码${f.queryCode}。`,
    })
  return out
}

/** A one-time code for the second factor (the code only, and the agency; nothing else). */
export function codeMessage(channel: 'email' | 'sms', recipient: string, agencyName: string, code: string) {
  const text = `您正在下载政府信息公开答复中的文件，验证码为 ${code}，15分钟内有效。如非本人操作，请忽略。`
  return {
    channel,
    recipient,
    subject: `【${agencyName}】政府信息公开：${TOPIC_LABELS.code}`,
    body: channel === 'sms' ? `【${agencyName}】${text}` : `您好：\n\n${text}\n\n本邮件由系统发送，请勿直接回复。`,
  }
}
