import { useId, useState, type ReactNode } from 'react'
import { periodContaining, shiftPeriod } from '../../../shared/analysis/periods'
import { formatCurrencyAmounts } from '../../../shared/money/format'
import type { Portfolio } from '../../../shared/records/portfolio'
import { previewDefinitionChange, type PastPeriodChange } from '../../../shared/reports/definitionChangePreview'
import { changePortfolio } from '../../../shared/workspace/portfolioHistory'
import { useAnalysis } from '../../workspace/useAnalysis'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { participantId } from '../../collaboration/participant'
import { plural } from '../../../shared/text/plural'

const RETROACTIVE = 'retroactive'

interface Pending {
  patch: Partial<Portfolio>
  rewrites: PastPeriodChange[]
  then?: () => void
}

/**
 * Saving a definition change with the period it takes effect from (this quarter by default, a
 * later one, an earlier one, or every period). When the choice rewrites past periods, saving
 * first shows which periods change and by how much, and asks to confirm.
 */
export function useDefinitionChange(portfolioId: string): { controls: ReactNode; propose: (patch: Partial<Portfolio>, then?: () => void) => void } {
  const { governance } = useWorkspace()
  const analysis = useAnalysis()
  const id = useId()
  const fiscal = analysis.input.settings.fiscalYearStartMonth
  const current = periodContaining('quarter', analysis.input.asOf, fiscal)
  const [choice, setChoice] = useState(current.key)
  const [pending, setPending] = useState<Pending | null>(null)
  const effectiveFrom = choice === RETROACTIVE ? null : choice

  const save = (patch: Partial<Portfolio>, then?: () => void) => {
    changePortfolio(governance, portfolioId, patch, { by: participantId(), at: new Date().toISOString(), effectiveFrom })
    setPending(null)
    then?.()
  }
  const propose = (patch: Partial<Portfolio>, then?: () => void) => {
    const rewrites = previewDefinitionChange(analysis.input, portfolioId, patch, effectiveFrom)
    if (rewrites.length === 0) save(patch, then)
    else setPending({ patch, rewrites, then })
  }

  const options = [-4, -3, -2, -1, 0, 1, 2].map((offset) => shiftPeriod(current, offset, fiscal).key)
  const controls = (
    <div className="effective-from">
      <div className="field">
        <label htmlFor={`${id}-effective`}>Takes effect</label>
        <select id={`${id}-effective`} value={choice} onChange={(event) => setChoice(event.target.value)}>
          {options.map((key) => (
            <option key={key} value={key}>
              from {key}
              {key === current.key ? ' (this quarter)' : key < current.key ? ' (rewrites past periods)' : ''}
            </option>
          ))}
          <option value={RETROACTIVE}>in every period (retroactive)</option>
        </select>
        <p className="field-hint">Earlier periods keep the definition they had, so last quarter stays last quarter.</p>
      </div>
      {pending && (
        <div className="rewrite-preview" role="alertdialog" aria-labelledby={`${id}-rewrites`}>
          <p id={`${id}-rewrites`}>
            <strong>This changes {plural(pending.rewrites.length, 'past period')}:</strong>
          </p>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Runs</th>
                <th scope="col">Spend</th>
                <th scope="col">Envelope</th>
              </tr>
            </thead>
            <tbody>
              {pending.rewrites.map((row) => (
                <tr key={row.period}>
                  <th scope="row">{row.period}</th>
                  <td>
                    {row.before.runs} → {row.after.runs}
                  </td>
                  <td>
                    {formatCurrencyAmounts(row.before.spend)} → {formatCurrencyAmounts(row.after.spend)}
                  </td>
                  <td>
                    {formatCurrencyAmounts(row.before.envelope)} → {formatCurrencyAmounts(row.after.envelope)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions inline">
            <button type="button" className="primary" onClick={() => save(pending.patch, pending.then)}>
              Rewrite these periods
            </button>
            <button type="button" onClick={() => setPending(null)}>
              Back
            </button>
          </div>
        </div>
      )}
    </div>
  )
  return { controls, propose }
}
