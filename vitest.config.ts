import { defineConfig } from 'vitest/config'

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // most of a test's time is spent waiting on PostgreSQL, Chromium or a child process: two files at a time
    // keep both cores busy (vitest's default on a 2-core machine is one)
    maxWorkers: 2,
    globalSetup: ['./test/support/globalSetup.ts'],
    reporters: ['default', './test/support/countReporter.ts'],
  },
})
