// The task a worker thread of the report-check pool runs (services/report/reportCheckPool.ts): one report
// read and checked off the server's event loop, so that a hostile page costs a worker, never the server.
import { auditReport } from './audit.js'
import { HtmlTooComplex } from './htmlTree.js'
import type { ParsedReport } from './parseReport.js'

/** A refusal is a value: an error's own fields do not survive the way back from a worker thread. */
export type CheckOutcome = { ok: true; report: ParsedReport } | { ok: false; message: string }

export default function checkInWorker(text: string): CheckOutcome {
  try {
    return { ok: true, report: auditReport(text) }
  } catch (err) {
    if (err instanceof HtmlTooComplex) return { ok: false, message: err.message }
    throw err
  }
}
