import { isIP } from 'node:net'
import { z } from 'zod'

// What the server may believe about a request (issue 15 finding 2, decision 0030). The client's address is the
// socket's unless the connection comes from a proxy named here; the site's own address is configured, never
// read from a request's Host or X-Forwarded-Host (which anyone can write).

const ipOrCidr = z.string().refine((s) => {
  const [ip = '', bits, ...rest] = s.split('/')
  const family = isIP(ip)
  if (!family || rest.length) return false
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
}, 'GONGKAI_TRUSTED_PROXIES 应为逗号分隔的 IP 地址或网段（如 10.0.0.2,10.1.0.0/16）')

const env = z.object({
  GONGKAI_TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== ''),
    )
    .pipe(z.array(ipOrCidr)),
  GONGKAI_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'GONGKAI_PUBLIC_URL 应为网站的公开地址，如 https://xxgk.example.gov.cn' })
    .optional(),
})

export interface EdgeConfig {
  /** addresses (or CIDR ranges) of the reverse proxies whose X-Forwarded-For / -Proto are believed; none by default */
  trustedProxies: string[]
  /** the site's public address, without a trailing slash: links in the sitemap, the feeds and the JSON API */
  publicUrl: string
}

/** Where a site that configured no address says it is (a developer's `npm start`). */
export const DEFAULT_PUBLIC_URL = 'http://localhost:3000'

/** The edge settings from the environment; a malformed one stops the start with a message naming it. */
export function edgeConfigFromEnv(source: NodeJS.ProcessEnv = process.env): EdgeConfig {
  const c = env.parse(source)
  return {
    trustedProxies: c.GONGKAI_TRUSTED_PROXIES,
    publicUrl: (c.GONGKAI_PUBLIC_URL ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, ''),
  }
}
