import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** A message as it arrived on the test SMTP server, decoded. */
export interface ReceivedMail {
  from: string
  to: string[]
  subject: string
  text: string
  raw: string
}

/**
 * A real SMTP server on loopback (smtp-server), keeping what it receives. `refuse`: answer every recipient with a
 * 550 (the sender sees a failure, as with a mailbox that does not exist or a server that is down for mail).
 */
export async function startMailServer(opts: { refuse?: () => boolean } = {}) {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (opts.refuse?.()) return callback(new Error(`550 mailbox unavailable: ${address.address}`))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        simpleParser(raw)
          .then((m) => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: m.subject ?? '',
              text: m.text ?? '',
              raw: raw.toString('utf8'),
            })
            callback()
          })
          .catch((err: Error) => callback(err))
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A tiny SMS gateway on loopback: POST JSON `{ to, text }` with a bearer token, as docs/notifications.md describes. */
export async function startSmsGateway(token: string) {
  const received: { to: string; text: string; auth: string }[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const auth = req.headers.authorization ?? ''
      if (req.method !== 'POST' || auth !== `Bearer ${token}`) {
        res.writeHead(401).end()
        return
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to: string; text: string }
      received.push({ to: body.to, text: body.text, auth })
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
