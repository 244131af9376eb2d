import type { LoginResult } from '../../services/accounts/login.js'

type Refused = Extract<LoginResult, { ok: false }>

/** What a refused login is told, and with which status: 401 wrong, 423 locked, 429 too many attempts. */
export function presentLoginRefusal(r: Refused): { status: number; message: string; retryAfter?: number } {
  switch (r.reason) {
    case 'rateLimited':
      return { status: 429, message: `尝试过于频繁，请 ${r.retryAfter} 秒后再试`, retryAfter: r.retryAfter }
    case 'locked': {
      const until = new Date(r.lockedUntil).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })
      return { status: 423, message: `连续登录失败次数过多，账号已锁定至 ${until}` }
    }
    case 'badCredentials':
      return { status: 401, message: '用户名或密码错误' }
  }
}
