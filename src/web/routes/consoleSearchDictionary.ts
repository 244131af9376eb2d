import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { deleteSearchDictionaryEntry } from '../../services/admin/deleteSearchDictionaryEntry.js'
import { saveSearchDictionaryEntry } from '../../services/admin/saveSearchDictionaryEntry.js'
import { searchDictionaryForAdmin } from '../../services/admin/searchDictionaryForAdmin.js'
import type { FieldProblem } from '../../services/errors.js'
import type { AppContext } from '../context.js'
import { SearchDictionaryPage } from '../views/console/admin/SearchDictionaryPage.js'
import { formProblems, pageContext, requestActor, sendHtml } from './consoleSupport.js'
import { dictionaryForm } from './consoleSearchDictionary.schema.js'
import { idParams } from './formSchemas.js'

interface Outcome {
  errors?: FieldProblem[]
  done?: string
  form?: { term: string; synonyms: string }
}

/** 检索词典 (issue 14): the synonym groups of the portal's search, for system and agency administrators. */
export const consoleSearchDictionaryRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const store = ctx.store
  const config = { permission: 'search.dictionary' } as const

  async function dictionaryPage(req: FastifyRequest, reply: FastifyReply, o: Outcome = {}) {
    const shown = await searchDictionaryForAdmin({ store, actor: requestActor(req) })
    const page = await pageContext(ctx, req, reply)
    return sendHtml(reply, SearchDictionaryPage({ page, ...shown, ...o }), o.errors ? 400 : 200)
  }

  r.get('/console/search-dictionary', { config }, (req, reply) => dictionaryPage(req, reply))

  r.post('/console/search-dictionary', { schema: { body: dictionaryForm }, config }, async (req, reply) => {
    try {
      const saved = await saveSearchDictionaryEntry({
        store,
        actor: requestActor(req),
        ...req.body,
        now: ctx.now?.() ?? new Date(),
      })
      return await dictionaryPage(req, reply, { done: `已保存：${saved.term} = ${saved.synonyms.join('、')}` })
    } catch (err) {
      return dictionaryPage(req, reply, { errors: formProblems(err), form: req.body })
    }
  })

  r.post('/console/search-dictionary/:id/delete', { schema: { params: idParams }, config }, async (req, reply) => {
    const term = await deleteSearchDictionaryEntry({ store, actor: requestActor(req), id: req.params.id })
    return dictionaryPage(req, reply, { done: `已删除：${term}` })
  })
}
