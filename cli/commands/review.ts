import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { analyze, readAnalysisInput } from '../../shared/analysis'
import type { Review } from '../../shared/records/review'
import { analysisForReview, reviewFigures, reviewMarkdown, reviewReportWithCandidates } from '../../shared/review'
import { openWorkspaceFile } from '../workspaceStore'
import { UsageError, type CliCommand } from './types'

const usage = 'npm run --silent cli -- review export --workspace FILE [--review ID]'

/**
 * Prints a review as Markdown, the same text the app exports: the latest review unless --review
 * names one. A closed review prints the figures it showed when it closed (its snapshot); one in
 * progress computes coverage, scorecards, the high-cost runs and notes and the mined recipe
 * candidates for its period from the
 * workspace as it is now, with the portfolios as defined in that period.
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
    // The same data and text as the app's export.
    const figures = reviewFigures(review, () => {
      const analysis = analysisForReview(analyze(readAnalysisInput(workspace.governance, workspace.ledger, new Date().toISOString())), review.period)
      return reviewReportWithCandidates(analysis, review)
    })
    io.stdout(reviewMarkdown(review, figures))
    return 0
  },
}

function latest(reviews: readonly Review[]): Review | undefined {
  return [...reviews].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id))[0]
}
