import type { CalendarDay } from '../../domain/calendar/calendarDay.js'
import { bodyForEditing, bodyFromInput } from '../../domain/catalog/body.js'
import { ART20_CATEGORIES, DISCLOSURES, VALIDITIES } from '../../domain/catalog/metadata.js'
import { isEditable } from '../../domain/catalog/workflow.js'
import type { Principal } from '../../domain/auth/roles.js'
import { findAgencyById, listAgencies } from '../../store/agencyRepo.js'
import type { Store } from '../../store/database.js'
import { documentAttachments, findDocument, listColumns } from '../../store/catalogRepo.js'
import type { Actor } from '../actor.js'
import { authorize } from '../actor.js'
import { NotFoundError, ValidationError } from '../errors.js'
import type { AttachmentStorage } from './attachmentStorage.js'
import { addAttachment, checkAttachment } from './attachments.js'
import { createDocument, updateDocument } from './documents.js'

// Writing and editing a document in the console (issue 13 point 1): the drafter fills every field of the
// catalog, attaches files, and (for a policy) writes the 政策解读 that goes out with it.

/** The fields of the drafting form, as the browser sends them (text; the service reads and checks them). */
export const DRAFT_FIELDS = [
  'columnId',
  'title',
  'body',
  'docNo',
  'formedOn',
  'topic',
  'genre',
  'disclosure',
  'validity',
  'publisher',
  'source',
  'art20',
  'major',
  'requiresInterpretation',
  'interpretsId',
] as const
export type DraftForm = Partial<Record<(typeof DRAFT_FIELDS)[number], string>>

export interface DraftFile {
  fileName: string
  data: Uint8Array
}

const isAdmin = (p: Principal) => p.roles.includes('sysAdmin')

/** The columns a drafter may file into: their agency's (every agency's for a system administrator). */
async function columnsFor(store: Store, p: Principal) {
  const agencies = isAdmin(p)
    ? await listAgencies(store.db)
    : [await findAgencyById(store.db, p.agencyId ?? -1)].filter((a) => a !== undefined)
  const out: { id: number; name: string; agencyId: number; agencyName: string }[] = []
  for (const a of agencies) {
    const cols = await listColumns(store.db, a.id)
    for (const c of cols) {
      const parent = cols.find((x) => x.id === c.parent_id)
      out.push({ id: c.id, name: parent ? `${parent.name} › ${c.name}` : c.name, agencyId: a.id, agencyName: a.name })
    }
  }
  return out
}

async function editableDocument(store: Store, p: Principal, id: number) {
  const doc = await findDocument(store.db, id)
  if (!doc || (!isAdmin(p) && doc.agency_id !== p.agencyId)) throw new NotFoundError('该信息')
  return doc
}

/**
 * What the drafting form needs: the columns, the values of the item being edited (or of a new one, a 政策解读
 * when `interpretsId` names its policy), its attachments.
 */
