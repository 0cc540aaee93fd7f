import { useState, type FormEvent } from 'react'
import type { OutcomeLinks } from '../../../shared/analysis/outcomes/linkOutcomes'
import type { Run } from '../../../shared/records/run'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { addLink } from './outcomeEdits'

/** A missing link, added by a person: one of this period's runs and any imported PR or incident. */
export function AddOutcomeLink({ runs, links }: { runs: readonly Run[]; links: OutcomeLinks }) {
  const { governance } = useWorkspace()
  const [runId, setRunId] = useState('')
  const [outcomeId, setOutcomeId] = useState('')
  const pulls = [...links.pullRequests.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const incidents = [...links.incidents.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  if (runs.length === 0 || pulls.length + incidents.length === 0) return null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!runId || !outcomeId) return
    addLink(governance, runId, outcomeId, links.pullRequests.has(outcomeId) ? 'pullRequest' : 'incident')
    setOutcomeId('')
  }

  return (
    <section className="page-section" aria-labelledby="add-link-heading">
      <h2 id="add-link-heading">Add a missing link</h2>
      <form className="move-form" onSubmit={submit}>
        <label className="field">
          <span>Run</span>
          <select value={runId} onChange={(event) => setRunId(event.target.value)} required>
            <option value="">Choose a run</option>
            {runs.map((run) => (
              <option key={run.id} value={run.id}>
                {run.start.slice(0, 10)} {run.repo ?? '?'} {run.branch ?? ''} ({run.id.slice(0, 8)})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Pull request or incident</span>
          <select value={outcomeId} onChange={(event) => setOutcomeId(event.target.value)} required>
            <option value="">Choose one</option>
            <optgroup label="Pull requests">
              {pulls.map((pull) => (
                <option key={pull.id} value={pull.id}>
                  {pull.repo} #{pull.number} {pull.title}
                </option>
              ))}
            </optgroup>
            <optgroup label="Incidents">
              {incidents.map((incident) => (
                <option key={incident.id} value={incident.id}>
                  {incident.names[0]} {incident.title}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <div className="actions">
          <button type="submit">Add link</button>
        </div>
      </form>
    </section>
  )
}
