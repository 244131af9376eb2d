/**
 * A link shown to the public (a transcript, an interpretation, an account's page): http or https only, so no
 * `javascript:` or `data:` address ever reaches an href.
 */
export function isSafeLink(value: string): boolean {
  if (value === '') return true
  try {
    const u = new URL(value)
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== ''
  } catch {
    return false
  }
}
