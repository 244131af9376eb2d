// De-identification before publication (issue 17 point 2, decision 0046). Pure: text in, findings out.
export { PERSONAL_DATA_KINDS, kindLabel } from './findings.js'
export type { Finding, PersonalDataKind } from './findings.js'
export { findPersonalData } from './detect.js'
export { maskFinding, maskNumber, maskEmail, maskContact, applyMasks } from './mask.js'
