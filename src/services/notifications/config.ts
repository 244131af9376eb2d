import { z } from 'zod'

/**
 * Where messages go, from the environment (docs/notifications.md):
 * GONGKAI_SMTP_URL (smtp://user:pass@host:587 or smtps://…), GONGKAI_MAIL_FROM, GONGKAI_SMS_URL (the gateway's
 * HTTP endpoint), GONGKAI_SMS_TOKEN (its bearer token), GONGKAI_PUBLIC_URL (the portal's address in messages).
 */
// an empty variable is an unset one (a compose file's `GONGKAI_SMS_URL=` switches SMS off)
const unsetIfEmpty = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === '' ? undefined : v), t)

const env = z.object({
  GONGKAI_SMTP_URL: unsetIfEmpty(z.url({ protocol: /^smtps?$/ }).optional()),
  GONGKAI_MAIL_FROM: unsetIfEmpty(z.string().min(3).optional()),
  GONGKAI_SMS_URL: unsetIfEmpty(z.url({ protocol: /^https?$/ }).optional()),
  GONGKAI_SMS_TOKEN: unsetIfEmpty(z.string().optional()),
  GONGKAI_PUBLIC_URL: unsetIfEmpty(z.url({ protocol: /^https?$/ }).optional()),
})

export interface MessagingConfig {
  smtpUrl?: string
  mailFrom: string
  smsUrl?: string
  smsToken?: string
}

export function messagingConfigFromEnv(e: NodeJS.ProcessEnv = process.env): MessagingConfig {
  const c = env.parse(e)
  return {
    ...(c.GONGKAI_SMTP_URL ? { smtpUrl: c.GONGKAI_SMTP_URL } : {}),
    mailFrom: c.GONGKAI_MAIL_FROM ?? 'gongkai <noreply@localhost>',
    ...(c.GONGKAI_SMS_URL ? { smsUrl: c.GONGKAI_SMS_URL } : {}),
    ...(c.GONGKAI_SMS_TOKEN ? { smsToken: c.GONGKAI_SMS_TOKEN } : {}),
  }
}

/** The status page's address as messages give it. */
export function statusPageUrl(e: NodeJS.ProcessEnv = process.env): string {
  const base = env.shape.GONGKAI_PUBLIC_URL.safeParse(e.GONGKAI_PUBLIC_URL)
  return `${(base.success && base.data) || 'http://localhost:3000'}`.replace(/\/$/, '') + '/apply/status'
}
