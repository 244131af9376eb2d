import type { ServiceListData } from '../views/services/ServiceListPage.js'
import { servicesUrl } from '../views/services/ServiceListPage.js'

/** GET /api/services/:code: the fields the open-data list shows (full guides are on each item's page). */
export function presentServiceList(base: string, data: ServiceListData) {
  return {
    agency: data.agency,
    total: data.total,
    kinds: data.kinds,
    items: data.groups.flatMap((g) =>
      g.items.map((i) => ({
        code: i.code,
        name: i.name,
        kind: g.label,
        version: i.version,
        url: `${base}${servicesUrl(data.agency.code)}/${i.id}`,
      })),
    ),
  }
}
