import { useMemo, useRef, useState, type FormEvent } from 'react'
import { BUNDLED_PRICES_SOURCE, findModelPrices, pricingFromSettings } from '../../../shared/pricing/pricingTable'
import { useAnalysis } from '../../workspace/useAnalysis'
import { useBridge } from '../../workspace/WorkspaceContext'
import { PriceTable } from './PriceTable'
import { compactLiteLlmTable, perMillionFromPerToken, perTokenFromPerMillion } from './pricingTableFile'
import { readPickedText } from '../../platform/readPickedText'
import { UnpricedModelsList } from './UnpricedModelsList'
import { useSettings } from './useSettings'
import { plural } from '../../../shared/text/plural'

const OVERRIDE_FIELDS = [
  ['input_cost_per_token', 'Input'],
  ['output_cost_per_token', 'Output'],
  ['cache_read_input_token_cost', 'Cache read'],
  ['cache_creation_input_token_cost', 'Cache write (5 min)'],
] as const

/** The price table the whole team computes run costs with, the team's own overrides, and the models left without a price. */
export function PricingSettings() {
  const { settings, set } = useSettings()
  const bridge = useBridge()
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null)
  const [draft, setDraft] = useState<Record<string, string>>({ model: '' })
  const table = useMemo(() => pricingFromSettings(settings), [settings])
  const runs = useAnalysis().input.runs
  const modelInput = useRef<HTMLInputElement>(null)
  const setPriceFor = (model: string) => {
    setDraft({ model })
    modelInput.current?.focus()
  }

  const loadFile = async () => {
    const [file] = await bridge.openFiles({ title: 'Load a LiteLLM price table', extensions: ['json'] })
    if (!file) return
    try {
      const { table, models } = compactLiteLlmTable(await readPickedText(file, 50 * 1024 * 1024), file.name)
      set('pricingTable', table)
      setMessage({ kind: 'ok', text: `Loaded ${plural(models, 'priced model')} from ${file.name}.` })
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message })
    }
  }

  const addOverride = (event: FormEvent) => {
    event.preventDefault()
    const model = draft.model.trim()
    if (!model) return setMessage({ kind: 'error', text: 'Name the model the prices are for, e.g. claude-sonnet-4-6.' })
    const fields: Record<string, number> = {}
    for (const [field, label] of OVERRIDE_FIELDS) {
      if (!draft[field]?.trim()) continue
      const value = perTokenFromPerMillion(draft[field])
      if (value === null) return setMessage({ kind: 'error', text: `${label}: use a price in dollars per million tokens, like 3 or 0.30.` })
      fields[field] = value
    }
    if (!('input_cost_per_token' in fields) && !findModelPrices(table, model)) return setMessage({ kind: 'error', text: 'A new model needs at least its input price.' })
    set('pricingOverrides', { ...settings.pricingOverrides, [model]: { ...settings.pricingOverrides[model], ...fields } })
    setDraft({ model: '' })
    setMessage({ kind: 'ok', text: `Prices for ${model} saved.` })
  }

  const removeOverride = (model: string) => {
    const { [model]: _removed, ...rest } = settings.pricingOverrides
    set('pricingOverrides', rest)
  }

  return (
    <section className="settings-section" aria-labelledby="settings-pricing">
      <h2 id="settings-pricing">Pricing</h2>
      <p>
        In use: <strong>{settings.pricingTable ? 'a LiteLLM price file loaded by the team' : `the bundled offline table (${BUNDLED_PRICES_SOURCE})`}</strong> ({plural(table.models.size, 'priced model')})
        {Object.keys(settings.pricingOverrides).length > 0 && `, with ${plural(Object.keys(settings.pricingOverrides).length, 'override')}`}.
      </p>
      <p className="field-hint">Run costs are computed from each run's kept usage with the table in use, each request at the price in force when it was made (runs imported before 2026-12-06 keep the cost of their import). A model with no price counts its tokens and shows as unpriced.</p>
      <div className="actions">
        <button type="button" onClick={loadFile}>Load a LiteLLM price file…</button>
        {settings.pricingTable && (
          <button type="button" onClick={() => set('pricingTable', null)}>
            Use the bundled table
          </button>
        )}
      </div>
      {Object.keys(settings.pricingOverrides).length > 0 && (
        <table className="overrides" aria-label="Price overrides">
          <thead>
            <tr>
              <th>Model</th>
              {OVERRIDE_FIELDS.map(([field, label]) => (
                <th key={field} className="numeric">{label} ($/M)</th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {Object.entries(settings.pricingOverrides).map(([model, fields]) => (
              <tr key={model}>
                <td>{model}</td>
                {OVERRIDE_FIELDS.map(([field]) => (
                  <td key={field} className="numeric">{perMillionFromPerToken(fields[field])}</td>
                ))}
                <td>
                  <button type="button" onClick={() => removeOverride(model)} aria-label={`Remove the override for ${model}`}>Remove</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="join-form" onSubmit={addOverride} aria-label="Override a model's prices">
        <div className="field">
          <label htmlFor="override-model">Model</label>
          <input id="override-model" ref={modelInput} value={draft.model} onChange={(e) => setDraft({ ...draft, model: e.target.value })} placeholder="claude-sonnet-4-6" />
        </div>
        {OVERRIDE_FIELDS.map(([field, label]) => (
          <div className="field narrow-price" key={field}>
            <label htmlFor={`override-${field}`}>{label} $/M</label>
            <input id={`override-${field}`} inputMode="decimal" value={draft[field] ?? ''} onChange={(e) => setDraft({ ...draft, [field]: e.target.value })} />
          </div>
        ))}
        <button type="submit">Save prices</button>
      </form>
      {message && (
        <p className={message.kind === 'error' ? 'field-error' : 'field-ok'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <h3>Models in the data without a price</h3>
      <UnpricedModelsList runs={runs} table={table} onSetPrice={setPriceFor} />
      <h3>Price table</h3>
      <PriceTable table={table} overrides={settings.pricingOverrides} />
    </section>
  )
}
