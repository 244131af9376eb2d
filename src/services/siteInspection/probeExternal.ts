/** An external link answers: HEAD (GET when HEAD is refused) within 10 s, any status below 400. */
export async function probeExternal(url: string): Promise<boolean> {
  for (const method of ['HEAD', 'GET']) {
    try {
      const res = await fetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(10_000) })
      if (res.status < 400) return true
      if (res.status !== 405) return false
    } catch {
      return false
    }
  }
  return false
}
