import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { formatMoney } from '../../shared/money/format'
import { mineRecipes, type MinableRun, type MiningOptions, type MiningResult } from '../../shared/mining'
import { loadPricingTable } from '../../shared/pricing/pricingTable'
import { findLogFiles } from '../agentLogs/discover'
import { importAgentLogFiles } from '../agentLogs/importAgentLogFiles'
import { openWorkspaceFile } from '../workspaceStore'
import { UsageError, type CliCommand, type CliIO } from './types'

const usage = 'npm run --silent cli -- mine [--json] [--min-support N] [--min-share PCT] [--max-gap N] [--pricing FILE] (PATH... | --workspace FILE)'

/** Candidates printed in the text view; --json prints them all. */
const TEXT_LIMIT = 20

interface MineArgs {
  json?: boolean
  workspace?: string
  pricing?: string
  'min-support'?: string
  'min-share'?: string
  'max-gap'?: string
}

/**
 * Recurring multi-step workflows in a workspace's runs, or in agent logs read straight from
 * disk (nothing is written), best first. --min-support is a number of runs and --min-share a
 * percentage of them: a pattern needs both.
 */
export const mineCommand: CliCommand = {
  name: 'mine',
  summary: 'Find recurring multi-step workflows (recipe candidates) in runs',
  usage,
  async run(args, io) {
    let parsed: { values: MineArgs; positionals: string[] }
    try {
      parsed = parseArgs({
        args,
        options: {
          json: { type: 'boolean' },
          workspace: { type: 'string' },
          pricing: { type: 'string' },
          'min-support': { type: 'string' },
          'min-share': { type: 'string' },
          'max-gap': { type: 'string' },
        },
        strict: true,
        allowPositionals: true,
      })
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    const { values, positionals } = parsed
    if (values.workspace && positionals.length > 0) throw new UsageError('name log files or --workspace, not both')
    if (!values.workspace && positionals.length === 0) throw new UsageError('name agent log files or folders, or --workspace FILE')
    if (values.workspace && values.pricing) throw new UsageError('--pricing applies to log files; a workspace already holds priced runs')
    const options = miningOptions(values)

    const source = values.workspace ? readWorkspaceRuns(resolve(io.cwd, values.workspace), io) : await readLogRuns(positionals.map((path) => resolve(io.cwd, path)), values.pricing ? resolve(io.cwd, values.pricing) : null, io)
    if (!source) return 1
    const result = mineRecipes(source.runs, { ...options, isAnnotated: source.isAnnotated })
    if (result.truncated) io.stderr('So many patterns recur that the search stopped early; raise --min-support or --min-share for a complete list.\n')
    io.stdout(values.json ? JSON.stringify(jsonReport(result), null, 2) + '\n' : textReport(result))
    return 0
  },
}

function miningOptions(values: MineArgs): MiningOptions {
  const integer = (flag: keyof MineArgs, min: number) => {
    const text = values[flag] as string | undefined
    if (text === undefined) return undefined
    if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`--${flag} must be a whole number of at least ${min}, not "${text}"`)
    return Number(text)
  }
  const share = values['min-share']
  if (share !== undefined && !(/^\d+(\.\d+)?$/.test(share) && Number(share) <= 100)) throw new UsageError(`--min-share must be a percentage from 0 to 100, not "${share}"`)
  return {
    minSupportRuns: integer('min-support', 1),
    minSupportShare: share === undefined ? undefined : Number(share) / 100,
    maxGap: integer('max-gap', 0),
  }
}

interface RunSource {
  runs: MinableRun[]
  isAnnotated?: (runId: string) => boolean
}

function readWorkspaceRuns(path: string, io: CliIO): RunSource | null {
  if (!existsSync(path)) {
    io.stderr(`No workspace file at ${path}.\n`)
    return null
  }
  const workspace = openWorkspaceFile(path)
  const { records, problems } = workspace.ledger.runs()
  if (problems.length > 0) io.stderr(`${problems.length} stored run(s) could not be read and were left out.\n`)
  return { runs: records, isAnnotated: (runId) => workspace.governance.annotations.isAnnotated(runId) }
}

async function readLogRuns(paths: string[], pricingFile: string | null, io: CliIO): Promise<RunSource | null> {
  const missing = paths.filter((path) => !existsSync(path))
  if (missing.length > 0) {
    io.stderr(missing.map((path) => `No such file or folder: ${path}\n`).join(''))
    return null
  }
  let pricing
  if (pricingFile) {
    try {
      pricing = loadPricingTable(JSON.parse(readFileSync(pricingFile, 'utf8')))
    } catch (error) {
      io.stderr(`Cannot read the pricing table ${pricingFile}: ${(error as Error).message}\n`)
      return null
    }
  }
  const files = findLogFiles(paths)
  if (files.length === 0) {
    io.stderr('No agent logs (.jsonl) found there.\n')
    return null
  }
  const imported = await importAgentLogFiles(files, { pricing }, { notice: io.stderr })
  for (const error of imported.errors) io.stderr(`${error.path}: ${error.message}\n`)
  if (imported.warnings.length > 0) io.stderr(`${imported.warnings.length} log line(s) skipped; run \`import\` on the files for details.\n`)
  return { runs: imported.runs }
}

/** The documented JSON shape: best first, exact decimal strings. */
function jsonReport(result: MiningResult) {
  return {
    recipes: result.candidates.map((candidate) => ({
      id: candidate.key,
      steps: candidate.steps,
      support: candidate.support,
      runs: candidate.runs,
      costUSD: candidate.costUSD,
    })),
  }
}

function textReport(result: MiningResult): string {
  const percent = (share: number) => `${Math.round(share * 100)}%`
  const lines = [
    `Mined ${result.totalRuns} run(s) (a pattern needs ${result.minSupport} run(s); up to ${result.maxGap} other step(s) between its steps): ${result.candidates.length} recipe candidate(s).`,
  ]
  result.candidates.slice(0, TEXT_LIMIT).forEach((candidate, i) => {
    lines.push(
      '',
      `${String(i + 1).padStart(2)}. ${candidate.steps.join(' → ')}`,
      `    ${candidate.support} runs (${percent(candidate.supportShare)}), ${percent(candidate.costShare)} of spend: total ${formatMoney(candidate.costUSD.total, 'USD')}, per run median ${formatMoney(candidate.costUSD.median, 'USD')}, p90 ${formatMoney(candidate.costUSD.p90, 'USD')}`,
      `    ${candidate.annotatedRuns} with an outcome note; ${candidate.variants.length} variant(s); ${candidate.lift === Infinity ? 'never' : `${candidate.lift.toFixed(1)}× more often than`} by chance`,
    )
  })
  if (result.candidates.length > TEXT_LIMIT) lines.push('', `…and ${result.candidates.length - TEXT_LIMIT} more (see --json).`)
  const common = result.commonPatterns.slice(0, 5)
  if (common.length > 0) {
    lines.push('', `Set aside as too common to be recipes: ${common.map((p) => `${p.steps.join(' → ')} (${p.support} runs)`).join(', ')}.`)
  }
  return lines.join('\n') + '\n'
}
