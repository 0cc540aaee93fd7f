/**
 * Agent-log import benchmark: `npx tsx bench/logImport.ts [megabytes]`.
 *
 * Generates about 1 GB of Claude Code transcripts in bench-data/agent-logs/ (once; reused
 * while the size marker matches): hundreds of sessions, a subagent file for every third,
 * lines of 1–4 KB (see generateTranscripts.ts). Then, in one run, each side as the command a
 * person would type: `npm run cli -- import --json <folder>` (scripts/cli.mjs: discovery,
 * reading, dedup, pricing, steps, the runs batch, the JSON report) and
 * `ccusage session --json --offline` on the same folder, taking turns for three rounds
 * (BENCH_ROUNDS), each side's best round counting. Prints MB/s, CPU time and peak RSS of
 * both, the ratio, and whether the token totals agree. Targets: >= 250 MB/s, peak RSS < 300 MB,
 * faster than ccusage.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findLogFiles } from '../node/agentLogs/discover'
import { failOnUnreadable } from '../node/filesInFolder'
import { generateTranscripts } from './generateTranscripts'
import { bestOfAlternatingRounds } from './bestOfRounds'
import { timedCommand } from './timedCommand'
import { ccusageBinary } from '../cli/agentLogs/ccusageBinary'

const HERE = dirname(fileURLToPath(import.meta.url))
const CLI = join(HERE, '..', 'scripts', 'cli.mjs')
const DATA_DIR = process.env.LOG_BENCH_DIR ?? join(HERE, '..', 'bench-data', 'agent-logs')

interface Totals {
  input: number
  output: number
  cacheWrite: number
  cacheRead: number
}

interface SideResult {
  side: string
  bytes: number
  sessions: number
  /** Whole process, start to exit (what a user waits for). */
  processSeconds: number
  /** User + system CPU time: the machine is shared, so wall time alone misleads. */
  cpuSeconds: number
  maxRssMB: number
  totals: Totals
}

function runOurs(folder: string, bytes: number): SideResult {
  const run = timedCommand(process.execPath, [CLI, 'import', '--json', folder], process.env)
  const report = JSON.parse(run.stdout) as { runs: { tokens: Totals }[] }
  const totals: Totals = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 }
  for (const { tokens } of report.runs) {
    totals.input += tokens.input
    totals.output += tokens.output
    totals.cacheWrite += tokens.cacheWrite
    totals.cacheRead += tokens.cacheRead
  }
  return { side: 'workfolio', bytes, sessions: report.runs.length, processSeconds: run.seconds, cpuSeconds: run.cpuSeconds, maxRssMB: run.maxRssMB, totals }
}

function runCcusage(folder: string, bytes: number): SideResult {
  // An empty HOME and CODEX_HOME: ccusage sees only the benchmark's transcripts.
  const home = mkdtempSync(join(tmpdir(), 'ccusage-bench-'))
  try {
    const run = timedCommand(ccusageBinary(), ['session', '--json', '--offline'], { PATH: process.env.PATH, HOME: home, CLAUDE_CONFIG_DIR: folder, CODEX_HOME: join(home, 'codex') })
    const report = JSON.parse(run.stdout)
    const totals: Totals = { input: report.totals.inputTokens, output: report.totals.outputTokens, cacheWrite: report.totals.cacheCreationTokens, cacheRead: report.totals.cacheReadTokens }
    return { side: 'ccusage', bytes, sessions: report.session.length, processSeconds: run.seconds, cpuSeconds: run.cpuSeconds, maxRssMB: run.maxRssMB, totals }
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const megabytes = Number(args[0] ?? 1000)
  const marker = join(DATA_DIR, 'generated-bytes.txt')
  if (!existsSync(marker) || Number(readFileSync(marker, 'utf8')) < megabytes * 1e6) {
    rmSync(DATA_DIR, { recursive: true, force: true })
    process.stdout.write(`generating ~${megabytes} MB of transcripts in ${DATA_DIR} …\n`)
    writeFileSync(marker, String(await generateTranscripts(DATA_DIR, megabytes * 1e6)))
  }
  const bytes = findLogFiles([DATA_DIR], failOnUnreadable).reduce((sum, path) => sum + statSync(path).size, 0)
  // Build the command line's bundle now, so no round pays for it.
  spawnSync(process.execPath, [CLI, '--help'], { stdio: 'ignore' })
  const { rounds, best } = bestOfAlternatingRounds({ ours: () => runOurs(DATA_DIR, bytes), ccusage: () => runCcusage(DATA_DIR, bytes) }, (result) => result.processSeconds)
  const { ours, ccusage: theirs } = best
  process.stdout.write(`best of ${rounds} alternating rounds per side:\n`)
  const mbps = (seconds: number) => bytes / 1e6 / seconds
  for (const side of [ours, theirs]) {
    process.stdout.write(
      `${side.side.padEnd(10)} ${(side.bytes / 1e6).toFixed(0)} MB  ${side.sessions} sessions  whole command ${side.processSeconds.toFixed(2)} s = ${mbps(side.processSeconds).toFixed(0)} MB/s  CPU ${side.cpuSeconds.toFixed(2)} s = ${mbps(side.cpuSeconds).toFixed(0)} MB/s  peak RSS ${side.maxRssMB.toFixed(0)} MB\n`,
    )
  }
  const same = JSON.stringify(ours.totals) === JSON.stringify(theirs.totals)
  process.stdout.write(`token totals ${same ? 'agree' : `DIFFER: ours ${JSON.stringify(ours.totals)} ccusage ${JSON.stringify(theirs.totals)}`}\n`)
  const speed = mbps(ours.processSeconds)
  const ratio = theirs.processSeconds / ours.processSeconds
  process.stdout.write(`ratio (whole process, wall): ${ratio.toFixed(2)}x ccusage's speed; (CPU): ${(theirs.cpuSeconds / ours.cpuSeconds).toFixed(2)}x\n`)
  process.stdout.write(`targets >= 250 MB/s (${speed.toFixed(0)}), RSS < 300 MB (${ours.maxRssMB.toFixed(0)}), faster than ccusage (${ratio.toFixed(2)}x): ${speed >= 250 && ours.maxRssMB < 300 && ratio > 1 ? 'met' : 'NOT met'}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
  process.exitCode = 1
})
