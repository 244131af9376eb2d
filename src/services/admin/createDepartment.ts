import { z } from 'zod'
import type { Store } from '../../store/database.js'
import { findAgencyById, insertDepartment, listDepartments } from '../../store/agencyRepo.js'
import type { Actor } from '../actor.js'
import { auditActor, authorize } from '../actor.js'
import { appendAudit } from '../auditLog.js'
import { NotFoundError, ValidationError } from '../errors.js'

const departmentName = z.string().trim().min(1).max(50)

export interface CreateDepartmentProps {
  store: Store
  actor: Actor
  agencyId: number
  name: string
}

/**
 * Adds a department (处室) to an agency: a system administrator, or that agency's administrator; the name is
 * unique within the agency. The department and its audit record commit together.
 */
export async function createDepartment({
  store,
  actor,
  agencyId,
  name: input,
}: CreateDepartmentProps): Promise<number> {
  authorize(actor, 'department.manage', { agencyId }, '无权管理该机关的处室')
  const name = departmentName.safeParse(input)
  if (!name.success) throw new ValidationError([{ field: 'name', message: '请填写处室名称（不超过50字）' }])
  return store.db.transaction().execute(async (trx) => {
    if (!(await findAgencyById(trx, agencyId))) throw new NotFoundError('该机关')
    if ((await listDepartments(trx, [agencyId])).some((d) => d.name === name.data))
      throw new ValidationError([{ field: 'name', message: `处室「${name.data}」已存在` }])
    const id = await insertDepartment(trx, agencyId, name.data)
    await appendAudit(trx, {
      ...auditActor(actor),
      action: 'department.create',
      targetType: 'department',
      targetId: id,
      detail: { agencyId, name: name.data },
    })
    return id
  })
}
