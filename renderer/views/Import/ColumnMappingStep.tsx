import { useEffect, useId, useMemo, useState } from 'react'
import { createImportProfile, suggestMapping, validateMapping, type MappingTarget } from '../../../shared/importers/billing/customMapping'
import type { DateFormat } from '../../../shared/importers/billing/dates'
import type { Charge } from '../../../shared/records/charge'
import type { BatchIssue } from '../../../shared/records/batch'
import type { ImportProfile, ImportTarget } from '../../../shared/records/settings'
import { ChargePreview } from './FormatPreview'
import { previewRows } from '../../../shared/importers/jobs/billingJob'
import { IncidentMappingStep } from './IncidentMappingStep'
import { ColumnSelect, DateFormatSelect, MappingStepFrame, newProfileId } from './mappingFields'
import type { BillingAnalysis } from '../../../shared/importers/jobs/jobTypes'

const FIELDS: { target: MappingTarget; label: string; hint?: string }[] = [
  { target: 'date', label: 'Date column', hint: 'required' },
  { target: 'amount', label: 'Amount column', hint: 'required' },
  { target: 'currency', label: 'Currency column' },
  { target: 'model', label: 'Model column' },
  { target: 'service', label: 'Service / product column' },
  { target: 'account', label: 'Account column' },
  { target: 'workspace', label: 'Workspace column' },
  { target: 'project', label: 'Project column' },
  { target: 'apiKey', label: 'API key column' },
  { target: 'user', label: 'User column', hint: 'stored as a pseudonym unless attribution is on' },
  { target: 'tags', label: 'Tags column', hint: 'key=value; key=value, or JSON' },
  { target: 'inputTokens', label: 'Input tokens column' },
  { target: 'outputTokens', label: 'Output tokens column' },
]

/**
 * A CSV of a layout Workfolio does not know: the person says whether it holds charges or
 * incidents, maps its columns once, with a live preview of the first rows, and saves the
 * mapping as an import profile the whole team reuses.
 */
export function ColumnMappingStep({
  analysis,
  defaultCurrency,
  settings,
  onSave,
  onCancel,
}: {
  analysis: BillingAnalysis
  defaultCurrency: string
  settings: { attribution: boolean; pseudonymSalt: string }
  onSave: (profile: ImportProfile) => void
  onCancel: () => void
}) {
  const id = useId()
  const suggestion = useMemo(() => suggestMapping(analysis.header, analysis.sampleRows), [analysis])
  const [mapping, setMapping] = useState<Record<string, string>>(suggestion.mapping)
  const [dateFormat, setDateFormat] = useState<DateFormat>(suggestion.dateFormat)
  const [amountUnit, setAmountUnit] = useState<'units' | 'cents'>('units')
  const [currency, setCurrency] = useState(defaultCurrency)
  const [provider, setProvider] = useState('other')
  const [name, setName] = useState(() => analysis.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'Custom CSV')
  const [profileId] = useState(newProfileId)
  const [target, setTarget] = useState<ImportTarget>('billing')
  const [preview, setPreview] = useState<{ charges: Charge[]; errors: BatchIssue[] } | null>(null)

  const profile = useMemo(
    () =>
      createImportProfile({
        id: profileId,
        name: name.trim(),
        headerFields: analysis.header,
        mapping: Object.fromEntries(Object.entries(mapping).filter(([, column]) => column)),
        dateFormat,
        provider: provider.trim() || 'other',
        defaultCurrency: currency.trim().toUpperCase(),
        amountUnit,
        createdAt: new Date().toISOString(),
      }),
    [profileId, name, analysis.header, mapping, dateFormat, provider, currency, amountUnit],
  )
  const problems = useMemo(() => {
    const list = validateMapping(profile, analysis.header)
    if (!/^[A-Z]{3}$/.test(profile.defaultCurrency)) list.push('the default currency must be a three-letter code such as USD')
    if (!profile.name) list.push('give the profile a name')
    return list
  }, [profile, analysis.header])

  useEffect(() => {
    let live = true
    if (target !== 'billing' || problems.length > 0) {
      setPreview(null)
      return
    }
    previewRows(analysis.file, analysis.header, analysis.sampleRows, { profiles: [], format: profile, ...settings }).then(
      (result) => live && setPreview({ charges: result.charges, errors: result.errors }),
      (error: unknown) => live && setPreview({ charges: [], errors: [{ line: 0, message: (error as Error).message }] }),
    )
    return () => {
      live = false
    }
  }, [analysis, profile, problems, settings, target])

  const set = (field: string, column: string) => setMapping((current) => ({ ...current, [field]: column }))
  const columnSelect = (field: (typeof FIELDS)[number]) => (
    <ColumnSelect key={field.target} id={`${id}-${field.target}`} label={field.label} hint={field.hint} columns={analysis.header} value={mapping[field.target] ?? ''} onChange={(column) => set(field.target, column)} />
  )
  const holds = (
    <div className="field">
      <label htmlFor={`${id}-holds`}>The file holds</label>
      <select id={`${id}-holds`} value={target} onChange={(event) => setTarget(event.target.value as ImportTarget)}>
        <option value="billing">Charges (a bill)</option>
        <option value="incidents">Incidents</option>
      </select>
    </div>
  )
  if (target === 'incidents') return <IncidentMappingStep analysis={analysis} holds={holds} onSave={onSave} onCancel={onCancel} />

  return (
    <MappingStepFrame
      file={analysis.file}
      intro="This CSV is not a billing or incident export Workfolio knows. Say what it holds and which column holds what; the mapping is saved as an import profile in the workspace, so anyone on the team importing a file with the same columns gets it automatically."
      problems={problems}
      waitsForSubmit={(problem) => problem.startsWith('no column')}
      waitingHint="Pick the date and amount columns to see a preview."
      submitLabel="Save profile and continue"
      onSubmit={() => onSave(profile)}
      onCancel={onCancel}
      profileName={name}
      onProfileNameChange={setName}
      previewErrors={preview?.errors ?? []}
      fields={
        <>
          {holds}
          {columnSelect(FIELDS[0])}
          <DateFormatSelect id={`${id}-dateFormat`} value={dateFormat} onChange={setDateFormat} />
          {columnSelect(FIELDS[1])}
          <div className="field">
            <label htmlFor={`${id}-unit`}>Amounts are in</label>
            <select id={`${id}-unit`} value={amountUnit} onChange={(event) => setAmountUnit(event.target.value as 'units' | 'cents')}>
              <option value="units">whole units (12.34)</option>
              <option value="cents">cents (1234)</option>
            </select>
          </div>
          {columnSelect(FIELDS[2])}
          <div className="field">
            <label htmlFor={`${id}-currency`}>Default currency</label>
            <input id={`${id}-currency`} value={currency} maxLength={3} onChange={(event) => setCurrency(event.target.value)} />
            <p className="field-hint">for rows without a currency column</p>
          </div>
          {FIELDS.slice(3).map(columnSelect)}
          <div className="field">
            <label htmlFor={`${id}-provider`}>Provider</label>
            <input id={`${id}-provider`} value={provider} onChange={(event) => setProvider(event.target.value)} />
          </div>
        </>
      }
    >
      {preview && <ChargePreview charges={preview.charges} caption="Live preview: the first rows as they will be stored" />}
    </MappingStepFrame>
  )
}
