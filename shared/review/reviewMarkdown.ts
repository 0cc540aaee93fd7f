import { formatCurrencyAmounts, formatMoney } from '../money/format'
import type { CurrencyAmounts } from '../money/totals'
import type { Review } from '../records/review'
import type { PortfolioOutcomes } from '../analysis/outcomes/portfolioOutcomes'
import { markdownTableCell, markdownText } from '../text/markdownSafe'
import type { HighCostRun } from './highCostQueue'
import { OUTCOME_REPORT_HEADERS, outcomeReportRows } from './outcomeReportRows'
import { REVIEW_STAGE_TITLES } from './reviewStages'

/** A line of the data-coverage section ("Runs imported", "2,140"), computed by the caller. */
export interface CoverageLine {
  label: string
  value: string
}

/** A portfolio's scorecard in brief, computed by the analysis layer and passed in. */
export interface ScorecardSummary {
  portfolioId: string
  name: string
  /** Per currency, exact decimal strings: { USD: "11890.20" }. */
  spent: CurrencyAmounts
  envelope: CurrencyAmounts
  runs: number
  highCostRuns: number
  /** High-cost runs that carry an outcome note. */
  highCostAnnotated: number
  /** What its runs delivered, beside last period (absent when outcomes were not read). */
  outcomes?: PortfolioOutcomes | null
}

/** What the export shows beside the review record itself; every part is optional. */
export interface ReviewReportData {
  coverage?: CoverageLine[]
  scorecards?: ScorecardSummary[]
  highCostQueue?: HighCostRun[]
  /** Display names for portfolio and recipe ids (votes and decisions name their subjects). */
  names?: Record<string, string>
}

/**
 * The review as Markdown, for the CLI and the app alike. About portfolios, recipes and runs:
 * participants are counted, never named. Every text from the record or the caller goes through
 * markdownText (or markdownTableCell), so a name or note can add no HTML and no link but http(s).
 */
export function reviewMarkdown(review: Review, data: ReviewReportData = {}): string {
  const name = (id: string) => data.names?.[id] ?? id
  const lines: string[] = [
    `# Quarterly review ${markdownText(review.period)}`,
    '',
    `- Status: ${markdownText(review.status)}${review.status === 'closed' ? '' : ` (at stage ${REVIEW_STAGE_TITLES[review.stage]})`}`,
    `- Started: ${markdownText(review.startedAt)}${review.closedAt ? `, closed: ${markdownText(review.closedAt)}` : ''}`,
    `- Participants: ${(review.participants ?? [review.facilitator]).length}`,
    '',
    '## Data coverage',
    '',
    ...(data.coverage?.length ? data.coverage.map((line) => `- ${markdownText(line.label)}: ${markdownText(line.value)}`) : ['_Not provided._']),
    '',
    '## Portfolio scorecards',
    '',
    ...table(
      ['Portfolio', 'Spent', 'Envelope', 'Runs', 'High-cost runs with a note'],
      (data.scorecards ?? []).map((card) => [
        card.name,
        formatCurrencyAmounts(card.spent),
        formatCurrencyAmounts(card.envelope),
        String(card.runs),
        card.highCostRuns === 0 ? '—' : `${card.highCostAnnotated} of ${card.highCostRuns}`,
      ]),
    ),
    '',
    ...outcomeSection(data.scorecards ?? []),
    '## High-cost runs without an outcome note',
    '',
    ...table(
      ['Run', 'Cost', 'Portfolio', 'Steps'],
      (data.highCostQueue ?? []).map((run) => [run.runId, formatMoney(run.costUSD, 'USD'), run.portfolioId ? name(run.portfolioId) : 'unassigned', run.steps.join(' → ') || '—']),
    ),
    '',
    '## Recipe decisions',
    '',
    ...table(
      ['Steps', 'Decision', 'Recipe', 'Reason'],
      review.recipeDecisions.map((d) => [d.steps.join(' → '), d.action, d.recipeId ? name(d.recipeId) : '—', d.reason || '—']),
    ),
    '',
    '## Portfolio decisions',
    '',
    ...table(
      ['Portfolio', 'Decision', 'Next envelope', 'Note'],
      review.decisions.map((d) => [name(d.portfolioId), d.decision, d.nextEnvelope ? formatMoney(d.nextEnvelope.amount, d.nextEnvelope.currency) : '—', d.note || '—']),
    ),
    '',
    '## Votes',
    '',
    ...table(['Subject', 'Votes'], voteTally(review).map(([subject, votes]) => [name(subject), String(votes)])),
    '',
    '## Action items',
    '',
    ...table(['Action', 'Owning team', 'Due'], sortedActionItems(review).map((item) => [item.text, item.owningTeam, item.due])),
  ]
  if (review.notes.trim() !== '') lines.push('', '## Notes', '', markdownText(review.notes.trim()))
  return lines.join('\n') + '\n'
}

/** The outcomes table, when any portfolio reached one (see outcomeReportRows). */
function outcomeSection(cards: readonly ScorecardSummary[]): string[] {
  const rows = outcomeReportRows(cards)
  if (rows.length === 0) return []
  return ['## Outcomes', '', ...table([...OUTCOME_REPORT_HEADERS], rows.map((row) => [row.name, row.mergedPullRequests, row.costPerMergedPullRequest, row.incidentsWorked, row.timeToResolve])), '']
}

/** A review's action items, soonest due first. */
export function sortedActionItems(review: Pick<Review, 'actionItems'>): NonNullable<Review['actionItems']> {
  return [...(review.actionItems ?? [])].sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id))
}

/** Votes per subject, most first. */
export function voteTally(review: Review): [string, number][] {
  const tally = new Map<string, number>()
  for (const subjects of Object.values(review.votes)) for (const subject of subjects) tally.set(subject, (tally.get(subject) ?? 0) + 1)
  return [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
}

function table(header: string[], rows: string[][]): string[] {
  if (rows.length === 0) return ['_None._']
  const line = (cells: string[]) => `| ${cells.map(markdownTableCell).join(' | ')} |`
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)]
}
