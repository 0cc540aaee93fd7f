import { useState, type FormEvent } from 'react'
import type { RepoAlias } from '../../../shared/records/outcome'
import { repoKey } from '../../../shared/analysis/outcomes/repoIdentity'
import { useObserved, useWorkspace } from '../../workspace/WorkspaceContext'

function useRepoAliases(): RepoAlias[] {
  const { governance } = useWorkspace()
  const map = governance.repoAliases.map
  return useObserved(
    (onChange) => {
      map.observeDeep(onChange)
      return () => map.unobserveDeep(onChange)
    },
    () => governance.repoAliases.list().records.sort((a, b) => a.id.localeCompare(b.id)),
    [governance],
  )
}

/**
 * One repository under two names ("sensor_etl", a folder, is "sensor-etl", the remote): an alias
 * makes runs, pull requests and incident services meet. Shared and synced with the team.
 */
export function RepoAliasSettings() {
  const { governance } = useWorkspace()
  const aliases = useRepoAliases()
  const [alias, setAlias] = useState('')
  const [repo, setRepo] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const [from, to] = [alias.trim(), repo.trim()]
    if (!from || !to) return setError('Name both the alias and the repository.')
    if (repoKey(from) === repoKey(to)) return setError('The alias and the repository are already the same name.')
    governance.repoAliases.put({ id: repoKey(from), repo: to })
    setAlias('')
    setRepo('')
    setError(null)
  }

  return (
    <section className="settings-section" aria-labelledby="settings-repositories">
      <h2 id="settings-repositories">Repositories</h2>
      <p className="field-hint">
        Runs name a repository by their git remote or their folder, pull requests by their URL, incidents by their service. When
        one repository goes by two names, say so here; names are compared without case.
      </p>
      {aliases.length > 0 && (
        <ul className="alias-list" aria-label="Repository aliases">
          {aliases.map((entry) => (
            <li key={entry.id}>
              <code>{entry.id}</code> is <code>{entry.repo}</code>{' '}
              <button type="button" onClick={() => governance.repoAliases.delete(entry.id)} aria-label={`Remove the alias ${entry.id}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="alias-form" onSubmit={submit}>
        <label className="field">
          <span>Alias</span>
          <input value={alias} onChange={(event) => setAlias(event.target.value)} placeholder="sensor_etl" />
        </label>
        <label className="field">
          <span>is the repository</span>
          <input value={repo} onChange={(event) => setRepo(event.target.value)} placeholder="sensor-etl" />
        </label>
        <button type="submit">Add alias</button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  )
}
