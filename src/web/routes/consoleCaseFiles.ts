import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { caseDossier } from '../../services/cases/caseDossier.js'
import { caseFileDownload } from '../../services/cases/caseFileDownload.js'
import { exportCaseList } from '../../services/cases/exportCaseList.js'
import type { AppContext } from '../context.js'
import { presentCase } from '../presenters/casePage.js'
import { CaseDossierPage } from '../views/console/CaseDossierPage.js'
import { listQuery } from './consoleApplications.schema.js'
import { fileParams } from './consoleCaseFiles.schema.js'
import { idParams } from './formSchemas.js'
import { pageContext, requestActor, sendHtml } from './consoleSupport.js'

/** `attachment; filename=…` with an ASCII fallback and the UTF-8 name (RFC 6266). */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

/** The whole case file: the applicant's uploads (audited downloads), the printable 案卷, and the 台账 export. */
export const consoleCaseFileRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (plugin, { ctx }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>()

  app.get(
    '/console/applications/:id/files/:fileId',
    { schema: { params: fileParams }, config: { permission: 'case.read', resource: 'application' } },
    async (req, reply) => {
      const { id: applicationId, fileId } = req.params
      const f = await caseFileDownload({ store: ctx.store, actor: requestActor(req), applicationId, fileId })
      return reply
        .type(f.mime || 'application/octet-stream')
        .header('content-disposition', attachment(f.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(f.data)
    },
  )

  app.get(
    '/console/applications/:id/file',
    { schema: { params: idParams }, config: { permission: 'case.read', resource: 'application' } },
    async (req, reply) => {
      const today = ctx.today()
      const d = await caseDossier({ store: ctx.store, actor: requestActor(req), applicationId: req.params.id, today })
      const page = await pageContext(ctx, req, reply)
      return sendHtml(reply, CaseDossierPage({ page, c: presentCase(d.data), letters: d.letters, printedOn: today }))
    },
  )

  app.get(
    '/console/applications/export.xlsx',
    { schema: { querystring: listQuery }, config: { permission: 'case.read' } },
    async (req, reply) => {
      const { page: _page, ...filter } = req.query
      const today = ctx.today()
      const xlsx = await exportCaseList({ store: ctx.store, actor: requestActor(req), filter, today })
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(`依申请公开台账-${today}.xlsx`))
        .header('cache-control', 'no-store')
        .send(xlsx)
    },
  )
}
