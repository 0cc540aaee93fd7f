import { useId } from 'react'
import { agentToolName } from '../../../shared/importers/logs/agentTools'
import { GROUP_BY_LABELS, type GroupBy } from './runGrouping'
import { OVERLAP_FILTER, UNASSIGNED_FILTER, UNPRICED_FILTER } from './runQuery'

export interface FilterOptions {
  tools: string[]
  repos: string[]
  portfolios: { id: string; name: string }[]
}

export interface FilterValues {
  search: string
  tool: string
  repo: string
  portfolio: string
  price: string
}

interface Props {
  options: FilterOptions
  values: FilterValues
  groupBy: GroupBy
  onSearch(value: string): void
  onFilter(column: 'tool' | 'repo' | 'portfolio' | 'price', value: string): void
  onGroupBy(value: GroupBy): void
  onClear(): void
}

/** Search, per-column filters and grouping for the runs table. */
export function RunsToolbar({ options, values, groupBy, onSearch, onFilter, onGroupBy, onClear }: Props) {
  const id = useId()
  const filtering = values.search !== '' || values.tool !== '' || values.repo !== '' || values.portfolio !== '' || values.price !== ''
  return (
    <div className="runs-toolbar" role="search" aria-label="Filter runs">
      <div className="runs-control runs-search">
        <label htmlFor={`${id}-search`}>Search</label>
        <input
          id={`${id}-search`}
          type="search"
          value={values.search}
          placeholder="Repo, branch, model, step…"
          onChange={(event) => onSearch(event.target.value)}
        />
      </div>
      <div className="runs-control">
        <label htmlFor={`${id}-tool`}>Tool</label>
        <select id={`${id}-tool`} value={values.tool} onChange={(event) => onFilter('tool', event.target.value)}>
          <option value="">All tools</option>
          {options.tools.map((tool) => (
            <option key={tool} value={tool}>
              {agentToolName(tool)}
            </option>
          ))}
        </select>
      </div>
      <div className="runs-control">
        <label htmlFor={`${id}-repo`}>Repo</label>
        <select id={`${id}-repo`} value={values.repo} onChange={(event) => onFilter('repo', event.target.value)}>
          <option value="">All repos</option>
          {options.repos.map((repo) => (
            <option key={repo} value={repo}>
              {repo || 'No repo'}
            </option>
          ))}
        </select>
      </div>
      <div className="runs-control">
        <label htmlFor={`${id}-portfolio`}>Portfolio</label>
        <select id={`${id}-portfolio`} value={values.portfolio} onChange={(event) => onFilter('portfolio', event.target.value)}>
          <option value="">All portfolios</option>
          {options.portfolios.map((portfolio) => (
            <option key={portfolio.id} value={portfolio.id}>
              {portfolio.name}
            </option>
          ))}
          <option value={UNASSIGNED_FILTER}>Unassigned</option>
          <option value={OVERLAP_FILTER}>Overlaps (matched two portfolios)</option>
        </select>
      </div>
      <div className="runs-control runs-toggle">
        <input
          id={`${id}-price`}
          type="checkbox"
          checked={values.price === UNPRICED_FILTER}
          onChange={(event) => onFilter('price', event.target.checked ? UNPRICED_FILTER : '')}
        />
        <label htmlFor={`${id}-price`} title="Runs with a model that has no price: their cost leaves it out">No price</label>
      </div>
      <div className="runs-control">
        <label htmlFor={`${id}-group`}>Group by</label>
        <select id={`${id}-group`} value={groupBy} onChange={(event) => onGroupBy(event.target.value as GroupBy)}>
          {(Object.keys(GROUP_BY_LABELS) as GroupBy[]).map((key) => (
            <option key={key} value={key}>
              {GROUP_BY_LABELS[key]}
            </option>
          ))}
        </select>
      </div>
      {filtering && (
        <button type="button" className="runs-clear" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  )
}
