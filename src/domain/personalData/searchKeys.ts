import { maskNumber } from '../privacy/index.js'

// What staff search applicants by (issue 17 point 1, decision 0045): the keyed hash index holds only hashes of
// these normal forms, so the same name or number typed differently still finds the case.

/** A name as compared: full-width folded to half-width (NFKC), spaces and the middle dot removed, lower case. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s·•・.]/g, '')
    .toLowerCase()
}

/**
 * A phone number as compared: digits only, the country code 86 dropped from a mainland mobile (+86 138…, 0086 138…),
 * so `138 0013 8000`, `138-0013-8000` and `+86 13800138000` are one number. Empty when fewer than 5 digits remain.
 */
export function normalisePhone(phone: string): string {
  let d = phone.normalize('NFKC').replace(/\D/g, '')
  if (/^(0086|86)1\d{10}$/.test(d)) d = d.replace(/^(0086|86)/, '')
  return d.length >= 5 ? d : ''
}

/** One applicant across applications: the name with the ID number or credit code they gave (upper case). */
export function identityKey(name: string, idNumber: string): string {
  return `${normaliseName(name)}|${idNumber.normalize('NFKC').replace(/\s/g, '').toUpperCase()}`
}

/**
 * A staff search term as the audit trail keeps it: a run of 10 or more digits (a phone with its area code or mobile
 * prefix, an ID number) is masked as the privacy check masks it (`139****5678`); case numbers and dates, shorter,
 * stay as typed.
 */
export function maskedSearchTerm(term: string): string {
  return term.replace(/[0-9][0-9\s-]{3,}[0-9xX]/g, (run) =>
    run.replace(/[\s-]/g, '').length < 10 ? run : maskNumber(run),
  )
}
