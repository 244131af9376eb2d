import type { Dashboard } from '../../services/cases/dashboard.js'
import type { DashboardPage } from '../views/console/DashboardPage.js'
import { presentCaseLine } from './caseLine.js'

/** What the console's first page shows of the dashboard: case lines, figures, notices and report deadlines. */
export function presentDashboard(d: Dashboard): Omit<Parameters<typeof DashboardPage>[0], 'page'> {
  return {
    tasks: d.tasks.map(presentCaseLine),
    dueSoon: d.dueSoon.map(presentCaseLine),
    overdue: d.overdue.map(presentCaseLine),
    figures: d.figures,
    notifications: d.notifications.map((n) => ({ id: n.id, message: n.message, applicationId: n.applicationId })),
    awaitingReview: d.awaitingReview,
    interaction: d.interaction ?? null,
    reports: d.reports.map((r) => ({
      href: `/console/reports/${r.agencyId}/${r.year}`,
      message: r.message,
      state: r.state,
    })),
  }
}
