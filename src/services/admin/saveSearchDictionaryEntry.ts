import { z } from 'zod'
import type { Store } from '../../store/database.js'
import { saveDictionaryEntry } from '../../store/searchDictionaryRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { ValidationError } from '../errors.js'

// A saved group is in force for the next search; nothing is re-indexed: synonyms are expanded in the query
// (decision 0028).

const phrase = (field: string, what: string) =>
  z
    .string()
    .trim()
    .min(2, `${what}至少2个字`)
    .max(30, `${what}不超过30个字`)
    .regex(/^[\p{L}\p{N}]+$/u, `${what}只能包含汉字、字母和数字`)
    .transform((s) => s.toLowerCase())
    .describe(field)

const entryForm = z.object({
  term: phrase('term', '词语'),
  synonyms: z
    .string()
    .transform((s) => s.split(/[\s,，、;；]+/u).filter(Boolean))
    .pipe(z.array(phrase('synonyms', '同义词')).min(1, '请填写至少一个同义词或全称').max(10, '同义词不超过10个')),
})

/** Adds a group (a term and what it also means), or replaces the synonyms of a term already listed. */
export async function saveSearchDictionaryEntry(props: {
  store: Store
  actor: Actor
  term: string
  synonyms: string
  now: Date
}): Promise<{ term: string; synonyms: string[] }> {
  authorize(props.actor, 'search.dictionary')
  const parsed = entryForm.safeParse({ term: props.term, synonyms: props.synonyms })
  if (!parsed.success)
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'term'), message: i.message })),
    )
  const { term, synonyms } = parsed.data
  const others = [...new Set(synonyms.filter((s) => s !== term))]
  if (others.length === 0) throw new ValidationError([{ field: 'synonyms', message: '同义词不能与词语相同' }])
  await props.store.db.transaction().execute(async (trx) => {
    await saveDictionaryEntry(trx, {
      term,
      synonyms: others,
      createdBy: props.actor.username,
      createdAt: props.now.toISOString(),
    })
    await appendAudit(trx, {
      ...auditActor(props.actor),
      action: 'search.dictionarySave',
      targetType: 'searchDictionary',
      targetId: term,
      detail: { synonyms: others },
    })
  })
  return { term, synonyms: others }
}
