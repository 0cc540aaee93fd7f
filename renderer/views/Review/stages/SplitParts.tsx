import { useId } from 'react'
import type { PortfolioRule } from '../../../../shared/records/portfolio'
import type { SplitPart } from '../../../../shared/records/review'

/** The new portfolios of a split: each named, with the rules it takes over and its envelope. */
export function SplitParts({ rules, parts, onChange }: { rules: readonly PortfolioRule[]; parts: SplitPart[]; onChange: (parts: SplitPart[]) => void }) {
  const id = useId()
  const update = (index: number, patch: Partial<SplitPart>) => onChange(parts.map((part, i) => (i === index ? { ...part, ...patch } : part)))
  const taken = (index: number) => new Set(parts.flatMap((part, i) => (i === index ? [] : part.ruleIds)))
  if (rules.length === 0) return <p className="muted">This portfolio has no rules to share out; give it rules first.</p>
  return (
    <fieldset className="review-split">
      <legend>New portfolios of the split</legend>
      {parts.map((part, index) => (
        <div key={index} className="review-split-part" data-testid="split-part">
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-${index}-name`}>Name of new portfolio {index + 1}</label>
              <input id={`${id}-${index}-name`} value={part.name} onChange={(event) => update(index, { name: event.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-${index}-amount`}>Its envelope</label>
              <input id={`${id}-${index}-amount`} inputMode="decimal" value={part.amount} onChange={(event) => update(index, { amount: event.target.value })} />
            </div>
          </div>
          <div role="group" aria-label={`Rules for new portfolio ${index + 1}`}>
            {rules.map((rule) => (
              <label key={rule.id} className="review-radio">
                <input
                  type="checkbox"
                  checked={part.ruleIds.includes(rule.id)}
                  disabled={taken(index).has(rule.id)}
                  onChange={(event) => update(index, { ruleIds: event.target.checked ? [...part.ruleIds, rule.id] : part.ruleIds.filter((r) => r !== rule.id) })}
                />{' '}
                {rule.id}
              </label>
            ))}
          </div>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...parts, { name: '', ruleIds: [], amount: '0' }])}>
        Add a new portfolio
      </button>
    </fieldset>
  )
}
