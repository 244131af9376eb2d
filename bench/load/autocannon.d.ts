// The slice of autocannon this bench uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'
  namespace autocannon {
    interface Histogram {
      average: number
      p50: number
      p99: number
      max: number
      total: number
    }
    interface Result {
      requests: Histogram
      latency: Histogram
      '2xx': number
      non2xx: number
      errors: number
      timeouts: number
    }
    interface Request {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string
    }
    interface Options {
      url: string
      connections?: number
      duration?: number
      method?: string
      headers?: Record<string, string>
      body?: string
      requests?: { setupRequest?: (req: Request) => Request }[]
      setupClient?: (client: EventEmitter) => void
    }
  }
  function autocannon(opts: autocannon.Options): Promise<autocannon.Result>
  export default autocannon
}
