import type { Bulletin } from '../../services/supervision/bulletins.js'

/** A 通报 as its page shows it. */
export function presentBulletin(b: Bulletin) {
  return {
    id: b.id,
    title: b.title,
    docNo: b.docNo,
    intro: b.intro,
    closing: b.closing,
    published: b.status === 'published',
    publishedAt: b.publishedAt,
    generatedAt: b.generatedAt,
    rootName: b.rootName,
    figures: b.parsed,
  }
}

export type BulletinView = ReturnType<typeof presentBulletin>

/** 87.5% (one decimal), or — without a denominator. */
export function percent(n: number, d: number): string {
  return d > 0 ? `${((n / d) * 100).toFixed(1)}%` : '—'
}

/** A change on the period before: +3 / −2 / 0. */
export function delta(now: number, before: number): string {
  const d = Math.round((now - before) * 10) / 10
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '0'
}
