/**
 * Recipe mining at scale, `npx tsx bench/recipeMining.ts [runs]` (100,000 by default):
 * 1. mineRecipes alone on the generated team's runs (4 noisy workflows, 25% one-offs);
 * 2. the whole command, `npm run cli -- mine --json --workspace FILE` through the bundled CLI,
 *    on workspaces of two shapes (miningWorkspaces.ts), taking turns for BENCH_ROUNDS rounds
 *    and keeping each shape's best: wall time, CPU time and peak RSS;
 * 3. the app's user action in Chromium (miningInBrowser.ts): the Catalog's mine button until
 *    the candidates show, with the longest main-thread task. Skipped without out/web.
 * Target: under 2 s for the command and the action, on every shape.
 */
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { mineRecipes } from '../shared/mining'
import { generateTeamRuns, TEAM_WORKFLOWS } from '../test/support/generatedWorkflows'
import { bestOfAlternatingRounds } from './bestOfRounds'
import { mineInBrowser } from './miningInBrowser'
import { MINING_SHAPES, miningWorkspace } from './miningWorkspaces'
import { timedCommand } from './timedCommand'

const ROOT = join(import.meta.dirname, '..')
const CLI = join(ROOT, 'scripts', 'cli.mjs')
const DATA_DIR = process.env.MINING_BENCH_DIR ?? join(ROOT, 'bench-data', 'mining')
const TARGET_SECONDS = 2

const count = Number(process.argv[2] ?? 100_000)
const verdict = (seconds: number) => (seconds < TARGET_SECONDS ? `meets < ${TARGET_SECONDS} s` : `MISSES < ${TARGET_SECONDS} s`)

function mineInProcess(): void {
  const oneOffs = Math.round(count / 4)
  const runs = generateTeamRuns({ seed: 2026, runsPerWorkflow: Math.round((count - oneOffs) / TEAM_WORKFLOWS.length), oneOffs })
  const steps = runs.reduce((sum, run) => sum + run.steps.length, 0)
  // CPU time beside wall time: on a shared machine the wall clock also counts other people's work.
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const result = mineRecipes(runs)
  const elapsed = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  console.log(`${runs.length} runs, ${(steps / runs.length).toFixed(1)} steps per run on average`)
  console.log(`mineRecipes alone: ${elapsed.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; ${result.candidates.length} candidates, ${result.unmatchedRuns} runs in none, min support ${result.minSupport}`)
  for (const candidate of result.candidates) {
    console.log(`  ${candidate.steps.join(' → ').padEnd(48)} ${String(candidate.support).padStart(6)} runs  ${String(candidate.variants.length).padStart(3)} variants  total $${candidate.costUSD.total}`)
  }
}

function mineCommand(workspaces: Record<string, string>): void {
  const mine = (path: string) => {
    const run = timedCommand(process.execPath, [CLI, 'mine', '--json', '--workspace', path])
    const report = JSON.parse(run.stdout) as { totalRuns: number; recipes: unknown[] }
    return { ...run, runs: report.totalRuns, candidates: report.recipes.length }
  }
  // The first run builds the CLI bundle when a source changed; it is not timed.
  mine(Object.values(workspaces)[0])
  const sides = Object.fromEntries(Object.entries(workspaces).map(([shape, path]) => [shape, () => mine(path)]))
  const { rounds, best } = bestOfAlternatingRounds(sides, (run) => run.seconds)
  console.log(`\nthe whole command, npm run cli -- mine --json --workspace FILE (best of ${rounds} rounds, taking turns):`)
  for (const [shape, run] of Object.entries(best)) {
    console.log(`  ${shape.padEnd(15)} ${run.runs} runs: ${run.seconds.toFixed(2)} s wall (${verdict(run.seconds)}), ${run.cpuSeconds.toFixed(2)} s CPU, peak RSS ${run.maxRssMB.toFixed(0)} MB; ${run.candidates} candidates`)
  }
}

/** The machine is shared: the load average says how much of it the wall times had. */
function printLoad(when: string): void {
  console.log(`load average ${when}: ${loadavg().map((load) => load.toFixed(1)).join(' ')} on this machine`)
}

async function main(): Promise<void> {
  printLoad('at start')
  mineInProcess()
  const workspaces: Record<string, string> = {}
  for (const shape of MINING_SHAPES) workspaces[shape] = await miningWorkspace(DATA_DIR, shape, count)
  mineCommand(workspaces)
  await mineInBrowser(workspaces, { target: TARGET_SECONDS })
  printLoad('at end')
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
