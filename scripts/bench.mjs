// `npm run bench`: every benchmark, one after another (each measures on a quiet machine, so
// they never run in parallel). Pass names to run some: npm run bench -- billing mining
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

const BENCHMARKS = {
  billing: 'bench/billingImport.ts',
  logs: 'bench/logImport.ts',
  sync: 'bench/syncLatency.ts',
  mining: 'bench/recipeMining.ts',
  app: 'bench/appImport.ts',
  report: 'bench/reportWorkspace.ts',
}

const root = resolve(import.meta.dirname, '..')
const wanted = process.argv.slice(2)
const unknown = wanted.filter((name) => !(name in BENCHMARKS))
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Choose from: ${Object.keys(BENCHMARKS).join(', ')}`)
  process.exit(2)
}

let failed = 0
for (const [name, file] of Object.entries(BENCHMARKS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue
  console.log(`\n=== ${name} (${file}) ===`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', resolve(root, file)], { stdio: 'inherit', cwd: root })
  if (result.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
