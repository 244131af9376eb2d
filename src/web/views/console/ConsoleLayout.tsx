import type { ComponentChildren } from 'preact'
import type { Permission } from '../../../domain/auth/permissions.js'

interface ConsoleUser {
  displayName: string
  username: string
  roleLabels: string[]
  can: Partial<Record<Permission, boolean>>
}

/** What every console page is handed: who is signed in and the CSRF token for its forms. */
export interface PageContext {
  user: ConsoleUser | null
  csrf: string
  /** a warning shown on every page (e.g. next year's calendar missing) */
  banner?: string | null
}

export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />
}

const NAV: { href: string; label: string; need: Permission }[] = [
  { href: '/console', label: '工作台', need: 'console.view' },
  { href: '/console/applications', label: '依申请公开', need: 'case.read' },
  { href: '/console/applications/new', label: '登记申请', need: 'case.register' },
  { href: '/console/reviews', label: '复议诉讼', need: 'case.read' },
  { href: '/console/interaction', label: '政民互动', need: 'interaction.read' },
  { href: '/console/outbox', label: '申请人消息', need: 'case.read' },
  { href: '/console/retention', label: '个人信息保存期限', need: 'case.read' },
  { href: '/console/catalog', label: '主动公开', need: 'console.view' },
  { href: '/console/reports', label: '年度报告', need: 'case.read' },
  { href: '/console/supervision', label: '监督考核', need: 'supervision.read' },
  { href: '/console/report-check', label: '年报体检', need: 'console.view' },
  { href: '/console/calendar', label: '工作日历', need: 'calendar.manage' },
  { href: '/console/search-dictionary', label: '检索词典', need: 'search.dictionary' },
  { href: '/console/users', label: '用户与权限', need: 'user.read' },
  { href: '/console/agencies', label: '机关与处室', need: 'department.manage' },
  { href: '/console/templates', label: '文书模板', need: 'letter.template' },
  { href: '/console/audit', label: '审计日志', need: 'audit.read' },
  { href: '/console/services', label: '政务服务事项', need: 'serviceItem.manage' },
  { href: '/console/inspections', label: '双随机', need: 'inspection.manage' },
  { href: '/console/site-inspection', label: '网站检查', need: 'siteInspection.read' },
]

/** The staff console frame: navigation by permission, sign-out form (POST, CSRF), no inline script. */
export function ConsoleLayout(props: { title: string; page: PageContext; children: ComponentChildren }) {
  const u = props.page.user
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - gongkai 工作台`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <a class="skip" href="#main">
          跳到正文
        </a>
        <header class="site-header console-header">
          <a href="/console" class="brand">
            gongkai 政府信息公开工作台
          </a>
          {u ? (
            <div class="whoami">
              <span>
                {u.displayName}（{u.roleLabels.join('、')}）
              </span>
              <a href="/console/password">修改密码</a>
              <form method="post" action="/console/logout" class="inline">
                <Csrf token={props.page.csrf} />
                <button type="submit">退出</button>
              </form>
            </div>
          ) : null}
        </header>
        {u ? (
          <nav class="console-nav" aria-label="工作台导航">
            <ul>
              {NAV.filter((n) => u.can[n.need]).map((n) => (
                <li key={n.href}>
                  <a href={n.href}>{n.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main id="main">
          {props.page.banner ? (
            <p class="banner" role="alert">
              {props.page.banner}
            </p>
          ) : null}
          {props.children}
        </main>
      </body>
    </html>
  )
}

export function Errors(props: { errors?: { field: string; message: string }[] }) {
  if (!props.errors?.length) return null
  return (
    <div class="errors" role="alert">
      <p>请修改以下问题：</p>
      <ul>
        {props.errors.map((e) => (
          <li key={e.field + e.message}>{e.message}</li>
        ))}
      </ul>
    </div>
  )
}
