import { addDecimal, ZERO, type Decimal } from '../../../shared/money/decimal'
import { formatMonth, UNASSIGNED, type RunRow } from './runRows'

export type GroupBy = 'none' | 'repo' | 'portfolio' | 'month'

export const GROUP_BY_LABELS: Record<GroupBy, string> = { none: 'No grouping', repo: 'Repo', portfolio: 'Portfolio', month: 'Month' }

export interface RunSummary {
  count: number
  tokens: number
  /** Exact sum of the runs' costs (USD). */
  cost: Decimal
}

export interface GroupItem extends RunSummary {
  kind: 'group'
  key: string
  label: string
  collapsed: boolean
}

export interface RowItem {
  kind: 'row'
  row: RunRow
  /** The group this row sits in, for aria-level and keyboard moves. */
  groupKey: string | null
}

export type DisplayItem = GroupItem | RowItem

const NO_REPO = '\u0000no-repo'
const NO_PORTFOLIO = '\u0000unassigned'

export function summarize(rows: Iterable<RunRow>): RunSummary {
  let count = 0
  let tokens = 0
  let cost = ZERO
  for (const row of rows) {
    count++
    tokens += row.tokens
    cost = addDecimal(cost, row.cost)
  }
  return { count, tokens, cost }
}

function keyOf(row: RunRow, by: Exclude<GroupBy, 'none'>): string {
  if (by === 'repo') return row.repo || NO_REPO
  if (by === 'portfolio') return row.portfolioId ?? NO_PORTFOLIO
  return row.month
}

function labelOf(key: string, first: RunRow, by: Exclude<GroupBy, 'none'>): string {
  if (by === 'repo') return key === NO_REPO ? 'No repo' : key
  if (by === 'portfolio') return key === NO_PORTFOLIO ? UNASSIGNED : first.portfolioName
  return formatMonth(key)
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/**
 * Turns the sorted, filtered rows into what the table shows: with grouping, one subtotal row
 * per group (count, tokens, exact cost) followed by its runs in the table's sort order.
 * Months run newest first; repos and portfolios by name, with "No repo" / "Unassigned" last.
 */
export function groupRows(rows: readonly RunRow[], by: GroupBy, collapsed: ReadonlySet<string> = new Set()): DisplayItem[] {
  if (by === 'none') return rows.map((row) => ({ kind: 'row', row, groupKey: null }))
  const groups = new Map<string, RunRow[]>()
  for (const row of rows) {
    const key = keyOf(row, by)
    let members = groups.get(key)
    if (!members) groups.set(key, (members = []))
    members.push(row)
  }
  const entries = [...groups.entries()].map(([key, members]) => ({ key, members, label: labelOf(key, members[0], by) }))
  entries.sort((a, b) => {
    if (by === 'month') return b.key.localeCompare(a.key)
    const aLast = a.key.startsWith('\u0000') ? 1 : 0
    const bLast = b.key.startsWith('\u0000') ? 1 : 0
    return aLast - bLast || collator.compare(a.label, b.label) || a.key.localeCompare(b.key)
  })
  const items: DisplayItem[] = []
  for (const { key, members, label } of entries) {
    const isCollapsed = collapsed.has(key)
    items.push({ kind: 'group', key, label, collapsed: isCollapsed, ...summarize(members) })
    if (!isCollapsed) for (const row of members) items.push({ kind: 'row', row, groupKey: key })
  }
  return items
}
