import { useCallback } from 'react'
import { formatMoney } from '../../../shared/money/format'
import { Envelope, PortfolioRule, type PortfolioChange } from '../../../shared/records/portfolio'
import { portfolioHistory } from '../../../shared/workspace/portfolioHistory'
import { routeHref } from '../../navigation/routes'
import { useObserved, useWorkspace } from '../../workspace/WorkspaceContext'
import { formatInstant } from '../../components/LocalTime'
import { describeRule } from './ruleDraft'

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  outcomeTags: 'Outcome tags',
  owningTeam: 'Owning team',
  status: 'Stage',
  envelope: 'Envelope',
  expectedHighCostUSD: 'Expected high-cost runs above',
  rules: 'Rules',
}

/** A definition value as a person reads it; anything this version cannot read is shown as stored. */
function describeValue(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—'
  if (field === 'envelope') {
    const envelope = Envelope.safeParse(value)
    if (envelope.success) return `${formatMoney(envelope.data.amount, envelope.data.currency)} per ${envelope.data.period}${envelope.data.rollover ? ', rolling over' : ''}`
  }
  if (field === 'rules') {
    const rules = PortfolioRule.array().safeParse(value)
    if (rules.success) return rules.data.length === 0 ? 'no rules' : rules.data.map((rule) => `${rule.id}: ${describeRule(rule)}`).join('; ')
  }
  if (Array.isArray(value)) return value.join(', ') || '—'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function effect(change: PortfolioChange): string {
  if (change.created) return change.effectiveFrom ? `created, from ${change.effectiveFrom}` : 'created'
  return change.effectiveFrom ? `from ${change.effectiveFrom}` : 'retroactive (every period)'
}

/** Every change to the portfolio's definition, newest first: who (a pseudonym), when, from which period, what. */
export function HistoryTab({ portfolioId }: { portfolioId: string }) {
  const { governance } = useWorkspace()
  const changes = useObserved(
    useCallback((onChange) => governance.portfolioChanges.observe(onChange), [governance]),
    () => portfolioHistory(governance.portfolioChanges.list().records, portfolioId).reverse(),
    [governance, portfolioId],
  )
  if (changes.length === 0) {
    return <p className="muted">No recorded changes yet. From now on every change to the rules, envelope, stage, owning team or outcome tags is kept here with the period it takes effect from.</p>
  }
  return (
    <ol className="history-list" aria-label="Definition history">
      {changes.map((change) => (
        <li key={change.id} className="page-section">
          <p>
            <strong>{formatInstant(change.at, true)}</strong> · {change.by} · <span className="chip">{effect(change)}</span>
            {change.source && (
              <>
                {' '}
                · decided in <a href={routeHref('review', change.source.reviewId)}>the {change.source.decidedFor} review</a> ({change.source.decision})
              </>
            )}
          </p>
          {!change.created && (
            <dl className="history-fields">
              {Object.keys(change.after).map((field) => (
                <div key={field}>
                  <dt>{FIELD_LABELS[field] ?? field}</dt>
                  <dd>
                    {describeValue(field, change.before[field])} → {describeValue(field, change.after[field])}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ol>
  )
}
