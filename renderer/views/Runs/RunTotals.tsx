import { formatDecimal } from '../../../shared/money/decimal'
import { formatMoney } from '../../../shared/money/format'
import type { RunSummary } from './runGrouping'
import { formatTokens, formatTokensCompact } from './runRows'

/** Totals of what the filters let through: the number of runs, their tokens and exact cost. */
export function RunTotals({ totals, of }: { totals: RunSummary; of: number }) {
  const filtered = totals.count !== of
  return (
    <section className="run-totals" aria-label={filtered ? 'Totals of the filtered runs' : 'Totals'} data-testid="run-totals">
      <div className="run-total">
        <span className="run-total-label">Runs</span>
        <span className="run-total-value" data-testid="total-runs">
          {totals.count.toLocaleString()}
          {filtered && <span className="run-total-of"> of {of.toLocaleString()}</span>}
        </span>
      </div>
      <div className="run-total">
        <span className="run-total-label">Tokens</span>
        <span className="run-total-value" data-testid="total-tokens" title={`${formatTokens(totals.tokens)} tokens`}>
          {formatTokensCompact(totals.tokens)}
        </span>
      </div>
      <div className="run-total">
        <span className="run-total-label">Cost</span>
        <span className="run-total-value" data-testid="total-cost" title={`${formatDecimal(totals.cost)} USD, exact`}>
          {formatMoney(formatDecimal(totals.cost), 'USD')}
        </span>
      </div>
      <span className="run-totals-note">
        {filtered && <>For the runs matching the filters · </>}
        <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> opens a run · Shift+click a header to sort by more columns
      </span>
    </section>
  )
}
