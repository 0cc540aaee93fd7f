/**
 * Reading a workspace: `npx tsx bench/reportWorkspace.ts [anthropicRows]`, or `npm run bench -- report`.
 *
 * Times the whole `report --workspace` command (wall, CPU, peak RSS) on two workspaces built
 * once in bench-data/ through `import --workspace`, as a user builds them:
 * - one big batch: an Anthropic Console cost export of 818,000 rows (the 100 MB import);
 * - many smaller batches of a wider format: twelve OpenAI cost exports of 20,000–31,000 rows
 *   (17 columns, overlapping days, so rows seen twice are counted once) and ~60 MB of Claude
 *   Code transcripts (runs, which the report also reads).
 * The two take turns for BENCH_ROUNDS rounds and each keeps its best. Target: < 2 s, < 500 MB.
 * The file names carry the stored form they were built with (STORED_FORM), so a change of it
 * builds new workspaces instead of timing old ones.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ANTHROPIC_COST, BENCH_DATA_DIR, billingCsvFile, OPENAI_COST } from './billingCsvFiles'
import { bestOfAlternatingRounds } from './bestOfRounds'
import { generateTranscripts } from './generateTranscripts'
import { timedCommand } from './timedCommand'

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'cli.mjs')
const TARGET_SECONDS = 2
const TARGET_RSS_MB = 500
/** summary1: charges batches stored with their summaries (shared/batches/chargeSummary.ts). */
const STORED_FORM = 'summary1'

interface Shape {
  name: string
  workspace: string
  /** Builds the workspace (only when its file is missing). */
  build: (workspace: string) => Promise<void>
}

function importInto(workspace: string, paths: string[]): void {
  const run = spawnSync(process.execPath, [CLI, 'import', '--workspace', workspace, ...paths], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (run.status !== 0) throw new Error(`import into ${workspace} failed`)
}

function shapes(anthropicRows: number): Shape[] {
  return [
    {
      name: `one Anthropic cost import of ${anthropicRows} rows`,
      workspace: join(BENCH_DATA_DIR, `report-anthropic-${anthropicRows}-${STORED_FORM}.workfolio`),
      build: async (workspace) => importInto(workspace, [await billingCsvFile(ANTHROPIC_COST, anthropicRows)]),
    },
    {
      name: '12 OpenAI cost imports (20,000–31,000 rows each) and ~60 MB of Claude Code transcripts',
      workspace: join(BENCH_DATA_DIR, `report-openai-12-batches-and-runs-${STORED_FORM}.workfolio`),
      async build(workspace) {
        const logs = join(BENCH_DATA_DIR, 'report-transcripts')
        mkdirSync(logs, { recursive: true })
        await generateTranscripts(logs, 60e6)
        importInto(workspace, [logs])
        // One file an import: each becomes a batch of its own.
        for (let i = 0; i < 12; i++) importInto(workspace, [await billingCsvFile(OPENAI_COST, 20_000 + i * 1_000)])
      },
    },
  ]
}

async function main(): Promise<void> {
  const anthropicRows = Number(process.argv[2] ?? 818_000)
  const all = shapes(anthropicRows)
  for (const shape of all) {
    if (existsSync(shape.workspace)) continue
    process.stdout.write(`building ${shape.workspace} …\n`)
    await shape.build(shape.workspace)
  }
  // Build the command line's bundle now, so no round pays for it.
  spawnSync(process.execPath, [CLI, '--help'], { stdio: 'ignore' })
  const sides = Object.fromEntries(all.map((shape) => [shape.name, () => timedCommand(process.execPath, [CLI, 'report', '--json', '--workspace', shape.workspace])]))
  const { rounds, best } = bestOfAlternatingRounds(sides, (result) => result.seconds)
  process.stdout.write(`best of ${rounds} alternating rounds per workspace, whole \`report --json --workspace\` command:\n`)
  let met = true
  for (const shape of all) {
    const result = best[shape.name]
    const report = JSON.parse(result.stdout) as { period: string; unassigned: { charges: number; runs: number } }
    met &&= result.seconds < TARGET_SECONDS && result.maxRssMB < TARGET_RSS_MB
    process.stdout.write(
      `${shape.name}: ${result.seconds.toFixed(2)} s wall, ${result.cpuSeconds.toFixed(2)} s CPU, peak RSS ${result.maxRssMB.toFixed(0)} MB (period ${report.period}: ${report.unassigned.charges} unassigned charges, ${report.unassigned.runs} runs)\n`,
    )
  }
  process.stdout.write(`targets < ${TARGET_SECONDS} s and < ${TARGET_RSS_MB} MB on every workspace: ${met ? 'met' : 'NOT met'}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
  process.exitCode = 1
})
