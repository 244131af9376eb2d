import { DEFAULT_TEMPLATES, isLetterKind } from '../../domain/letters/templates.js'
import type { Store } from '../../store/database.js'
import { upsertLetterTemplate } from '../../store/letterTemplateRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { ValidationError } from '../errors.js'
import { issuePendingLetters } from '../letters/issuedLetters.js'

/** Placeholders every kind of letter may use, beyond those of its default text. */
const COMMON_PLACEHOLDERS = ['机关', '申请人', '称谓', '编号', '收到日期', '申请内容', '今天']

export interface SaveLetterTemplateProps {
  store: Store
  actor: Actor
  agencyId: number
  /** a letter kind's code (domain/letters/templates.ts) */
  kind: string
  body: string
}

/**
 * Saves an agency's template for one kind of letter: an administrator of that agency (or the system's);
 * placeholders are checked against the default's. The template and its audit record commit together.
 */
export async function saveLetterTemplate({ store, actor, agencyId, kind, body }: SaveLetterTemplateProps) {
  authorize(actor, 'letter.template', { agencyId }, '无权修改该机关的模板')
  if (!isLetterKind(kind)) throw new ValidationError([{ field: 'kind', message: '文书类型无效' }])
  const text = body.replace(/\r\n/g, '\n').trim()
  if (!text) throw new ValidationError([{ field: 'body', message: '模板内容不能为空' }])
  if (text.length > 5000) throw new ValidationError([{ field: 'body', message: '模板内容过长（不超过5000字）' }])
  const known = new Set([...DEFAULT_TEMPLATES[kind].matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]))
  for (const k of COMMON_PLACEHOLDERS) known.add(k)
  const unknown = [...text.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]).filter((k) => !known.has(k))
  if (unknown.length)
    throw new ValidationError([
      { field: 'body', message: `模板中有未知的占位符：${unknown.map((k) => `{${k}}`).join('、')}` },
    ])
  await store.db.transaction().execute(async (trx) => {
    // letters issued under the old text keep it: any not yet stored are stored before the text changes (decision 0033)
    await issuePendingLetters(trx, { agencyId, kind })
    await upsertLetterTemplate(trx, { agencyId, kind, body: text, updatedBy: actor.username })
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'template.save',
      targetType: 'template',
      targetId: `${agencyId}:${kind}`,
      detail: { body: text },
    })
  })
}
