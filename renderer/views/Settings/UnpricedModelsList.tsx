import { useMemo } from 'react'
import { findModelPrices, type PricingTable } from '../../../shared/pricing/pricingTable'
import { summarizeUnpriced } from '../../../shared/pricing/unpricedModels'
import type { Run } from '../../../shared/records/run'
import { formatCount as count } from '../../../shared/text/plural'

/**
 * The models of the imported runs that had no price when they were imported: their cost is
 * counted as 0. "Set a price" fills the override form. Runs that keep their usage are priced
 * again with the table in use, so a model listed here that the table prices now belongs to runs
 * imported before usage was kept: it says so (they keep the cost they were imported with).
 */
export function UnpricedModelsList({ runs, table, onSetPrice }: { runs: readonly Run[]; table: PricingTable; onSetPrice(model: string): void }) {
  const summary = useMemo(() => summarizeUnpriced(runs), [runs])
  if (summary.models.length === 0) return <p className="field-ok" data-testid="unpriced-models">Every model in the imported runs has a price.</p>
  return (
    <table className="overrides" aria-label="Models without a price" data-testid="unpriced-models">
      <thead>
        <tr>
          <th scope="col">Model without a price</th>
          <th scope="col" className="numeric">Runs</th>
          <th scope="col" className="numeric">Input</th>
          <th scope="col" className="numeric">Output</th>
          <th scope="col" className="numeric">Cache write</th>
          <th scope="col" className="numeric">Cache read</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {summary.models.map(({ model, runs, tokens }) => {
          const now = findModelPrices(table, model)
          return (
            <tr key={model}>
              <th scope="row">{model}</th>
              <td className="numeric">{count(runs)}</td>
              <td className="numeric">{count(tokens.input)}</td>
              <td className="numeric">{count(tokens.output)}</td>
              <td className="numeric">{count(tokens.cacheWrite5m + tokens.cacheWrite1h)}</td>
              <td className="numeric">{count(tokens.cacheRead)}</td>
              <td>
                {now ? (
                  <span className="field-hint">priced now as {now.model}; these runs were imported before costs were kept re-priceable and stay at 0</span>
                ) : (
                  <button type="button" onClick={() => onSetPrice(model)} aria-label={`Set a price for ${model}`}>
                    Set a price
                  </button>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
