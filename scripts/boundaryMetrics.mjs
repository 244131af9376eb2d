// Counts the service-boundary debts of issue 10, so "before" and "after" come from one command:
//   node scripts/boundaryMetrics.mjs            (a table)
//   node scripts/boundaryMetrics.mjs --list     (and every site it counted)
// Dead exports are knip's (`npx knip --include exports,types`), duplicate pairs the `duplicates` command's.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

const root = new URL('..', import.meta.url).pathname
const list = process.argv.includes('--list')

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'route'])
const found = { casts: [], longHandlers: [], longFiles: [], agencySelects: [] }

for (const file of sources(join(root, 'src'))) {
  const rel = relative(root, file)
  const text = readFileSync(file, 'utf8')
  const lines = text.split('\n').length
  if (lines > 300) found.longFiles.push(`${rel} (${lines})`)
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const lineOf = (pos) => sf.getLineAndCharacterOfPosition(pos).line + 1
  const visit = (node) => {
    if (ts.isAsExpression(node) && node.type.getText(sf) !== 'const') found.casts.push(`${rel}:${lineOf(node.getStart(sf))}`)
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text
      const last = node.arguments.at(-1)
      if (
        ROUTE_METHODS.has(name) &&
        node.arguments.length >= 2 &&
        ts.isStringLiteralLike(node.arguments[0]) &&
        last &&
        (ts.isArrowFunction(last) || ts.isFunctionExpression(last))
      ) {
        const n = lineOf(last.end) - lineOf(last.getStart(sf)) + 1
        if (n > 15) found.longHandlers.push(`${rel}:${lineOf(node.getStart(sf))} ${node.arguments[0].text} (${n} lines)`)
      }
      if (
        name === 'selectFrom' &&
        !rel.startsWith('src/store/') &&
        node.arguments[0] &&
        ts.isStringLiteralLike(node.arguments[0]) &&
        /^agencies\b/.test(node.arguments[0].text)
      )
        found.agencySelects.push(`${rel}:${lineOf(node.getStart(sf))}`)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
}

const rows = [
  ['`as` casts in src (not `as const`)', found.casts],
  ['route handlers over 15 lines', found.longHandlers],
  ['files over 300 lines in src', found.longFiles],
  ["selectFrom('agencies') outside src/store", found.agencySelects],
]
for (const [label, sites] of rows) {
  console.log(`${String(sites.length).padStart(5)}  ${label}`)
  if (list) for (const s of sites) console.log(`         ${s}`)
}
