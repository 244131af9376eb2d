import type { ListedDocument } from '../../services/catalog/documentList.js'

/** One document of GET /api/documents: the fields other systems read, and its page's address. */
export function presentListedDocument(base: string, d: ListedDocument) {
  return {
    indexNo: d.indexNo,
    title: d.title,
    publishedOn: d.publishedOn,
    url: `${base}/documents/${d.id}`,
    docNo: d.docNo,
    publisher: d.publisher,
    validity: d.validity,
    ...(d.snippet === undefined ? {} : { snippet: d.snippet }),
  }
}
