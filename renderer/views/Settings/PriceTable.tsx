import { useId, useMemo, useState } from 'react'
import type { PricingTable } from '../../../shared/pricing/pricingTable'
import { priceTableRows, searchPriceRows } from './priceTableRows'

/** Long lists are cut here; the search finds the rest. */
const SHOWN = 60

/** The price table in use, searchable by model, other names and provider. */
export function PriceTable({ table, overrides }: { table: PricingTable; overrides: Record<string, unknown> }) {
  const id = useId()
  const [query, setQuery] = useState('')
  const rows = useMemo(() => priceTableRows(table, overrides), [table, overrides])
  const found = useMemo(() => searchPriceRows(rows, query), [rows, query])
  return (
    <div className="price-table">
      <div className="field">
        <label htmlFor={`${id}-search`}>Search prices</label>
        <input id={`${id}-search`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="claude-opus, gpt-5, google…" />
      </div>
      <p className="field-hint" role="status">
        {found.length === rows.length ? `${rows.length} models` : `${found.length} of ${rows.length} models`}
        {found.length > SHOWN && `; the first ${SHOWN} shown, search to narrow`}. Dollars per million tokens.
      </p>
      {/* The scrolling box is focusable so keyboard users can scroll the long table. */}
      {found.length > 0 && (
        <div className="price-table-scroll" tabIndex={0} role="region" aria-label="Price table, scrollable">
          <table className="overrides" aria-label="Price table">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Provider</th>
                <th scope="col" className="numeric">Input</th>
                <th scope="col" className="numeric">Output</th>
                <th scope="col" className="numeric">Cache write 5 min</th>
                <th scope="col" className="numeric">Cache write 1 h</th>
                <th scope="col" className="numeric">Cache read</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {found.slice(0, SHOWN).map((row) => (
                <tr key={row.model} data-testid="price-row">
                  <th scope="row" title={row.aliases.length ? `Also: ${row.aliases.join(', ')}` : undefined}>{row.model}</th>
                  <td>{row.provider}</td>
                  <td className="numeric">{row.prices.input_cost_per_token}</td>
                  <td className="numeric">{row.prices.output_cost_per_token}</td>
                  <td className="numeric">{row.prices.cache_creation_input_token_cost}</td>
                  <td className="numeric">{row.prices.cache_creation_input_token_cost_above_1hr}</td>
                  <td className="numeric">{row.prices.cache_read_input_token_cost}</td>
                  <td>
                    {[
                      row.overridden && 'team override',
                      row.longContextAbove !== null && `higher rate above ${row.longContextAbove / 1000}k input tokens`,
                      row.changedOn.length > 0 && `price changed ${row.changedOn.join(', ')}`,
                    ]
                      .filter(Boolean)
                      .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
