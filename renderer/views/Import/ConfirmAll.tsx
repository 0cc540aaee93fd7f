import type { ImportProfile } from '../../../shared/records/settings'
import { plural } from '../../../shared/text/plural'
import { OverlapWarning } from './OverlapWarning'
import { formatBytes } from './sources'
import type { ImportFlow, ImportTask } from './useImportFlow'

/** Several files picked at once: what each recognised file is, and one question for all of them. */
export function ConfirmAll({ task, flow, profiles }: { task: ImportTask & { stage: 'confirm-all' }; flow: ImportFlow; profiles: readonly ImportProfile[] }) {
  const files = task.ready.length + (task.logs?.sources.length ?? 0)
  return (
    <section className="import-panel" aria-label="Import the recognised files">
      <h2>{plural(files, 'recognised file')}</h2>
      <table className="confirm-all" data-testid="confirm-all">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">What it is</th>
            <th scope="col" className="numeric">Size</th>
            <th scope="col">Before importing</th>
          </tr>
        </thead>
        <tbody>
          {task.ready.map(({ item, analysis }) => {
            const profile = analysis.profileId ? profiles.find((candidate) => candidate.id === analysis.profileId) : undefined
            return (
              <tr key={item.source.relativePath} data-testid="confirm-file">
                <th scope="row">
                  <code>{item.source.relativePath}</code>
                </th>
                <td>{profile ? `Import profile “${profile.name}”` : analysis.formatLabel}</td>
                <td className="numeric">{formatBytes(item.source.size)}</td>
                <td>
                  <OverlapWarning charges={analysis.charges} profiles={profiles} fallback={<span className="import-muted">New to this workspace</span>} />
                  {analysis.errors.length > 0 && <p className="import-warning">{plural(analysis.errors.length, 'bad line')} among the first rows: listed before anything is added.</p>}
                </td>
              </tr>
            )
          })}
          {task.logs && (
            <tr data-testid="confirm-file">
              <th scope="row">{plural(task.logs.sources.length, 'agent session file')}</th>
              <td>Agent session logs: one batch of runs</td>
              <td className="numeric">{formatBytes(task.logs.sources.reduce((sum, source) => sum + source.size, 0))}</td>
              <td />
            </tr>
          )}
        </tbody>
      </table>
      {task.needAttention.length > 0 && (
        <p className="import-muted" data-testid="confirm-attention">
          Then, one by one, as they need a look: {task.needAttention.join(', ')}.
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={flow.importAll}>
          Import all {plural(files, 'file')}
        </button>
        <button type="button" onClick={flow.cancel}>
          Don’t import these
        </button>
      </div>
    </section>
  )
}
