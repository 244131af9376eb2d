// The one seam between retention / the applicant's rights and where applicants' personal data is kept: the
// sealed store's readers (issue 17 point 1, decision 0045). Nothing else here opens or erases an applicant.
export { forgetApplicant, readApplicantRecord } from '../personalData/vault.js'
