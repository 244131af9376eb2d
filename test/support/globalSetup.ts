import { execFileSync } from 'node:child_process'

/** Builds dist/ once before any test: the CLI tests run `bin/gongkai.js` exactly as `npx gongkai` does. */
export default function setup(): void {
  execFileSync('node', ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname, stdio: 'inherit' })
}
