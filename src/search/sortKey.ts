// The search key of an indexed document: its publication day number × 2^32 + its id. Newest first is key
// order on both engines (FTS5 rowid, a btree on PostgreSQL), and "published by today" is a key range.
const ID_SPACE = 2 ** 32

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000
}

export function sortKey(publishedOn: string, documentId: number): number {
  return dayNumber(publishedOn) * ID_SPACE + documentId
}

export function documentIdOf(key: number): number {
  return key % ID_SPACE
}

/** The publication day of a key, as a day number (days since 1970-01-01). */
export function dayOfKey(key: number): number {
  return Math.floor(key / ID_SPACE)
}

/** The smallest key of a document published on a day number. */
export function firstKeyOfDay(day: number): number {
  return day * ID_SPACE
}

/** The publication year of a key. */
export function yearOfKey(key: number): number {
  return new Date(dayOfKey(key) * 86_400_000).getUTCFullYear()
}

/** The largest key of a document published on or before `day`. */
export function maxKeyOn(day: string): number {
  return (dayNumber(day) + 1) * ID_SPACE - 1
}

/** The key range of one publication year. */
export function yearKeys(year: number): [number, number] {
  return [dayNumber(`${year}-01-01`) * ID_SPACE, maxKeyOn(`${year}-12-31`)]
}
