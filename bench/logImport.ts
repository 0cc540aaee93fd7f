/**
 * Agent-log import benchmark: `npx tsx bench/logImport.ts [shape...]` (shapes: large, small,
 * longLines; all by default).
 *
 * Generates each shape of Claude Code transcripts once in bench-data/agent-logs-<shape>/
 * (reused while its size marker matches; see generateTranscripts.ts): a few hundred 3 MB
 * sessions, 13,000 small ones (median 75 KB, lines under 1 KB), and sessions whose tool
 * results are 50–150 KB lines. Then, per shape, each side as the command a person would type:
 * `npm run cli -- import --json <folder>` (scripts/cli.mjs: discovery, reading, dedup,
 * pricing, steps, the runs batch, the JSON report) and `ccusage session --json --offline` on
 * the same folder, taking turns for three rounds (BENCH_ROUNDS), each side's best round
 * counting. Prints wall and CPU time, cores used, peak RSS, the ratio, whether the token
 * totals agree, and the load average (the machine is shared). Targets: 1.5× ccusage's speed
 * on every shape, peak RSS < 300 MB.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findLogFiles } from '../node/agentLogs/discover'
import { failOnUnreadable } from '../node/filesInFolder'
import { generateTranscripts, TRANSCRIPT_SHAPES } from './generateTranscripts'
import { bestOfAlternatingRounds } from './bestOfRounds'
import { timedCommand } from './timedCommand'
import { ccusageBinary } from '../test/support/ccusageBinary'

const HERE = dirname(fileURLToPath(import.meta.url))
const CLI = join(HERE, '..', 'scripts', 'cli.mjs')
const DATA_ROOT = process.env.LOG_BENCH_DIR ?? join(HERE, '..', 'bench-data')
/** Megabytes generated per shape: about what the issue's measurements used. */
const SHAPE_MEGABYTES: Record<keyof typeof TRANSCRIPT_SHAPES, number> = { large: 1000, small: 1100, longLines: 500 }
const RATIO_TARGET = 1.5
const RSS_TARGET_MB = 300

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

/** The shape's folder, generated first when missing or smaller than asked. */
async function shapeFolder(shape: keyof typeof TRANSCRIPT_SHAPES): Promise<string> {
  const folder = join(DATA_ROOT, `agent-logs-${shape}`)
  const megabytes = SHAPE_MEGABYTES[shape]
  const marker = join(folder, 'generated-bytes.txt')
  if (!existsSync(marker) || Number(readFileSync(marker, 'utf8')) < megabytes * 1e6) {
    rmSync(folder, { recursive: true, force: true })
    process.stdout.write(`generating ~${megabytes} MB of ${shape} transcripts in ${folder} …\n`)
    writeFileSync(marker, String(await generateTranscripts(folder, megabytes * 1e6, TRANSCRIPT_SHAPES[shape])))
  }
  return folder
}

const load = () => loadavg().map((value) => value.toFixed(1)).join(' ')

async function benchShape(shape: keyof typeof TRANSCRIPT_SHAPES): Promise<boolean> {
  const folder = await shapeFolder(shape)
  const files = findLogFiles([folder], failOnUnreadable)
  const bytes = files.reduce((sum, path) => sum + statSync(path).size, 0)
  process.stdout.write(`\n--- ${shape}: ${files.length} files, ${(bytes / 1e6).toFixed(0)} MB; load average before ${load()}\n`)
  const { rounds, best } = bestOfAlternatingRounds({ ours: () => runOurs(folder, bytes), ccusage: () => runCcusage(folder, bytes) }, (result) => result.processSeconds)
  const { ours, ccusage: theirs } = best
  process.stdout.write(`best of ${rounds} alternating rounds per side (load average after ${load()}):\n`)
  const mbps = (seconds: number) => bytes / 1e6 / seconds
  for (const side of [ours, theirs]) {
    process.stdout.write(
      `${side.side.padEnd(10)} ${side.sessions} sessions  whole command ${side.processSeconds.toFixed(2)} s = ${mbps(side.processSeconds).toFixed(0)} MB/s  CPU ${side.cpuSeconds.toFixed(2)} s (${(side.cpuSeconds / side.processSeconds).toFixed(2)} cores)  peak RSS ${side.maxRssMB.toFixed(0)} MB\n`,
    )
  }
  const same = JSON.stringify(ours.totals) === JSON.stringify(theirs.totals)
  process.stdout.write(`token totals ${same ? 'agree' : `DIFFER: ours ${JSON.stringify(ours.totals)} ccusage ${JSON.stringify(theirs.totals)}`}\n`)
  const ratio = theirs.processSeconds / ours.processSeconds
  const met = ratio >= RATIO_TARGET && ours.maxRssMB < RSS_TARGET_MB
  process.stdout.write(`ratio (whole process, wall): ${ratio.toFixed(2)}x ccusage's speed; (CPU): ${(theirs.cpuSeconds / ours.cpuSeconds).toFixed(2)}x\n`)
  process.stdout.write(`targets >= ${RATIO_TARGET}x (${ratio.toFixed(2)}x), RSS < ${RSS_TARGET_MB} MB (${ours.maxRssMB.toFixed(0)}): ${met ? 'met' : 'NOT met'}\n`)
  return met
}

async function main(): Promise<void> {
  const names = Object.keys(TRANSCRIPT_SHAPES) as (keyof typeof TRANSCRIPT_SHAPES)[]
  const wanted = process.argv.slice(2)
  const unknown = wanted.filter((name) => !names.includes(name as keyof typeof TRANSCRIPT_SHAPES))
  if (unknown.length > 0) throw new Error(`unknown shape ${unknown.join(', ')}; choose from ${names.join(', ')}`)
  // Build the command line's bundle now, so no round pays for it.
  spawnSync(process.execPath, [CLI, '--help'], { stdio: 'ignore' })
  const results: string[] = []
  for (const shape of names.filter((name) => wanted.length === 0 || wanted.includes(name))) results.push(`${shape} ${(await benchShape(shape)) ? 'met' : 'NOT met'}`)
  process.stdout.write(`\n${results.join(', ')}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
  process.exitCode = 1
})
