import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { analyze, parsePeriod, readAnalysisInput, type Period } from '../../shared/analysis'
import { dayOf } from '../../shared/analysis/dates'
import { buildPortfolioReport } from '../../shared/reports/portfolioReport'
import type { Review } from '../../shared/records/review'
import { highCostQueue, reviewCoverage, reviewMarkdown, type ReviewReportData } from '../../shared/review'
import type { Governance } from '../../shared/workspace/governance'
import type { Ledger } from '../../shared/workspace/ledger'
import { openWorkspaceFile } from '../workspaceStore'
import { UsageError, type CliCommand } from './types'

const usage = 'npm run --silent cli -- review export --workspace FILE [--review ID]'

/**
 * Prints a review as Markdown, the same text the app exports: the latest review unless --review
 * names one. Coverage, scorecards and the high-cost queue are computed for the review's period
 * from the workspace as it is now.
 */
export const reviewCommand: CliCommand = {
  name: 'review',
  summary: 'Export a quarterly review (decisions, votes, recipe decisions) as Markdown',
  usage,
  async run(args, io) {
    const [subcommand, ...rest] = args
    if (subcommand !== 'export') throw new UsageError(subcommand ? `unknown review subcommand "${subcommand}"` : 'say what to do with the review: export')
    let values: { workspace?: string; review?: string }
    try {
      ;({ values } = parseArgs({ args: rest, options: { workspace: { type: 'string' }, review: { type: 'string' } }, strict: true, allowPositionals: false }))
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    if (!values.workspace) throw new UsageError('--workspace FILE is required')
    const path = resolve(io.cwd, values.workspace)
    if (!existsSync(path)) {
      io.stderr(`No workspace file at ${path}.\n`)
      return 1
    }
    const workspace = openWorkspaceFile(path)
    const reviews = workspace.governance.reviews.list().records
    const review = values.review ? reviews.find((r) => r.id === values.review) : latest(reviews)
    if (!review) {
      io.stderr(values.review ? `No review ${values.review} in this workspace.\n` : 'No review in this workspace yet.\n')
      return 1
    }
    io.stdout(reviewMarkdown(review, reportData(review, workspace.governance, workspace.ledger)))
    return 0
  },
}

function latest(reviews: readonly Review[]): Review | undefined {
  return [...reviews].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id))[0]
}

function reportData(review: Review, governance: Governance, ledger: Ledger): ReviewReportData {
  const input = readAnalysisInput(governance, ledger, new Date().toISOString())
  const analysis = analyze(input)
  const portfolioOf = (runId: string) => analysis.assignment.runs.get(runId)?.portfolioId ?? null
  const isAnnotated = (runId: string) => input.annotatedRunIds.has(runId)
  let period: Period | null = null
  try {
    period = parsePeriod(review.period, input.settings.fiscalYearStartMonth)
  } catch {
    // A period the analysis cannot read ("Q3 offsite"): report over everything imported.
  }
  const inPeriod = (instant: string) => !period || (dayOf(instant) >= period.start && dayOf(instant) < period.end)
  const runs = input.runs.filter((run) => inPeriod(run.start))
  const scorecards = period
    ? buildPortfolioReport(input, { period: review.period }).portfolios.map((row) => ({
        portfolioId: row.id,
        name: row.name,
        spent: row.spend,
        envelope: row.envelope,
        runs: row.runs,
        highCostRuns: row.metrics.highCost.count,
        highCostAnnotated: row.metrics.highCost.annotated,
      }))
    : []
  return {
    coverage: reviewCoverage({ runs, charges: input.charges.filter((charge) => inPeriod(charge.start)).length, isAnnotated, portfolioOf }),
    scorecards,
    highCostQueue: highCostQueue(runs, { thresholdUSD: input.settings.highCostThresholdUSD, isAnnotated, portfolioOf }),
    names: Object.fromEntries([...input.portfolios, ...input.recipes].map((item) => [item.id, item.name])),
  }
}
