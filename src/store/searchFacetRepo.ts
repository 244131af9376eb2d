import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { CalendarDay } from '../domain/calendar/calendarDay.js'
import { publicDocuments } from './catalogRepo.js'
import type { Database } from './schema.js'

/** A value to browse by and how many public documents carry it. */
export interface Facet {
  value: string
  count: number
}

async function facet(db: Kysely<Database>, today: CalendarDay, column: 'topic' | 'genre'): Promise<Facet[]> {
  const rows = await publicDocuments(db, today)
    .select([`documents.${column} as value`, (eb) => eb.fn.countAll<number>().as('n')])
    .where(`documents.${column}`, '<>', '')
    .groupBy(`documents.${column}`)
    .orderBy(`documents.${column}`)
    .execute()
  return rows.map((r) => ({ value: r.value, count: Number(r.n) }))
}

/** 主题分类, 组配分类 and years of the public documents: what the search page offers to browse by. */
export async function publicFacets(
  db: Kysely<Database>,
  today: CalendarDay,
): Promise<{ topics: Facet[]; genres: Facet[]; years: Facet[] }> {
  const year = sql<string>`substr(documents.published_on, 1, 4)`
  const [topics, genres, years] = await Promise.all([
    facet(db, today, 'topic'),
    facet(db, today, 'genre'),
    publicDocuments(db, today)
      .select([year.as('value'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(year)
      .orderBy(year, 'desc')
      .execute(),
  ])
  return { topics, genres, years: years.map((r) => ({ value: r.value, count: Number(r.n) })) }
}
