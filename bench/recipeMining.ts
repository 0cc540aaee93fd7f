/**
 * Recipe mining at scale: 100,000 runs of about 20 steps (a few recurring workflows buried in
 * noise, steps from the agent-log label set). Target: under 2 s for mineRecipes on this machine.
 * Run with `npx tsx bench/recipeMining.ts [runs]`.
 */
import { mineRecipes, type MinableRun } from '../shared/mining'
import { mulberry32 } from '../test/support/seededRandom'

const LABELS = ['read', 'search', 'logs', 'edit', 'doc', 'test', 'build', 'git', 'web', 'plan', 'subagent', 'command', 'mcp', 'shell']
const WORKFLOWS = [
  ['search', 'read', 'edit', 'test', 'edit', 'test'],
  ['logs', 'read', 'edit', 'test', 'doc'],
  ['plan', 'read', 'edit', 'build', 'test', 'git'],
  ['web', 'read', 'doc'],
  ['subagent', 'search', 'read', 'plan'],
  ['mcp', 'logs', 'search', 'read', 'edit', 'test', 'git'],
]

function generateRuns(count: number): MinableRun[] {
  const random = mulberry32(2026)
  const pick = () => LABELS[Math.floor(random() * LABELS.length)]
  return Array.from({ length: count }, (_, i) => {
    const steps: string[] = []
    const length = 10 + Math.floor(random() * 21)
    // Most runs follow one or two workflows somewhere among their steps; the rest is noise.
    const planned = random() < 0.7 ? [WORKFLOWS[Math.floor(random() * WORKFLOWS.length)]] : []
    if (random() < 0.2) planned.push(WORKFLOWS[Math.floor(random() * WORKFLOWS.length)])
    while (steps.length < length) {
      if (planned.length > 0 && random() < 0.25) steps.push(...planned.shift()!)
      else steps.push(pick())
    }
    const collapsed = steps.filter((step, k) => step !== steps[k - 1])
    const costUSD = (0.05 + random() * 4).toFixed(6)
    return { id: `run-${String(i).padStart(6, '0')}`, steps: collapsed, costUSD }
  })
}

const count = Number(process.argv[2] ?? 100_000)
const runs = generateRuns(count)
const steps = runs.reduce((sum, run) => sum + run.steps.length, 0)
// CPU time beside wall time: on a shared machine the wall clock also counts other people's work.
const cpuBefore = process.cpuUsage()
const started = performance.now()
const result = mineRecipes(runs)
const elapsed = performance.now() - started
const cpu = process.cpuUsage(cpuBefore)
console.log(`${count} runs, ${(steps / count).toFixed(1)} steps per run on average`)
console.log(`mineRecipes: ${elapsed.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; ${result.candidates.length} candidates, ${result.commonPatterns.length} common patterns, min support ${result.minSupport}${result.truncated ? ', stopped early' : ''}`)
for (const candidate of result.candidates.slice(0, 8)) {
  console.log(`  ${candidate.steps.join(' → ').padEnd(56)} ${String(candidate.support).padStart(6)} runs  total $${candidate.costUSD.total}`)
}
