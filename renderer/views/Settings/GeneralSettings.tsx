import { useState } from 'react'
import { DEFAULT_HIGH_COST_RULE, type HighCostRule } from '../../../shared/analysis/metrics/highCostThreshold'
import { isDecimalString } from '../../../shared/money/decimal'
import { useSettings } from './useSettings'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** Currency, fiscal quarters and what makes a run high-cost. */
export function GeneralSettings() {
  const { settings, set } = useSettings()
  const [currency, setCurrency] = useState(settings.currency)
  const [threshold, setThreshold] = useState(settings.highCostThresholdUSD)
  const rule = settings.highCostRule ?? DEFAULT_HIGH_COST_RULE
  const [errors, setErrors] = useState<{ currency?: string; threshold?: string }>({})

  const saveCurrency = () => {
    const value = currency.trim().toUpperCase()
    if (!/^[A-Z]{3}$/.test(value)) return setErrors((e) => ({ ...e, currency: 'Use a three-letter code such as USD or EUR.' }))
    setErrors((e) => ({ ...e, currency: undefined }))
    if (value !== settings.currency) set('currency', value)
  }
  const saveThreshold = () => {
    const value = threshold.trim().replace(/^\$/, '')
    if (!isDecimalString(value) || value.startsWith('-')) return setErrors((e) => ({ ...e, threshold: 'Use a positive amount in US dollars, such as 5 or 12.50.' }))
    setErrors((e) => ({ ...e, threshold: undefined }))
    if (value !== settings.highCostThresholdUSD) set('highCostThresholdUSD', value)
  }

  return (
    <section className="settings-section" aria-labelledby="settings-general">
      <h2 id="settings-general">General</h2>
      <div className="field-row">
        <div className="field narrow">
          <label htmlFor="settings-currency">Default currency</label>
          <input id="settings-currency" value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value)} onBlur={saveCurrency} aria-invalid={errors.currency ? true : undefined} />
          {errors.currency && <p className="field-error" role="alert">{errors.currency}</p>}
        </div>
        <div className="field">
          <label htmlFor="settings-fiscal">Fiscal year starts in</label>
          <select id="settings-fiscal" value={settings.fiscalYearStartMonth} onChange={(e) => set('fiscalYearStartMonth', Number(e.target.value))}>
            {MONTHS.map((month, index) => (
              <option key={month} value={index + 1}>
                {month}
              </option>
            ))}
          </select>
          <p className="field-hint">Quarters (and envelopes per quarter) follow from it.</p>
        </div>
        <div className="field">
          <label htmlFor="settings-high-cost-rule">High-cost runs are</label>
          <select id="settings-high-cost-rule" value={rule} onChange={(e) => set('highCostRule', e.target.value as HighCostRule)}>
            <option value="top-5%">each portfolio's top 5% by cost</option>
            <option value="fixed">runs above a fixed amount</option>
          </select>
          <p className="field-hint">They appear in the review with their outcome notes — as normal work inside a portfolio that expects them.</p>
        </div>
        {rule === 'fixed' && (
          <div className="field narrow">
            <label htmlFor="settings-threshold">High-cost run threshold (USD)</label>
            <input id="settings-threshold" inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} onBlur={saveThreshold} aria-invalid={errors.threshold ? true : undefined} />
            {errors.threshold && <p className="field-error" role="alert">{errors.threshold}</p>}
          </div>
        )}
      </div>
    </section>
  )
}
