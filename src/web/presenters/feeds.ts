import type { ColumnFeed } from '../../services/catalog/columnListing.js'

function xml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** A column's Atom feed: per entry its link, title, dates, publisher and the start of its text. */
export function atomFeed(base: string, feed: ColumnFeed): string {
  const self = `${base}/feeds/${feed.agency.code}/${feed.column.slug}.atom`
  const entries = feed.entries
    .map(
      (d) => `  <entry>
    <id>${xml(`${base}/documents/${d.id}`)}</id>
    <title>${xml(d.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(`${base}/documents/${d.id}`)}"/>
    <published>${d.publishedOn}T00:00:00+08:00</published>
    <updated>${xml(d.updatedAt)}</updated>
    <author><name>${xml(d.publisher)}</name></author>
    <summary>${xml(d.summary)}</summary>
  </entry>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xml(self)}</id>
  <title>${xml(`${feed.agency.name} - ${feed.column.name}`)}</title>
  <link rel="self" href="${xml(self)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${base}/xxgk/${feed.agency.code}/${feed.column.slug}`)}"/>
  <updated>${xml(feed.updated)}</updated>
${entries}
</feed>
`
}

/** The sitemap: each public document's page and publication day. */
export function sitemapXml(base: string, docs: { id: number; publishedOn: string }[]): string {
  const urls = docs
    .map((r) => `  <url><loc>${xml(`${base}/documents/${r.id}`)}</loc><lastmod>${r.publishedOn}</lastmod></url>`)
    .join('\n')
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`
}
