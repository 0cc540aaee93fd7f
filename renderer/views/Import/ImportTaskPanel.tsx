import { useId, useMemo, useState } from 'react'
import type { ImportProfile } from '../../../shared/records/settings'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { BadRows } from './BadRows'
import { ColumnMappingStep } from './ColumnMappingStep'
import { ConfirmAll } from './ConfirmAll'
import { plural } from '../../../shared/text/plural'
import { ChargePreview } from './FormatPreview'
import { ImportProgress } from './ImportProgress'
import { IssueList } from './IssueList'
import { OverlapWarning } from './OverlapWarning'
import { formatBytes } from './sources'
import { itemLabel, type ImportFlow, type ImportTask } from './useImportFlow'
import type { BillingAnalysis } from '../../../shared/importers/jobs/jobTypes'

type Flow = ImportFlow

/** The step the current file is at: reading, preview, mapping, progress, bad lines. */
export function ImportTaskPanel({ task, flow }: { task: ImportTask; flow: Flow }) {
  const workspace = useWorkspace()
  const label = itemLabel(task.item)
  const { settings } = workspace.governance.settings.read()
  const parseSettings = useMemo(() => ({ attribution: settings.attribution, pseudonymSalt: settings.pseudonymSalt }), [settings.attribution, settings.pseudonymSalt])

  switch (task.stage) {
    case 'analyzing':
      return (
        <section className="import-panel" aria-label={`Reading ${label}`} aria-busy="true">
          <h2>Reading {label}…</h2>
          <p className="import-muted">Recognising the format from the header and the first rows.</p>
          <div className="actions">
            <button type="button" onClick={flow.cancel}>
              Cancel
            </button>
          </div>
        </section>
      )
    case 'preview':
      return <PreviewPanel analysis={task.analysis} label={label} flow={flow} profiles={workspace.governance.importProfiles.list().records} />
    case 'ambiguous':
      return <ChooseFormat analysis={task.analysis} label={label} flow={flow} />
    case 'mapping':
      return (
        <ColumnMappingStep
          analysis={task.analysis}
          defaultCurrency={settings.currency}
          settings={parseSettings}
          onSave={flow.saveProfile}
          onCancel={flow.cancel}
        />
      )
    case 'unreadable':
      return (
        <section className="import-panel import-rejected" aria-label={`${label} cannot be imported`}>
          <h2>{label} cannot be imported</h2>
          <p role="alert">Nothing has been imported from this file.</p>
          <IssueList file={task.file} issues={task.errors} total={task.errorCount} label="Problems" />
          <div className="actions">
            <button type="button" onClick={flow.cancel}>
              Dismiss
            </button>
          </div>
        </section>
      )
    case 'logs': {
      const bytes = task.item.sources.reduce((sum, source) => sum + source.size, 0)
      return (
        <section className="import-panel" aria-label="Agent logs ready">
          <h2>
            {plural(task.item.sources.length, 'agent session file')} ({formatBytes(bytes)})
          </h2>
          <ul className="import-file-list">
            {task.item.sources.slice(0, 8).map((source) => (
              <li key={source.relativePath}>
                <code>{source.relativePath}</code> <span className="import-muted">{formatBytes(source.size)}</span>
              </li>
            ))}
            {task.item.sources.length > 8 && <li className="import-muted">…and {task.item.sources.length - 8} more</li>}
          </ul>
          <p className="import-muted">
            Each session becomes a run with its tokens, estimated cost and step labels; prompts, code and tool output are never stored.
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={flow.importCurrent}>
              Import {plural(task.item.sources.length, 'session file')}
            </button>
            <button type="button" onClick={flow.cancel}>
              Don’t import
            </button>
          </div>
        </section>
      )
    }
    case 'importing':
      return <ImportProgress label={label} progress={task.progress} startedAt={task.startedAt} onCancel={flow.cancel} />
    case 'bad-rows':
      return <BadRows label={label} outcome={task.outcome} onSkip={flow.skipBadRows} onCancel={flow.cancel} />
    case 'confirm-all':
      return <ConfirmAll task={task} flow={flow} profiles={workspace.governance.importProfiles.list().records} />
  }
}

function PreviewPanel({ analysis, label, flow, profiles }: { analysis: BillingAnalysis; label: string; flow: Flow; profiles: readonly ImportProfile[] }) {
  const profile = analysis.profileId ? profiles.find((candidate) => candidate.id === analysis.profileId) : undefined
  return (
    <section className="import-panel" aria-label={`Preview of ${label}`}>
      <h2>{label}</h2>
      <p className="detected-format" data-testid="detected-format">
        {profile ? (
          <>
            Read with the team’s import profile <strong>“{profile.name}”</strong>
          </>
        ) : (
          <>
            Detected format: <strong>{analysis.formatLabel}</strong>
          </>
        )}
      </p>
      <OverlapWarning charges={analysis.charges} profiles={profiles} />
      <ChargePreview charges={analysis.charges} caption={`The first ${plural(analysis.charges.length, 'row')} as they will be stored (times in your time zone, billing days as billed in UTC; stored as UTC instants)`} />
      {analysis.errors.length > 0 && (
        <>
          <p className="import-warning">Some of the first rows cannot be read; importing will list every bad line before anything is added.</p>
          <IssueList file={analysis.file} issues={analysis.errors} label="Bad lines among the first rows" />
        </>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={flow.importCurrent}>
          Import {label}
        </button>
        <button type="button" onClick={flow.cancel}>
          Don’t import
        </button>
      </div>
    </section>
  )
}

function ChooseFormat({ analysis, label, flow }: { analysis: BillingAnalysis; label: string; flow: Flow }) {
  const id = useId()
  const [choice, setChoice] = useState(analysis.candidates[0]?.id ?? '')
  return (
    <section className="import-panel" aria-label={`Choose the format of ${label}`}>
      <h2>Which export is {label}?</h2>
      <p className="import-muted">Its columns fit more than one known export; Workfolio does not guess.</p>
      <div className="field">
        <label htmlFor={id}>Format</label>
        <select id={id} value={choice} onChange={(event) => setChoice(event.target.value)}>
          {analysis.candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => flow.chooseFormat(choice)}>
          Read as this format
        </button>
        <button type="button" onClick={flow.cancel}>
          Don’t import
        </button>
      </div>
    </section>
  )
}