export async function draftingForm(props: { store: Store; actor: Actor; id?: number; interpretsId?: number }) {
  const p = authorize(props.actor, 'publication.draft')
  const columns = await columnsFor(props.store, p)
  const agency = p.agencyId === null ? undefined : await findAgencyById(props.store.db, p.agencyId)
  if (props.id === undefined) {
    const policy = props.interpretsId ? await editableDocument(props.store, p, props.interpretsId) : null
    const values: DraftForm = {
      publisher: agency?.name ?? '',
      disclosure: 'active',
      validity: 'valid',
      ...(policy
        ? {
            interpretsId: String(policy.id),
            genre: '政策解读',
            columnId: String(policy.column_id),
            topic: policy.topic,
          }
        : {}),
    }
    return { columns, values, policy: policy && { id: policy.id, title: policy.title }, attachments: [] }
  }
  const doc = await editableDocument(props.store, p, props.id)
  if (!isEditable(doc.status)) throw new ValidationError([{ field: 'status', message: '审核中或已发布的信息不能修改' }])
  const policy = doc.interprets_id ? await findDocument(props.store.db, doc.interprets_id) : undefined
  const values: DraftForm = {
    columnId: String(doc.column_id),
    title: doc.title,
    body: bodyForEditing(doc.body_html),
    docNo: doc.doc_no ?? '',
    formedOn: doc.formed_on,
    topic: doc.topic,
    genre: doc.genre,
    disclosure: doc.disclosure,
    validity: doc.validity,
    publisher: doc.publisher,
    source: doc.source,
    art20: doc.art20 ?? '',
    major: doc.major === 1 ? '1' : '',
    requiresInterpretation: doc.requires_interpretation === 1 ? '1' : '',
    interpretsId: doc.interprets_id ? String(doc.interprets_id) : '',
  }
  const attachments = await documentAttachments(props.store.db, doc.id)
  return {
    columns,
    values,
    policy: policy ? { id: policy.id, title: policy.title } : null,
    attachments: attachments.map((a) => ({ id: a.id, name: a.file_name, size: a.size })),
  }
}

/** A vocabulary field's code, or the field's Chinese message. */
function pick<T extends { code: string; label: string }>(
  list: readonly T[],
  v: string,
  field: string,
  what: string,
): T['code'] {
  const hit = list.find((x) => x.code === v)
  if (!hit) throw new ValidationError([{ field, message: `${what}应为${list.map((x) => x.label).join('、')}之一` }])
  return hit.code
}

const numberOrNull = (v: string | undefined) => (v && /^\d+$/.test(v.trim()) ? Number(v.trim()) : null)

/**
 * 保存 a new draft or the edit of a draft / returned item, with its new attachments: every field and every file
 * is checked before anything is written. Returns the item's id.
 */
export async function saveDraft(props: {
  store: Store
  actor: Actor
  /** the name the document's record shows */
  name: string
  storage: AttachmentStorage
  id?: number
  form: DraftForm
  files: DraftFile[]
  today: CalendarDay
}): Promise<number> {
  const p = authorize(props.actor, 'publication.draft')
  const f = props.form
  const columns = await columnsFor(props.store, p)
  const column = columns.find((c) => c.id === numberOrNull(f.columnId))
  if (!column) throw new ValidationError([{ field: 'columnId', message: '请选择栏目' }])
  if (props.id !== undefined) await editableDocument(props.store, p, props.id)
  const files = props.files.filter((x) => x.data.length > 0)
  for (const file of files) await checkAttachment({ name: file.fileName, bytes: file.data })
  const input = {
    agencyId: column.agencyId,
    columnId: column.id,
    title: f.title ?? '',
    bodyHtml: bodyFromInput(f.body ?? ''),
    docNo: f.docNo ?? null,
    formedOn: f.formedOn ?? '',
    topic: f.topic ?? '',
    genre: f.genre ?? '',
    disclosure: pick(DISCLOSURES, f.disclosure || 'active', 'disclosure', '公开方式'),
    validity: pick(VALIDITIES, f.validity || 'valid', 'validity', '有效性'),
    publisher: f.publisher ?? '',
    source: f.source ?? '',
    art20: f.art20 ? pick(ART20_CATEGORIES, f.art20, 'art20', '《条例》第二十条类别') : null,
    major: f.major === '1',
    requiresInterpretation: f.requiresInterpretation === '1',
    interpretsId: numberOrNull(f.interpretsId),
  }
  const actor = { userId: p.userId, name: props.name, role: p.roles[0] ?? '', ip: props.actor.ip }
  const id =
    props.id === undefined
      ? await createDocument(props.store, input, actor, props.today)
      : (await updateDocument(props.store, props.id, input, actor, props.today), props.id)
  for (const file of files)
    await addAttachment(props.store, props.storage, id, { name: file.fileName, bytes: file.data }, actor, props.today)
  return id
}
