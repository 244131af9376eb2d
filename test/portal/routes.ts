import type { FastifyInstance } from 'fastify'

/**
 * Every GET route the app registers, as its path pattern (e.g. `/documents/:id/files/:fileId`), read from
 * Fastify's own route tree so that a route added later is seen by the tests without anyone listing it.
 */
export function getRoutes(app: FastifyInstance): string[] {
  const out: string[] = []
  const stack: { depth: number; path: string }[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│├└─\s]*)(\S+)(?: \(([^)]*)\))?$/.exec(line)
    if (!m) continue
    const depth = (m[1] as string).length / 4
    while (stack.length && (stack.at(-1) as { depth: number }).depth >= depth) stack.pop()
    const parent = stack.at(-1)?.path ?? ''
    const segment = m[2] as string
    const path =
      parent === ''
        ? segment
        : parent.endsWith('/')
          ? `${parent}${segment.replace(/^\//, '')}`
          : `${parent}${segment.startsWith('/') ? '' : '/'}${segment}`
    stack.push({ depth, path })
    if ((m[3] ?? '').split(', ').includes('GET')) out.push(path)
  }
  return out
}
