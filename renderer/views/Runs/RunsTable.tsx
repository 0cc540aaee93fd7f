import { flexRender, getCoreRowModel, useReactTable, type OnChangeFn, type SortingState } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import { formatDecimal } from '../../../shared/money/decimal'
import { formatMoney } from '../../../shared/money/format'
import { NUMERIC_COLUMNS, runColumns } from './runColumns'
import type { DisplayItem, GroupItem } from './runGrouping'
import type { RunRow } from './runRows'
import { formatTokens, formatTokensCompact } from './runRows'
import { FALLBACK_RECT, HEADER_HEIGHT, observeRectWithFallback, ROW_HEIGHT, rowsPerPage } from './virtualWindow'
import { plural } from '../../../shared/text/plural'

export function itemKey(item: DisplayItem): string {
  return item.kind === 'row' ? `run:${item.row.id}` : `group:${item.key}`
}

interface Props {
  sorting: SortingState
  onSortingChange: OnChangeFn<SortingState>
  items: DisplayItem[]
  /** The row that holds the roving tab stop (by itemKey), kept by the view across detail visits. */
  activeKey: string | null
  onActiveChange(key: string): void
  /** Focus the active row once mounted (coming back from a run's detail). */
  focusActiveOnMount: boolean
  onOpen(runId: string): void
  onToggleGroup(key: string): void
}

/**
 * The runs as a virtualized table: only the rows in (and just around) the viewport are in the
 * DOM, so 100,000 runs scroll like 100. One row holds the tab stop; arrows, Page Up/Down and
 * Home/End move between rows, Enter opens a run (or folds a group).
 */
export function RunsTable({ sorting, onSortingChange, items, activeKey, onActiveChange, focusActiveOnMount, onOpen, onToggleGroup }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const pendingFocus = useRef<number | null>(null)
  // Stable between renders: a new key function would make the virtualizer re-measure every row.
  const getItemKey = useCallback((index: number) => itemKey(items[index]), [items])
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    overscan: 10,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRectWithFallback,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  })
  const virtualItems = virtualizer.getVirtualItems()
  // The table library renders headers and cells of the rows on screen only; the rows arrive
  // already filtered, sorted and grouped (runQuery.ts, runGrouping.ts).
  const windowRows = useMemo(
    () => virtualItems.flatMap((v) => (items[v.index]?.kind === 'row' ? [(items[v.index] as { row: RunRow }).row] : [])),
    [virtualItems, items],
  )
  const table = useReactTable<RunRow>({
    data: windowRows,
    columns: runColumns,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
  })
  // Found once per change of rows or active row, not on every scroll frame.
  const activeIndex = useMemo(() => (activeKey ? items.findIndex((item) => itemKey(item) === activeKey) : -1), [items, activeKey])
  const rendered = new Set(virtualItems.map((v) => v.index))
  // The tab stop: the active row when it is rendered, else the first rendered row.
  const tabStop = rendered.has(activeIndex) ? activeIndex : (virtualItems[0]?.index ?? -1)

  useLayoutEffect(() => {
    if (focusActiveOnMount && activeIndex >= 0) {
      pendingFocus.current = activeIndex
      virtualizer.scrollToIndex(activeIndex, { align: 'center' })
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    if (pendingFocus.current === null) return
    const element = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${pendingFocus.current}"]`)
    if (element) {
      element.focus({ preventScroll: true })
      pendingFocus.current = null
    }
  })

  function moveTo(index: number) {
    if (items.length === 0) return
    const next = Math.max(0, Math.min(items.length - 1, index))
    onActiveChange(itemKey(items[next]))
    pendingFocus.current = next
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const rowElement = (event.target as HTMLElement).closest<HTMLElement>('tr[data-index]')
    if (!rowElement || event.altKey) return
    const index = Number(rowElement.dataset.index)
    const item = items[index]
    if (!item) return
    const page = rowsPerPage(scrollRef.current?.clientHeight || FALLBACK_RECT.height)
    switch (event.key) {
      case 'ArrowDown': moveTo(index + 1); break
      case 'ArrowUp': moveTo(index - 1); break
      case 'PageDown': moveTo(index + page); break
      case 'PageUp': moveTo(index - page); break
      case 'Home': moveTo(0); break
      case 'End': moveTo(items.length - 1); break
      case 'Enter':
        if (item.kind === 'row') onOpen(item.row.id)
        else onToggleGroup(item.key)
        break
      case ' ':
      case 'ArrowLeft':
      case 'ArrowRight':
        if (item.kind !== 'group') return
        if (event.key === ' ' || (event.key === 'ArrowLeft') !== item.collapsed) onToggleGroup(item.key)
        break
      default:
        return
    }
    event.preventDefault()
  }

  return (
    <div className="runs-scroll" ref={scrollRef}>
      <table className="runs-table" aria-label="Runs" aria-rowcount={items.length + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted()
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={NUMERIC_COLUMNS.has(header.column.id) ? 'numeric' : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span className="sort-indicator" aria-hidden="true">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                      </span>
                    </button>
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {virtualItems.map((virtual) => {
            const item = items[virtual.index]
            const common = {
              'data-index': virtual.index,
              'aria-rowindex': virtual.index + 2,
              tabIndex: virtual.index === tabStop ? 0 : -1,
              style: { transform: `translateY(${virtual.start - HEADER_HEIGHT}px)` },
              onFocus: () => {
                if (itemKey(item) !== activeKey) onActiveChange(itemKey(item))
              },
            }
            if (item.kind === 'group') {
              return (
                <tr key={virtual.key} {...common} className="runs-group" onClick={() => onToggleGroup(item.key)}>
                  <GroupCells group={item} />
                </tr>
              )
            }
            const row = table.getRow(item.row.id)
            return (
              <tr
                key={virtual.key}
                {...common}
                className={item.groupKey !== null ? 'runs-row in-group' : 'runs-row'}
                data-testid="run-row"
                data-run-id={item.row.id}
                onClick={() => onOpen(item.row.id)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={NUMERIC_COLUMNS.has(cell.column.id) ? `numeric col-${cell.column.id}` : `col-${cell.column.id}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function GroupCells({ group }: { group: GroupItem }) {
  return (
    <>
      <td className="group-label">
        <span className="group-chevron" aria-hidden="true">
          {group.collapsed ? '▸' : '▾'}
        </span>
        <span className="group-name">{group.label}</span>
        <span className="group-count">
          {plural(group.count, 'run')}
          {group.collapsed && <span className="visually-hidden"> (folded)</span>}
        </span>
      </td>
      <td className="numeric group-tokens" title={`${formatTokens(group.tokens)} tokens`}>
        {formatTokensCompact(group.tokens)}
      </td>
      <td className="numeric group-cost" title={`${formatDecimal(group.cost)} USD, exact`}>
        {formatMoney(formatDecimal(group.cost), 'USD')}
      </td>
      <td className="group-rest" />
    </>
  )
}
