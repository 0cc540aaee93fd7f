import { formatCurrencyAmounts, formatMoney } from '../money/format'
import type { CurrencyAmounts } from '../money/totals'
import type { Review } from '../records/review'
import type { PortfolioOutcomes } from '../analysis/outcomes/portfolioOutcomes'
import { markdownTableCell, markdownText } from '../text/markdownSafe'
import type { HighCostNote, HighCostRun } from './highCostQueue'
import type { CandidateFigures } from './reviewCandidates'
import { OUTCOME_REPORT_HEADERS, outcomeReportRows } from './outcomeReportRows'
import { REVIEW_STAGE_TITLES } from './reviewStages'
import { VOTING_STAGES, voteTally } from './reviewVotes'

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
  /** The high-cost runs that carry an outcome note, with the note. */
  highCostNotes?: HighCostNote[]
  /** The stage-4 recipe candidates mined from the period's runs. */
  candidates?: CandidateFigures[]
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
    '## High-cost runs with an outcome note',
    '',
    ...optionalTable(
      ['Run', 'Day', 'Repository', 'Branch', 'Cost', 'Portfolio', 'Value', 'Evidence', 'Note'],
      data.highCostNotes?.map((note) => [
        note.runId,
        note.start.slice(0, 10),
        note.repo ?? '—',
        note.branch ?? '—',
        formatMoney(note.costUSD, 'USD'),
        note.portfolioId ? name(note.portfolioId) : 'unassigned',
        note.valueCategory,
        note.evidence.map((link) => `${link.kind} ${link.ref}`).join(', ') || '—',
        note.text.trim() || '—',
      ]),
    ),
    '',
    '## Recipe candidates',
    '',
    ...optionalTable(
      ['Steps', 'Runs', 'Cost per run (median)', 'p90', 'Total', 'With a note', 'Portfolios', 'Decision'],
      data.candidates?.map((candidate) => {
        const decision = review.recipeDecisions.find((d) => d.candidateKey === candidate.key)
        return [
          candidate.steps.join(' → '),
          `${candidate.support} (${Math.round(candidate.supportShare * 100)}%)`,
          formatMoney(candidate.costUSD.median, 'USD'),
          formatMoney(candidate.costUSD.p90, 'USD'),
          formatMoney(candidate.costUSD.total, 'USD'),
          String(candidate.annotatedRuns),
          candidate.portfolios.map((p) => `${p.portfolioId ? name(p.portfolioId) : 'unassigned'} (${p.runs})`).join(', '),
          decision ? `${decision.action}${decision.recipeId ? ` as ${name(decision.recipeId)}` : ''}` : 'undecided',
        ]
      }),
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
    ...VOTING_STAGES.flatMap((stage) => [
      `## Votes: ${stage}`,
      '',
      ...table(['Subject', 'Votes'], voteTally(review, stage).map(([subject, votes]) => [name(subject), String(votes)])),
      '',
    ]),
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

/** A table, or "_Not provided._" when the caller did not compute its rows (a review closed before they were kept). */
function optionalTable(header: string[], rows: string[][] | undefined): string[] {
  return rows ? table(header, rows) : ['_Not provided._']
}

function table(header: string[], rows: string[][]): string[] {
  if (rows.length === 0) return ['_None._']
  const line = (cells: string[]) => `| ${cells.map(markdownTableCell).join(' | ')} |`
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)]
}
