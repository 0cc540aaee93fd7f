import type { ColumnFiltersState, SortingState } from '@tanstack/react-table'
import type { GroupBy } from './runGrouping'

/** What the person set up in the table; kept by the view while they look at a run's detail. */
export interface RunsListState {
  sorting: SortingState
  search: string
  columnFilters: ColumnFiltersState
  groupBy: GroupBy
  collapsed: string[]
  activeKey: string | null
}

export const INITIAL_RUNS_STATE: RunsListState = {
  sorting: [{ id: 'time', desc: true }],
  search: '',
  columnFilters: [],
  groupBy: 'none',
  collapsed: [],
  activeKey: null,
}
