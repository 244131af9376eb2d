import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import type { CheckOutcome } from '../../audit/checkWorker.js'
import type { ParsedReport } from '../../audit/parseReport.js'
import { TooManyRequests } from '../errors.js'

// 年报体检 runs off the event loop (issue 15 finding 1, decision 0029): a pool of worker threads reads and
// checks each report within a time budget. A page that takes longer stops its worker, and its sender is told
// so in Chinese; the server itself never waits on a report.

/**
 * Longer than any real report takes (the slowest of the corpus: about 0.3 s), short of the 5 s a person waits;
 * GONGKAI_REPORT_CHECK_BUDGET_MS sets another (docs/security.md).
 */
function budgetMs(): number {
  const set = Number(process.env.GONGKAI_REPORT_CHECK_BUDGET_MS)
  return Number.isInteger(set) && set > 0 ? set : 4000
}
// one core stays with the server's own event loop, so /healthz keeps answering while a check runs
const MAX_THREADS = Math.max(1, availableParallelism() - 1)
/** Checks waiting for a thread beyond this are refused (429): a flood queues nowhere. */
const MAX_QUEUE = 16

/** A report the budget did not suffice for (its worker was stopped). */
export class ReportCheckTimedOut extends Error {
  readonly code = 'REPORT_CHECK_TIMEOUT'
  constructor(ms: number) {
    super(`检查超时（超过 ${ms / 1000} 秒）：网页结构可能过于复杂，请另存为文本后粘贴，或只粘贴报告正文`)
  }
}

/** A page past the reader's node budget (audit/htmlTree.ts). */
export class ReportTooComplex extends Error {
  readonly code = 'REPORT_TOO_COMPLEX'
}

/** The worker's module: under vitest this file is the TypeScript source and the worker runs its build (dist/). */
function workerFile(): string {
  const url = new URL('../../audit/checkWorker.js', import.meta.url).href
  return import.meta.url.endsWith('.ts') ? url.replace('/src/', '/dist/') : url
}

let pool: Piscina | undefined

function thePool(): Piscina {
  pool ??= new Piscina({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: MAX_THREADS,
    idleTimeout: 60_000,
    maxQueue: MAX_QUEUE,
    // a page that makes the reader hold too much stops its worker, not the server
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  })
  return pool
}

/** One report read and checked on a worker thread, within the time budget. */
export async function checkOffLoop(text: string): Promise<ParsedReport> {
  const p = thePool()
  if (p.queueSize >= MAX_QUEUE) throw new TooManyRequests(5)
  const ms = budgetMs()
  const signal = AbortSignal.timeout(ms)
  let outcome: CheckOutcome
  try {
    outcome = (await p.run(text, { signal })) as CheckOutcome
  } catch (err) {
    if (signal.aborted) throw new ReportCheckTimedOut(ms)
    // a worker that ran out of memory is a page too complex to read, as the node budget says
    if ((err as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY')
      throw new ReportTooComplex('网页过大，无法检查')
    throw err
  }
  if (!outcome.ok) throw new ReportTooComplex(outcome.message)
  return outcome.report
}

/** Stops the pool's threads (the app's onClose); a later check starts a new pool. */
export async function closeReportCheckPool(): Promise<void> {
  const p = pool
  pool = undefined
  await p?.destroy()
}
