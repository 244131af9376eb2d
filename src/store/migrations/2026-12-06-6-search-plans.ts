import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { isPostgres } from './dialect.js'

// How PostgreSQL reads the search index (decision 0051). The application chooses the plan of a search from
// the document frequencies it keeps (a walk of the key index, or a bitmap scan of the GIN index); the
// planner's own estimates for a tsquery cannot tell the two apart. search_keys runs the statement the
// application built with that plan forced, for that statement only, in one round trip. The GIN index no
// longer collects new entries in a pending list that every search must scan (publishing writes them at once).
// Nothing on SQLite: FTS5 plans its own reads.
// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return
  await sql`alter index search_docs_tsv set (fastupdate = off)`.execute(db)
  await sql`drop function if exists search_keys(text, boolean, text[], text, bigint, bigint, integer)`.execute(db)
  await sql`create function search_keys(stmt text, walk boolean, terms text[], match text,
      lo bigint, hi bigint, n integer)
    returns table (k bigint, length integer, tf integer[])
    language plpgsql as $fn$
    declare
      seq text := current_setting('enable_seqscan');
      idx text := current_setting('enable_indexscan');
      bmp text := current_setting('enable_bitmapscan');
    begin
      perform set_config('enable_seqscan', 'off', true);
      perform set_config(case when walk then 'enable_bitmapscan' else 'enable_indexscan' end, 'off', true);
      return query execute stmt using terms, match, lo, hi, n;
      perform set_config('enable_seqscan', seq, true);
      perform set_config('enable_indexscan', idx, true);
      perform set_config('enable_bitmapscan', bmp, true);
    end
    $fn$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return
  await sql`drop function if exists search_keys(text, boolean, text[], text, bigint, bigint, integer)`.execute(db)
  await sql`alter index search_docs_tsv reset (fastupdate)`.execute(db)
}
