import type { Kysely } from 'kysely'
import type { Database } from '../../store/schema.js'
import { GUIDE_FIELDS, guideSchema } from '../../domain/serviceItems/guide.js'
import { SERVICE_ITEM_KINDS, serviceItemKindLabel } from '../../domain/serviceItems/kinds.js'
import { findAgencyByCode } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import {
  countServiceItemsByKind,
  findServiceItem,
  listGuideVersions,
  listServiceItems,
} from '../../store/serviceItemRepo.js'

// What the public reads of an agency's 政务服务事项: the list by kind (with a simple search) and each 办事指南
// with its versions. Items are public from their import (decision 0039).

/** The agency's items grouped by kind, those matching `q` (name or code) and `kind` when given; null: no agency. */
export async function serviceItemList(props: { store: Store; code: string; q?: string; kind?: string }) {
  const agency = await findAgencyByCode(props.store.db, props.code)
  if (!agency) return null
  const q = props.q?.trim().slice(0, 50) ?? ''
  const kind = SERVICE_ITEM_KINDS.some((k) => k.code === props.kind) ? props.kind : undefined
  const [rows, counts] = await Promise.all([
    listServiceItems(props.store.db, agency.id, { q, kind }),
    countServiceItemsByKind(props.store.db, agency.id),
  ])
  return {
    agency: { name: agency.name, code: agency.code },
    q,
    kind: kind ?? '',
    total: [...counts.values()].reduce((s, n) => s + n, 0),
    kinds: SERVICE_ITEM_KINDS.filter((k) => counts.has(k.code)).map((k) => ({
      code: k.code,
      label: k.label,
      count: counts.get(k.code) ?? 0,
    })),
    groups: SERVICE_ITEM_KINDS.map((k) => ({
      kind: k.code,
      label: k.label,
      items: rows
        .filter((r) => r.kind === k.code)
        .map((r) => ({ id: Number(r.id), code: r.code, name: r.name, department: r.department, version: r.version })),
    })).filter((g) => g.items.length > 0),
    matched: rows.length,
  }
}

/** One item's guide as now in force, and every earlier version with the fields each changed. */
export async function serviceItemGuide(props: { store: Store; code: string; id: number }) {
  const agency = await findAgencyByCode(props.store.db, props.code)
  if (!agency) return null
  const item = await findServiceItem(props.store.db, agency.id, props.id)
  if (!item) return null
  const versions = (await listGuideVersions(props.store.db, item.id)).map((v) => {
    const guide = guideSchema.parse(JSON.parse(v.guide))
    const changed = JSON.parse(v.changed) as string[]
    return {
      version: v.version,
      effectiveOn: v.effective_on,
      fields: GUIDE_FIELDS.map((f) => ({ key: f.key, label: f.label, text: guide[f.key] })),
      changed: GUIDE_FIELDS.filter((f) => changed.includes(f.key)).map((f) => f.label),
    }
  })
  return {
    agency: { name: agency.name, code: agency.code },
    item: {
      id: Number(item.id),
      code: item.code,
      name: item.name,
      kind: serviceItemKindLabel(item.kind),
      department: item.department,
      version: item.version,
    },
    current: versions.find((v) => v.version === item.version) ?? null,
    history: versions.filter((v) => v.version !== item.version),
  }
}

/** Counts by kind, for the report's draft (domain/serviceItems/kinds.ts countsSentence). */
export async function serviceItemCounts(db: Kysely<Database>, agencyId: number) {
  const counts = await countServiceItemsByKind(db, agencyId)
  return SERVICE_ITEM_KINDS.filter((k) => counts.has(k.code)).map((k) => ({
    label: k.label,
    count: counts.get(k.code) ?? 0,
  }))
}
