/** An instant of a record in Beijing time (the office reads it there, whatever the server's zone). */
export function beijing(at: string): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return ''
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}
