import type { Reporter, TestModule } from 'vitest/node'

/**
 * Prints the plain closing line CI reads, `N passed, N failed` (vitest's own summary is not read), after a line
 * that counts the skipped tests.
 * A file that failed outside its tests (import error, failing beforeAll) counts as one failure more.
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const m of testModules) {
      let failedHere = 0
      for (const t of m.children.allTests()) {
        const state = t.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failedHere++
        else skipped++
      }
      if (failedHere === 0 && (m.state() === 'failed' || (m.errors?.() ?? []).length > 0)) failedHere = 1
      failed += failedHere
    }
    failed += unhandledErrors.length
    process.stdout.write(`\n${skipped} skipped\n${passed} passed, ${failed} failed\n`)
  }
}
