import type { SortingState, Updater } from '@tanstack/react-table'
import { useDeferredValue, useMemo, type Dispatch, type SetStateAction } from 'react'
import type { Portfolio } from '../../../shared/records/portfolio'
import { groupRows, summarize } from './runGrouping'
import type { RunRow } from './runRows'
import { filterRuns, sortRuns } from './runQuery'
import type { RunsListState } from './runsState'
import { RunsTable } from './RunsTable'
import { RunsToolbar, type FilterOptions } from './RunsToolbar'
import { RunTotals } from './RunTotals'

interface Props {
  rows: RunRow[]
  portfolios: readonly Portfolio[]
  state: RunsListState
  setState: Dispatch<SetStateAction<RunsListState>>
  returning: boolean
  onOpen(runId: string): void
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater
}

/** Toolbar, filtered totals and the virtualized table over every run. */
export function RunsList({ rows, portfolios, state, setState, returning, onOpen }: Props) {
  // Typing in the search box stays responsive over 100,000 runs: the filtering may lag a frame behind.
  const search = useDeferredValue(state.search)
  const filtered = useMemo(() => filterRuns(rows, search, state.columnFilters), [rows, search, state.columnFilters])
  const visible = useMemo(() => sortRuns(filtered, state.sorting), [filtered, state.sorting])
  const collapsed = useMemo(() => new Set(state.collapsed), [state.collapsed])
  const items = useMemo(() => groupRows(visible, state.groupBy, collapsed), [visible, state.groupBy, collapsed])
  // Totals do not depend on the order: re-sorting does not re-add 100,000 costs.
  const totals = useMemo(() => summarize(filtered), [filtered])

  const options = useMemo<FilterOptions>(() => {
    const tools = new Set<string>()
    const repos = new Set<string>()
    for (const row of rows) {
      tools.add(row.run.tool)
      repos.add(row.repo)
    }
    return {
      tools: [...tools].sort(collator.compare),
      repos: [...repos].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b))),
      portfolios: [...portfolios].map((p) => ({ id: p.id, name: p.name })).sort((a, b) => collator.compare(a.name, b.name)),
    }
  }, [rows, portfolios])

  const filterValue = (id: string) => String(state.columnFilters.find((f) => f.id === id)?.value ?? '')
  const setFilter = (id: string, value: string) =>
    setState((s) => ({
      ...s,
      columnFilters: [...s.columnFilters.filter((f) => f.id !== id), ...(value ? [{ id, value }] : [])],
    }))

  return (
    <>
      <RunsToolbar
        options={options}
        values={{ search: state.search, tool: filterValue('tool'), repo: filterValue('repo'), portfolio: filterValue('portfolio'), price: filterValue('price') }}
        groupBy={state.groupBy}
        onSearch={(search) => setState((s) => ({ ...s, search }))}
        onFilter={setFilter}
        onGroupBy={(groupBy) => setState((s) => ({ ...s, groupBy, collapsed: [] }))}
        onClear={() => setState((s) => ({ ...s, search: '', columnFilters: [] }))}
      />
      <RunTotals totals={totals} of={rows.length} />
      {visible.length === 0 ? (
        <div className="runs-no-match" role="status">
          <p>No runs match these filters.</p>
          <button type="button" onClick={() => setState((s) => ({ ...s, search: '', columnFilters: [] }))}>
            Clear filters
          </button>
        </div>
      ) : (
        <RunsTable
          sorting={state.sorting}
          onSortingChange={(updater) => setState((s) => ({ ...s, sorting: resolve<SortingState>(updater, s.sorting) }))}
          items={items}
          activeKey={state.activeKey}
          focusActiveOnMount={returning}
          onActiveChange={(activeKey) => setState((s) => (s.activeKey === activeKey ? s : { ...s, activeKey }))}
          onOpen={onOpen}
          onToggleGroup={(key) =>
            setState((s) => ({
              ...s,
              collapsed: s.collapsed.includes(key) ? s.collapsed.filter((k) => k !== key) : [...s.collapsed, key],
            }))
          }
        />
      )}
    </>
  )
}
