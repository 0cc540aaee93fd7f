// `npm run bench`: every benchmark in bench/, one after another (each measures on a quiet
// machine, so they never run in parallel). Pass names to run some: npm run bench -- billing
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

const dir = resolve(import.meta.dirname, '../bench')
const filters = process.argv.slice(2).map((f) => f.toLowerCase())
const benches = readdirSync(dir)
  .filter((name) => name.endsWith('.ts') && !name.includes('.lib.') && !name.startsWith('_'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.toLowerCase().includes(f)))
  .sort()

let failed = 0
for (const name of benches) {
  console.log(`\n=== ${name} ===`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', resolve(dir, name)], { stdio: 'inherit' })
  if (result.status !== 0) failed++
}
if (benches.length === 0) console.log('No benchmark matched.')
process.exit(failed ? 1 : 0)
