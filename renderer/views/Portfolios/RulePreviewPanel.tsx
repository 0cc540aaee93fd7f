import { useDeferredValue, useMemo } from 'react'
import { chargeKey, type RuleInput } from '../../../shared/analysis/input'
import { previewRule } from '../../../shared/analysis/rules/preview'
import type { PortfolioRule } from '../../../shared/records/portfolio'
import { Amounts, Money } from '../../components/Money'
import { LocalTime, UtcDate } from '../../components/LocalTime'
import { formatCount, noun, plural } from '../../../shared/text/plural'

const SHOWN = 15

/**
 * What the rule being edited would match and win, before it is saved. It runs the analysis'
 * own preview (the same assignment saving leads to), so the preview equals the saved result.
 */
export function RulePreviewPanel({ input, portfolioId, rule }: { input: RuleInput; portfolioId: string; rule: PortfolioRule }) {
  const deferred = useDeferredValue(rule)
  const preview = useMemo(() => previewRule(input, portfolioId, deferred), [input, portfolioId, deferred])
  const assignedRuns = new Set(preview.assignedRunIds)
  const assignedCharges = new Set(preview.assignedChargeKeys)
  const matchedRuns = new Set(preview.matchedRunIds)
  const matchedCharges = new Set(preview.matchedChargeKeys)
  const runs = input.runs.filter((run) => matchedRuns.has(run.id)).slice(0, SHOWN)
  const charges = input.charges.filter((charge) => matchedCharges.has(chargeKey(charge))).slice(0, SHOWN)
  const isRuns = rule.target === 'runs'
  return (
    <section className="rule-preview" aria-labelledby="rule-preview-heading" data-testid="rule-preview">
      <h3 id="rule-preview-heading">Preview, before saving</h3>
      <div aria-live="polite">
        {isRuns ? (
          <p>
            Matches <strong data-testid="preview-matched-runs">{formatCount(preview.matchedRunIds.length)}</strong> {noun(preview.matchedRunIds.length, 'run')}, of every
            import so far. Once saved it takes <strong data-testid="preview-assigned-runs">{formatCount(preview.assignedRunIds.length)}</strong> of them, log-estimated at{' '}
            <strong data-testid="preview-run-cost">
              <Money amount={preview.runCostUSD} currency="USD" />
            </strong>
            .
          </p>
        ) : (
          <p>
            Matches <strong data-testid="preview-matched-charges">{formatCount(preview.matchedChargeKeys.length)}</strong> {noun(preview.matchedChargeKeys.length, 'charge')}. Once
            saved it bills <strong data-testid="preview-assigned-charges">{formatCount(preview.assignedChargeKeys.length)}</strong> of them directly to this portfolio:{' '}
            <strong data-testid="preview-charge-totals">
              <Amounts amounts={preview.chargeTotals} empty="nothing" />
            </strong>
            .
          </p>
        )}
      </div>
      {preview.lostTo.length > 0 && (
        <ul className="preview-lost">
          {preview.lostTo.map((loss) => (
            <li key={`${loss.portfolioId}-${loss.ruleId}`}>
              {isRuns ? plural(loss.runs, 'run') : plural(loss.charges, 'charge')} {noun(isRuns ? loss.runs : loss.charges, 'stays', 'stay')} with rule “{loss.ruleId}” of “{loss.portfolioName}”, which is tried first.
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        Tried #{preview.rank + 1} in the order of all rules · specificity {preview.specificity}
      </p>
      {isRuns && runs.length > 0 && (
        <table className="compact">
          <caption className="visually-hidden">Runs the rule matches</caption>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Repo</th>
              <th scope="col">Steps</th>
              <th scope="col" className="numeric">Estimated</th>
              <th scope="col">Goes to</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td><LocalTime iso={run.start} /></td>
                <td>{run.repo ?? '—'}{run.branch ? ` · ${run.branch}` : ''}</td>
                <td className="steps">{run.steps.join(' → ') || '—'}</td>
                <td className="numeric"><Money amount={run.costUSD} currency="USD" /></td>
                <td>{assignedRuns.has(run.id) ? 'this portfolio' : 'a rule tried first'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!isRuns && charges.length > 0 && (
        <table className="compact">
          <caption className="visually-hidden">Charges the rule matches</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Provider</th>
              <th scope="col">Project / key</th>
              <th scope="col" className="numeric">Cost</th>
              <th scope="col">Goes to</th>
            </tr>
          </thead>
          <tbody>
            {charges.map((charge) => (
              <tr key={chargeKey(charge)}>
                <td><UtcDate date={charge.start.slice(0, 10)} /></td>
                <td>{charge.provider}{charge.model ? ` · ${charge.model}` : ''}</td>
                <td>{charge.project ?? charge.apiKey ?? charge.workspace ?? charge.account ?? '—'}</td>
                <td className="numeric"><Money amount={charge.cost} currency={charge.currency} /></td>
                <td>{assignedCharges.has(chargeKey(charge)) ? 'this portfolio' : 'a rule tried first'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(isRuns ? preview.matchedRunIds.length : preview.matchedChargeKeys.length) > SHOWN && (
        <p className="muted">Showing the first {SHOWN}.</p>
      )}
    </section>
  )
}
