import type { ColumnFiltersState, SortingState } from '@tanstack/react-table'
import { compareDecimal } from '../../../shared/money/decimal'
import type { RunRow } from './runRows'

/**
 * Sorting and filtering of the runs, done once over plain rows. The table library keeps the
 * sort state, headers and cells, but is only handed the rows on screen: building its row
 * objects for 100,000 runs costs seconds, sorting plain rows costs milliseconds.
 */

/** Portfolio filter values besides a portfolio id. */
export const UNASSIGNED_FILTER = '__unassigned'
export const OVERLAP_FILTER = '__overlap'
/** The "price" filter's one value: runs with a model that had no price. */
export const UNPRICED_FILTER = 'unpriced'

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })
type Compare = (a: RunRow, b: RunRow) => number

/** Cost compares the exact decimals: $0.3 and $0.30000000000000000001 are different, and never rounded first. */
export const compareCost: Compare = (a, b) => compareDecimal(a.cost, b.cost)

const text = (read: (row: RunRow) => string): Compare => (a, b) => collator.compare(read(a), read(b))

export const COMPARATORS: Record<string, Compare> = {
  time: (a, b) => a.startMs - b.startMs,
  tool: text((row) => row.run.tool),
  // Runs without a repo, branch or portfolio sort after the named ones.
  repo: text((row) => row.repo || '\uffff'),
  branch: text((row) => row.branch || '\uffff'),
  models: text((row) => row.run.models.join(', ')),
  tokens: (a, b) => a.tokens - b.tokens,
  cost: compareCost,
  steps: (a, b) => a.run.steps.length - b.run.steps.length,
  portfolio: text((row) => (row.portfolioId ? row.portfolioName : '\uffff')),
}

/** A new array in the given order; ties fall back to newest first, then id, so the order is stable. */
export function sortRuns(rows: readonly RunRow[], sorting: SortingState): RunRow[] {
  const keys = sorting.filter((s) => COMPARATORS[s.id])
  const sorted = rows.slice()
  sorted.sort((a, b) => {
    for (const key of keys) {
      const order = COMPARATORS[key.id](a, b)
      if (order !== 0) return key.desc ? -order : order
    }
    return b.startMs - a.startMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  })
  return sorted
}

function matchesColumn(row: RunRow, id: string, value: unknown): boolean {
  if (value === undefined || value === '') return true
  switch (id) {
    case 'tool': return row.run.tool === value
    case 'repo': return row.repo === value
    case 'price': return value === UNPRICED_FILTER && row.run.unpricedModels.length > 0
    case 'portfolio':
      if (value === UNASSIGNED_FILTER) return row.portfolioId === null
      if (value === OVERLAP_FILTER) return row.overlap
      return row.portfolioId === value
    default: return true
  }
}

/** The search box (case-insensitive, over time-independent fields) and every column filter. */
export function filterRuns(rows: readonly RunRow[], search: string, filters: ColumnFiltersState): RunRow[] {
  const needle = search.trim().toLowerCase()
  if (needle === '' && filters.length === 0) return rows as RunRow[]
  return rows.filter(
    (row) => (needle === '' || row.haystack.includes(needle)) && filters.every((filter) => matchesColumn(row, filter.id, filter.value)),
  )
}
