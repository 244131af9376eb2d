import type { ApplicantKind } from '../application/applicant.js'

/**
 * How a letter calls the applicant in its sentences (issue 14 point 6): 您 to a person; a 法人或其他组织 by its
 * name (a letter is addressed to the organisation, not to whoever signed the form). Unknown kind (an event
 * without an applicant): the neutral 您（单位）.
 */
export function applicantCall(kind: ApplicantKind | undefined, name: string): string {
  if (kind === undefined) return '您（单位）'
  return kind === 'naturalPerson' || !name.trim() ? '您' : name.trim()
}

/** The form of address older templates were written with; read as {称谓} wherever it stands. */
export const LEGACY_CALL = '您（单位）'
