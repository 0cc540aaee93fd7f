/**
 * Recipe mining at scale: 100,000 runs of a team's recurring workflows with realistic noise
 * (inserted reads and searches, repeated edit/test loops, skipped steps, subagents) and 25%
 * one-offs, from the generator the mining tests score against. Target: under 2 s for
 * mineRecipes on this machine. Run with `npx tsx bench/recipeMining.ts [runs]`.
 */
import { mineRecipes } from '../shared/mining'
import { generateTeamRuns, TEAM_WORKFLOWS } from '../test/support/generatedWorkflows'

const count = Number(process.argv[2] ?? 100_000)
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
console.log(`mineRecipes: ${elapsed.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; ${result.candidates.length} candidates, ${result.unmatchedRuns} runs in none, min support ${result.minSupport}`)
for (const candidate of result.candidates) {
  console.log(`  ${candidate.steps.join(' → ').padEnd(48)} ${String(candidate.support).padStart(6)} runs  ${String(candidate.variants.length).padStart(3)} variants  total $${candidate.costUSD.total}`)
}
