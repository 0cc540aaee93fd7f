import { useId, useMemo, useState, type ReactNode } from 'react'
import type { DateFormat } from '../../../shared/importers/billing/dates'
import { createIncidentProfile, NO_TOOL, previewMappedIncidents, suggestIncidentMapping, validateIncidentMapping, type IncidentTarget } from '../../../shared/importers/outcomes/incidentMapping'
import type { Incident } from '../../../shared/records/outcome'
import type { ImportProfile } from '../../../shared/records/settings'
import { formatInstant } from '../../components/LocalTime'
import { ColumnSelect, DateFormatSelect, MappingStepFrame, newProfileId } from './mappingFields'
import type { BillingAnalysis } from '../../../shared/importers/jobs/jobTypes'

const FIELDS: { target: IncidentTarget; label: string; hint?: string }[] = [
  { target: 'id', label: 'Incident id column', hint: 'required; how people name it in branches and notes' },
  { target: 'title', label: 'Title column', hint: 'required' },
  { target: 'service', label: 'Service or repository column', hint: 'required' },
  { target: 'created', label: 'Created column', hint: 'required' },
  { target: 'acknowledged', label: 'Acknowledged column' },
  { target: 'resolved', label: 'Resolved column' },
  { target: 'severity', label: 'Severity column' },
  { target: 'status', label: 'Status column' },
]

/**
 * The mapping step for an incident export of a tool Workfolio has no reader for: the incident
 * fields, a live preview of the first incidents, and a profile saved for the team; saving
 * imports the file as one incidents batch.
 */
export function IncidentMappingStep({ analysis, holds, onSave, onCancel }: { analysis: BillingAnalysis; holds: ReactNode; onSave: (profile: ImportProfile) => void; onCancel: () => void }) {
  const id = useId()
  const suggestion = useMemo(() => suggestIncidentMapping(analysis.header, analysis.sampleRows), [analysis])
  const [mapping, setMapping] = useState<Record<string, string>>(suggestion.mapping)
  const [dateFormat, setDateFormat] = useState<DateFormat>(suggestion.dateFormat)
  const [source, setSource] = useState('')
  const [name, setName] = useState(() => analysis.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'Incidents CSV')
  const [profileId] = useState(newProfileId)

  const profile = useMemo(
    () =>
      createIncidentProfile({
        id: profileId,
        name: name.trim(),
        headerFields: analysis.header,
        mapping: Object.fromEntries(Object.entries(mapping).filter(([, column]) => column)),
        dateFormat,
        source: source.trim(),
        createdAt: new Date().toISOString(),
      }),
    [profileId, name, analysis.header, mapping, dateFormat, source],
  )
  const problems = useMemo(() => {
    const list = validateIncidentMapping(profile, analysis.header)
    if (!profile.name) list.push('give the profile a name')
    return list
  }, [profile, analysis.header])
  const preview = useMemo(() => (problems.length === 0 ? previewMappedIncidents(profile, analysis.header, analysis.sampleRows) : null), [problems, profile, analysis])

  return (
    <MappingStepFrame
      file={analysis.file}
      intro="Say which column holds what; the mapping is saved as an import profile in the workspace, so anyone on the team importing an incident export with the same columns gets it automatically. People named in the file (owners, responders) are never read."
      problems={problems}
      waitsForSubmit={(problem) => problem.startsWith('no column') || problem === NO_TOOL}
      waitingHint="Pick the id, title, service and created columns and name the tool to see a preview."
      submitLabel="Save profile and import incidents"
      onSubmit={() => onSave(profile)}
      onCancel={onCancel}
      profileName={name}
      onProfileNameChange={setName}
      previewErrors={preview?.errors ?? []}
      fields={
        <>
          {holds}
          {FIELDS.map((field) => (
            <ColumnSelect
              key={field.target}
              id={`${id}-${field.target}`}
              label={field.label}
              hint={field.hint}
              columns={analysis.header}
              value={mapping[field.target] ?? ''}
              onChange={(column) => setMapping((current) => ({ ...current, [field.target]: column }))}
            />
          ))}
          <DateFormatSelect id={`${id}-dateFormat`} value={dateFormat} onChange={setDateFormat} />
          <div className="field">
            <label htmlFor={`${id}-source`}>Incident tool</label>
            <input id={`${id}-source`} value={source} placeholder="opsgenie" onChange={(event) => setSource(event.target.value)} />
            <p className="field-hint">required; incidents are stored as tool:id</p>
          </div>
        </>
      }
    >
      {preview && <IncidentPreview incidents={preview.incidents} />}
    </MappingStepFrame>
  )
}

/** The first incidents as they will be stored: times shown in the reader's zone. */
function IncidentPreview({ incidents }: { incidents: readonly Incident[] }) {
  if (incidents.length === 0) return <p className="import-muted">No rows to preview yet.</p>
  const time = (iso: string | null) => (iso ? formatInstant(iso) : '—')
  return (
    <div className="import-table-wrap">
      <table className="import-preview" data-testid="incident-preview">
        <caption>Live preview: the first incidents as they will be stored</caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Title</th>
            <th scope="col">Service</th>
            <th scope="col">Created</th>
            <th scope="col">Acknowledged</th>
            <th scope="col">Resolved</th>
            <th scope="col">Severity · status</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((incident) => (
            <tr key={incident.id} data-testid="incident-preview-row">
              <td>{incident.id}</td>
              <td>{incident.title || '—'}</td>
              <td>{incident.service ?? '—'}</td>
              <td>
                {time(incident.createdAt)}
                <span className="import-stored" title="Stored as this UTC instant">
                  {incident.createdAt}
                </span>
              </td>
              <td>{time(incident.acknowledgedAt)}</td>
              <td>{time(incident.resolvedAt)}</td>
              <td>{[incident.severity, incident.status].filter(Boolean).join(' · ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
