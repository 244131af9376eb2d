import nodemailer from 'nodemailer'
import type { MessagingConfig } from './config.js'

/** One message as a transport sends it. */
export interface Envelope {
  recipient: string
  subject: string
  body: string
}

/** Sends one message or throws why not (the outbox retries). */
export type Transport = (m: Envelope) => Promise<void>

export interface Transports {
  email?: Transport
  sms?: Transport
  close(): void
}

/** E-mail over SMTP (nodemailer); plain text only, so nothing the platform did not write travels. */
function smtpTransport(url: string, from: string) {
  const mailer = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  })
  const send: Transport = async (m) => {
    await mailer.sendMail({ from, to: m.recipient, subject: m.subject, text: m.body })
  }
  return { send, close: () => mailer.close() }
}

/**
 * SMS through an HTTP gateway: POST JSON `{ to, text }` with the token as a bearer; any 2xx is accepted
 * (docs/notifications.md). Most Chinese SMS vendors sit behind such a small adapter.
 */
function smsGateway(url: string, token: string | undefined): Transport {
  return async (m) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ to: m.recipient, text: m.body }),
      signal: AbortSignal.timeout(10_000),
    })
    if (!res.ok) throw new Error(`短信网关返回 HTTP ${res.status}`)
  }
}

/** The transports the configuration names; a channel without one is left unsent (pending) until configured. */
export function transportsFor(c: MessagingConfig): Transports {
  const smtp = c.smtpUrl ? smtpTransport(c.smtpUrl, c.mailFrom) : null
  return {
    ...(smtp ? { email: smtp.send } : {}),
    ...(c.smsUrl ? { sms: smsGateway(c.smsUrl, c.smsToken) } : {}),
    close: () => smtp?.close(),
  }
}
