import type { ColumnDef } from '@tanstack/react-table'
import { agentToolName } from '../../../shared/importers/logs/agentTools'
import { formatDecimal } from '../../../shared/money/decimal'
import { formatMoney } from '../../../shared/money/format'
import { formatRunTime, formatTokens, formatTokensCompact, type RunRow } from './runRows'
import { StepChips } from './StepChips'

/** Columns whose cells are right-aligned numbers. */
export const NUMERIC_COLUMNS = new Set(['tokens', 'cost'])

/**
 * The columns: headers, cells and which way a first click sorts. Sorting itself compares plain
 * rows (runQuery.ts), exactly for cost.
 */
export const runColumns: ColumnDef<RunRow>[] = [
  {
    id: 'time',
    header: 'Time',
    accessorFn: (row) => row.startMs,
    sortDescFirst: true,
    cell: ({ row }) => (
      <time dateTime={row.original.run.start} title={`${row.original.run.start} (UTC)`}>
        {formatRunTime(row.original.startMs)}
      </time>
    ),
  },
  {
    id: 'tool',
    header: 'Tool',
    accessorFn: (row) => row.run.tool,
    cell: ({ row }) => agentToolName(row.original.run.tool),
  },
  {
    id: 'repo',
    header: 'Repo',
    accessorFn: (row) => row.repo,
    cell: ({ row }) => (row.original.repo ? <span title={row.original.repo}>{row.original.repo}</span> : <span className="muted">—</span>),
  },
  {
    id: 'branch',
    header: 'Branch',
    accessorFn: (row) => row.branch,
    cell: ({ row }) => (row.original.branch ? <code title={row.original.branch}>{row.original.branch}</code> : <span className="muted">—</span>),
  },
  {
    id: 'models',
    header: 'Models',
    accessorFn: (row) => row.run.models.join(', '),
    cell: ({ getValue }) => <span title={getValue<string>()}>{getValue<string>() || '—'}</span>,
  },
  {
    id: 'tokens',
    header: 'Tokens',
    accessorFn: (row) => row.tokens,
    sortDescFirst: true,
    cell: ({ row }) => <span title={`${formatTokens(row.original.tokens)} tokens`}>{formatTokensCompact(row.original.tokens)}</span>,
  },
  {
    id: 'cost',
    header: 'Cost',
    accessorFn: (row) => row.run.costUSD,
    sortDescFirst: true,
    cell: ({ row }) => <RunCost row={row.original} />,
  },
  {
    id: 'steps',
    header: 'Steps',
    accessorFn: (row) => row.run.steps.length,
    cell: ({ row }) => <StepChips steps={row.original.run.steps} max={2} />,
  },
  {
    id: 'portfolio',
    header: 'Portfolio',
    accessorFn: (row) => row.portfolioName,
    cell: ({ row }) => <PortfolioCell row={row.original} />,
  },
]

function RunCost({ row }: { row: RunRow }) {
  const unpriced = row.run.unpricedModels
  return (
    <span className="run-cost" title={`${formatDecimal(row.cost)} USD, exact`}>
      {unpriced.length > 0 && (
        <span className="unpriced-mark" title={`No price for ${unpriced.join(', ')}: not included in the cost`} aria-label="Partly unpriced">
          !
        </span>
      )}
      {formatMoney(row.run.costUSD, 'USD')}
    </span>
  )
}

function PortfolioCell({ row }: { row: RunRow }) {
  return (
    <span className="portfolio-cell">
      <span className={row.portfolioId ? 'portfolio-cell-name' : 'portfolio-cell-name muted'} title={row.portfolioName}>
        {row.portfolioName}
      </span>
      {row.overlap && (
        <span className="badge warn overlap-flag" title={`Rules of several portfolios match this run. Also matched: ${row.alsoMatched.join(', ')}. Counted once, here.`}>
          overlap
        </span>
      )}
    </span>
  )
}
