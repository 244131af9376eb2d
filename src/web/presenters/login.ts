import type { LoginResult } from '../../services/accounts/login.js'

type Refused = Extract<LoginResult, { ok: false }>

/**
 * One answer for an unknown name, a wrong password, a disabled account and a name that must wait (401, the
 * same words: decision 0031); only an address with too many attempts hears 429, which says nothing of accounts.
 */
export const LOGIN_REFUSED = '用户名或密码错误。连续失败后须稍候再试，等候时间随失败次数增加（最长1分钟）。'

export function presentLoginRefusal(r: Refused): { status: number; message: string; retryAfter?: number } {
  switch (r.reason) {
    case 'rateLimited':
      return { status: 429, message: `尝试过于频繁，请 ${r.retryAfter} 秒后再试`, retryAfter: r.retryAfter }
    case 'badCredentials':
      return { status: 401, message: LOGIN_REFUSED }
  }
}
