import { formatMoney } from '../../../shared/money/format'
import type { Run } from '../../../shared/records/run'
import { formatTokens, totalTokens } from './runRows'

/** Tokens by kind and exact cost for each model a run used; unpriced models say so. */
export function ModelUsageTable({ run }: { run: Run }) {
  if (run.byModel.length === 0) return <p className="muted">This session recorded no model usage.</p>
  return (
    <div className="model-usage-scroll">
      <table className="model-usage" aria-label="Tokens and cost by model">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col" className="numeric">Input</th>
            <th scope="col" className="numeric">Output</th>
            <th scope="col" className="numeric">Cache write</th>
            <th scope="col" className="numeric">Cache read</th>
            <th scope="col" className="numeric">Reasoning</th>
            <th scope="col" className="numeric">Total</th>
            <th scope="col" className="numeric">Cost</th>
          </tr>
        </thead>
        <tbody>
          {run.byModel.map((usage) => (
            <tr key={usage.model} className={usage.priced ? undefined : 'unpriced'}>
              <th scope="row">{usage.model}</th>
              <td className="numeric">{formatTokens(usage.tokens.input)}</td>
              <td className="numeric">{formatTokens(usage.tokens.output)}</td>
              <td className="numeric">{formatTokens(usage.tokens.cacheWrite5m + usage.tokens.cacheWrite1h)}</td>
              <td className="numeric">{formatTokens(usage.tokens.cacheRead)}</td>
              <td className="numeric">{formatTokens(usage.tokens.reasoning)}</td>
              <td className="numeric">{formatTokens(totalTokens(usage.tokens))}</td>
              <td className="numeric" title={usage.priced ? `${usage.costUSD} USD, exact` : undefined}>
                {usage.priced ? formatMoney(usage.costUSD, 'USD') : <span className="badge warn">unpriced</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
