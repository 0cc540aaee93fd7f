import { useMemo, useState } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { routeHref, RUNS_MINED_FROM } from '../../navigation/routes'
import { navigate } from '../../navigation/useRoute'
import { RunDetail } from './RunDetail'
import { buildRunRows } from './runRows'
import { RunsList } from './RunsList'
import { INITIAL_RUNS_STATE, type RunsListState } from './runsState'
import { useAnalysis } from '../../workspace/useAnalysis'
import { plural } from '../../../shared/text/plural'
import './RunsView.css'

/**
 * Every imported agent session (#/runs), one run's detail (#/runs/<runId>), or exactly the runs
 * a recipe was mined from (#/runs/mined-from/<recipeId>).
 */
export function RunsView({ params }: { params: string[] }) {
  const analysis = useAnalysis()
  const rows = useMemo(() => buildRunRows(analysis), [analysis])
  const rowsById = useMemo(() => new Map(rows.map((row) => [row.id, row])), [rows])
  // Sorting, filters, grouping and the focused row survive a visit to a run's detail.
  const [state, setState] = useState<RunsListState>(INITIAL_RUNS_STATE)
  const [runId, recipeId] = params
  const recipe = runId === RUNS_MINED_FROM ? analysis.input.recipes.find((r) => r.id === recipeId) : undefined
  const shown = useMemo(() => {
    if (!recipe) return rows
    const ids = new Set(recipe.provenance.minedFromRuns)
    return rows.filter((row) => ids.has(row.id))
  }, [rows, recipe])

  if (runId && runId !== RUNS_MINED_FROM) {
    return <RunDetail runId={runId} row={rowsById.get(runId)} assignment={analysis.assignment.runs.get(runId)} />
  }
  return (
    <div className="view runs-view">
      <header className="view-header">
        <h1>Runs</h1>
      </header>
      {recipe && (
        <p className="runs-scope" role="status" data-testid="runs-mined-from">
          The {plural(shown.length, 'run')} “{recipe.name}” was mined from. <a href={routeHref('runs')}>Show all runs</a>
        </p>
      )}
      {rows.length === 0 ? (
        <EmptyState title="Every agent session, with its cost and steps" action={<a className="button primary" href="#/import">Import session logs</a>}>
          Each imported session appears here: when it ran, the tool, repo and branch, models, tokens, exact cost, the
          steps it took and the portfolio it belongs to.
        </EmptyState>
      ) : (
        <RunsList
          rows={shown}
          portfolios={analysis.input.portfolios}
          state={state}
          setState={setState}
          // Back from a run's detail, the table focuses the run that was opened.
          returning={state.activeKey !== null}
          onOpen={(id) => {
            setState((s) => ({ ...s, activeKey: `run:${id}` }))
            navigate('runs', id)
          }}
        />
      )}
    </div>
  )
}
