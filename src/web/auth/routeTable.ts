import type { Permission } from '../../domain/auth/permissions.js'

/** What a route needs: a permission, or nothing ('public'); `resource` names what `:id` points at. */
export interface RouteNeed {
  permission: Permission | 'public'
  /** the route's `:id` is an application: scope is checked on that case */
  resource?: 'application'
  /** false for machine-to-machine JSON endpoints that take no cookie (CSRF cannot apply) */
  csrf?: boolean
}

/**
 * Routes written elsewhere that need a declaration here (their plugins do not know about auth). Keyed by
 * `METHOD url-pattern`; a route's own `config` wins.
 */
const FOREIGN_ROUTES: Record<string, RouteNeed> = {
  'GET /api/applications/:id': { permission: 'case.read', resource: 'application' },
  'GET /': { permission: 'public' },
  'GET /healthz': { permission: 'public' },
  // the portal's open-data list of published documents
  'GET /api/documents': { permission: 'public' },
  'GET /assets/site.css': { permission: 'public' },
}

/** Paths where an undeclared route is refused (fail closed). */
export function isProtectedPath(url: string): boolean {
  return url === '/console' || url.startsWith('/console/') || url.startsWith('/api/applications')
}

export function needOf(method: string, url: string, config: Partial<RouteNeed> | undefined): RouteNeed | undefined {
  if (config?.permission) return { ...config, permission: config.permission }
  return FOREIGN_ROUTES[`${method} ${url}`]
}
