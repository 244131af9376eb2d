import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import type { Store } from '../../store/database.js'
import { listColumns } from '../../store/catalogRepo.js'
import { NotFoundError } from '../errors.js'
import { agencyByCode, columnFor, countInColumn, descendants, latestInColumn } from './portal.js'

const COLUMN_PAGE_SIZE = 20
const FEED_SIZE = 50

export interface ColumnListing {
  agency: { name: string; code: string }
  columns: { id: number; slug: string; name: string; parentId: number | null }[]
  /** null: the agency's whole catalog */
  column: { id: number; slug: string; name: string } | null
  docs: { id: number; title: string; publishedOn: string; validity: string }[]
  total: number
  page: number
  pages: number
}

/**
 * One page of a column's public items (with its sub-columns'), or of the agency's whole catalog when `slug` is
 * null; null when the agency or the column does not exist.
 */
export async function columnListing(props: {
  store: Store
  today: CalendarDay
  code: string
  slug: string | null
  page: number
}): Promise<ColumnListing | null> {
  const { store, today, page } = props
  const agency = await agencyByCode(store, props.code)
  if (!agency) return null
  const columns = await listColumns(store.db, agency.id)
  const column = props.slug === null ? null : columns.find((c) => c.slug === props.slug)
  if (column === undefined) return null
  const ids = column ? descendants(columns, column.id) : columns.map((c) => Number(c.id))
  const [docs, total] = await Promise.all([
    latestInColumn(store, ids, today, COLUMN_PAGE_SIZE, (page - 1) * COLUMN_PAGE_SIZE),
    countInColumn(store, ids, today),
  ])
  return {
    agency: { name: agency.name, code: agency.code },
    columns: columns.map((c) => ({ id: Number(c.id), slug: c.slug, name: c.name, parentId: c.parent_id })),
    column: column ? { id: Number(column.id), slug: column.slug, name: column.name } : null,
    docs: docs.map((d) => ({
      id: Number(d.id),
      title: d.title,
      publishedOn: d.published_on ?? '',
      validity: d.validity,
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / COLUMN_PAGE_SIZE)),
  }
}

export interface ColumnFeed {
  agency: { name: string; code: string }
  column: { name: string; slug: string }
  /** the newest entry's change, or the start of today when the column is empty */
  updated: string
  entries: { id: number; title: string; publishedOn: string; updatedAt: string; publisher: string; summary: string }[]
}

/** The Atom feed of a column (`<slug>.atom`): its newest public items. */
export async function columnFeed(props: {
  store: Store
  today: CalendarDay
  code: string
  file: string
}): Promise<ColumnFeed> {
  const slug = /^([a-z0-9-]+)\.atom$/.exec(props.file)?.[1]
  const found = slug === undefined ? null : await columnFor(props.store, props.code, slug)
  if (!found) throw new NotFoundError('该订阅')
  const docs = await latestInColumn(props.store, found.ids, props.today, FEED_SIZE)
  return {
    agency: { name: found.agency.name, code: found.agency.code },
    column: { name: found.column.name, slug: found.column.slug },
    updated: docs[0]?.updated_at ?? `${props.today}T00:00:00Z`,
    entries: docs.map((d) => ({
      id: Number(d.id),
      title: d.title,
      publishedOn: d.published_on ?? '',
      updatedAt: d.updated_at,
      publisher: d.publisher,
      summary: d.body_text.slice(0, 200),
    })),
  }
}
