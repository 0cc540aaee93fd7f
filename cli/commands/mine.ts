import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { describeVariant, mineRecipes, type MinableRun, type MiningOptions, type MiningResult } from '../../shared/mining'
import { formatMoney } from '../../shared/money/format'
import { deriveMinableRuns, MINABLE_RUN_FIELDS } from '../../shared/runs/deriveRuns'
import { loadPricingTable } from '../../shared/pricing/pricingTable'
import { findLogFiles } from '../../node/agentLogs/discover'
import { describeFileError } from '../fileErrors'
import { notARegularFile, readNamedFile } from '../namedFiles'
import { importAgentLogFiles } from '../agentLogs/importAgentLogFiles'
import { openWorkspaceFile } from '../workspaceStore'
import { InputError, UsageError, type CliCommand, type CliIO } from './types'
import { formatCount, noun, plural } from '../../shared/text/plural'

const usage = 'npm run --silent cli -- mine [--json] [--min-support N] [--min-share PCT] [--pricing FILE] (PATH... | --workspace FILE)'

/** Candidates printed in the text view; --json prints them all. */
const TEXT_LIMIT = 20
/** Variants printed under each candidate in the text view. */
const VARIANT_LIMIT = 3

interface MineArgs {
  json?: boolean
  workspace?: string
  pricing?: string
  'min-support'?: string
  'min-share'?: string
}

/**
 * Recurring multi-step workflows in a workspace's runs, or in agent logs read straight from
 * disk (nothing is written), best first: the same mineRecipes call and the same list the
 * Catalog shows. --min-support is a number of runs and --min-share a percentage of them: a
 * workflow needs both.
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
  const settings = workspace.governance.settings.read().settings
  const { records, problems } = workspace.ledger.projectedRuns(MINABLE_RUN_FIELDS, (runs) => deriveMinableRuns(runs, settings))
  if (problems.length > 0) io.stderr(`${plural(problems.length, 'stored run', undefined, 'en-US')} could not be read and ${noun(problems.length, 'was', 'were')} left out.\n`)
  return { runs: records, isAnnotated: (runId) => workspace.governance.annotations.isAnnotated(runId) }
}

async function readLogRuns(paths: string[], pricingFile: string | null, io: CliIO): Promise<RunSource | null> {
  const missing = paths.filter((path) => !existsSync(path))
  if (missing.length > 0) {
    io.stderr(missing.map((path) => `No such file or folder: ${path}\n`).join(''))
    return null
  }
  // A pipe or device named as a log would block the read or never end.
  const notFiles = paths.map((path) => (statSync(path).isDirectory() ? null : notARegularFile(path, statSync(path)))).filter((problem) => problem !== null)
  if (notFiles.length > 0) {
    io.stderr(notFiles.map((problem) => `Cannot read ${problem}\n`).join(''))
    return null
  }
  let pricing
  if (pricingFile) {
    try {
      pricing = loadPricingTable(JSON.parse(readNamedFile(pricingFile, 'the pricing table').toString('utf8')))
    } catch (error) {
      if (error instanceof InputError) throw error
      io.stderr(`Cannot read the pricing table ${pricingFile}: ${(error as Error).message}\n`)
      return null
    }
  }
  const files = findLogFiles(paths, (folder, error) => io.stderr(`Skipped ${describeFileError(error, folder)}\n`))
  if (files.length === 0) {
    io.stderr('No agent logs (.jsonl) found there.\n')
    return null
  }
  const imported = await importAgentLogFiles(files, { pricing }, { notice: io.stderr })
  for (const error of imported.errors) io.stderr(`${error.path}: ${error.message}\n`)
  if (imported.warnings.length > 0) io.stderr(`${plural(imported.warnings.length, 'log line', undefined, 'en-US')} skipped; run \`import\` on the files for details.\n`)
  return { runs: imported.runs }
}

/** The documented JSON shape: every candidate the app lists, best first, exact decimal strings. */
function jsonReport(result: MiningResult) {
  return {
    totalRuns: result.totalRuns,
    minSupport: result.minSupport,
    unmatchedRuns: result.unmatchedRuns,
    recipes: result.candidates.map(({ key, score: _score, supportShare: _share, portfolios: _portfolios, ...candidate }) => ({ id: key, ...candidate })),
  }
}

function textReport(result: MiningResult): string {
  const percent = (share: number) => `${Math.round(share * 100)}%`
  // In en-US, as its dollars are, so the text reads the same on every machine.
  const count = (n: number, one: string) => plural(n, one, undefined, 'en-US')
  const lines = [
    `Mined ${count(result.totalRuns, 'run')} (a workflow needs ${count(result.minSupport, 'run')}): ${count(result.candidates.length, 'recipe candidate')}, ${count(result.unmatchedRuns, 'run')} in none.`,
  ]
  result.candidates.slice(0, TEXT_LIMIT).forEach((candidate, i) => {
    lines.push(
      '',
      `${String(i + 1).padStart(2)}. ${candidate.steps.join(' → ')}${candidate.kind === 'generic' ? ' (generic: only steps nearly every run has)' : ''}`,
      `    ${count(candidate.support, 'run')} (${percent(candidate.supportShare)}, ${formatCount(candidate.exactRuns, 'en-US')} exactly), ${percent(candidate.costShare)} of spend: total ${dollars(candidate.costUSD.total)}, per run median ${dollars(candidate.costUSD.median)}, p90 ${dollars(candidate.costUSD.p90)}`,
      `    ${formatCount(candidate.annotatedRuns, 'en-US')} with an outcome note; ${count(candidate.variants.length, 'variant')}`,
      ...candidate.variants.slice(0, VARIANT_LIMIT).map((variant) => `      variant ${describeVariant(variant)}: ${count(variant.support, 'run')}, median ${signedDollars(variant.medianCostDifferenceUSD)} per run`),
    )
  })
  if (result.candidates.length > TEXT_LIMIT) lines.push('', `…and ${formatCount(result.candidates.length - TEXT_LIMIT, 'en-US')} more (see --json).`)
  return lines.join('\n') + '\n'
}

/** A difference for people: rounded to cents, with its sign. */
function signedDollars(amount: string): string {
  return (amount.startsWith('-') ? '' : '+') + dollars(amount)
}

function dollars(amount: string): string {
  return formatMoney(amount, 'USD', 'en-US')
}
