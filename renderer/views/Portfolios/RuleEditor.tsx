import { useId, useMemo, useState, type FormEvent } from 'react'
import type { RuleInput } from '../../../shared/analysis/input'
import type { PortfolioRule } from '../../../shared/records/portfolio'
import { ConditionRow } from './ConditionRow'
import { withoutRule } from './ruleChanges'
import { emptyCondition, fieldsFor, hasErrors, ruleFromDraft, validateDraft, type DraftErrors, type DraftRule, type RuleTarget } from './ruleDraft'
import { RulePreviewPanel } from './RulePreviewPanel'

interface Props {
  input: RuleInput
  portfolioId: string
  initial: DraftRule
  /** Ids of the portfolio's other rules (a rule id is unique within its portfolio). */
  otherRuleIds: string[]
  isNew: boolean
  onSave(rule: PortfolioRule, previousId: string | null): void
  onCancel(): void
}

/** Edits one rule: conditions over runs or charges, combined with all/any, with a live preview. */
export function RuleEditor({ input, portfolioId, initial, otherRuleIds, isNew, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState(initial)
  const [errors, setErrors] = useState<DraftErrors>({ byCondition: {} })
  const id = useId()
  const rule = useMemo(() => ruleFromDraft(draft), [draft])
  const recipes = input.recipes.filter((recipe) => recipe.status === 'promoted')
  // A renamed rule replaces the old one on saving: preview it the same way.
  const previewInput = useMemo(
    () => (isNew || rule.id === initial.id ? input : { ...input, portfolios: withoutRule(input.portfolios, portfolioId, initial.id) }),
    [input, isNew, rule.id, initial.id, portfolioId],
  )

  const setTarget = (target: RuleTarget) =>
    setDraft((d) => ({
      ...d,
      target,
      conditions: d.conditions.map((c) => (fieldsFor(target).includes(c.field) ? c : emptyCondition(fieldsFor(target)[0]))),
    }))

  function submit(event: FormEvent) {
    event.preventDefault()
    const found = validateDraft(draft, otherRuleIds)
    setErrors(found)
    if (!hasErrors(found)) onSave(rule, isNew ? null : initial.id)
  }

  return (
    <div className="rule-editor-layout">
      <form className="rule-editor" onSubmit={submit} aria-label={isNew ? 'New rule' : `Edit rule ${initial.id}`} noValidate>
        <h3>{isNew ? 'New rule' : `Edit rule “${initial.id}”`}</h3>
        <div className="field">
          <label htmlFor={`${id}-id`}>Rule name</label>
          <input
            id={`${id}-id`}
            autoFocus
            value={draft.id}
            aria-invalid={errors.id ? true : undefined}
            aria-describedby={errors.id ? `${id}-id-error` : undefined}
            onChange={(e) => setDraft((d) => ({ ...d, id: e.target.value }))}
          />
          {errors.id && (
            <p className="field-error" id={`${id}-id-error`} role="alert">
              {errors.id}
            </p>
          )}
        </div>
        <fieldset className="choice-row">
          <legend>Applies to</legend>
          {(['runs', 'charges'] as const).map((target) => (
            <label key={target} className="choice">
              <input type="radio" name={`${id}-target`} checked={draft.target === target} onChange={() => setTarget(target)} />
              {target === 'runs' ? 'Agent runs (from session logs)' : 'Billing charges'}
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-row">
          <legend>Combine conditions</legend>
          <label className="choice">
            <input type="radio" name={`${id}-combine`} checked={draft.combine === 'all'} onChange={() => setDraft((d) => ({ ...d, combine: 'all' }))} />
            All must hold
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-combine`} checked={draft.combine === 'any'} onChange={() => setDraft((d) => ({ ...d, combine: 'any' }))} />
            Any one is enough
          </label>
        </fieldset>
        <ol className="condition-list" aria-label="Conditions">
          {draft.conditions.map((condition, index) => (
            <ConditionRow
              key={index}
              index={index}
              condition={condition}
              target={draft.target}
              recipes={recipes}
              error={errors.byCondition[index]}
              onChange={(next) => setDraft((d) => ({ ...d, conditions: d.conditions.map((c, i) => (i === index ? next : c)) }))}
              onRemove={() => setDraft((d) => ({ ...d, conditions: d.conditions.filter((_, i) => i !== index) }))}
            />
          ))}
        </ol>
        {errors.conditions && (
          <p className="field-error" role="alert">
            {errors.conditions}
          </p>
        )}
        <button type="button" onClick={() => setDraft((d) => ({ ...d, conditions: [...d.conditions, emptyCondition(fieldsFor(d.target)[0])] }))}>
          Add condition
        </button>
        <p className="field-hint">
          Text values are alternatives, separated by commas, with * and ? as wildcards. A step sequence lists steps in order:
          other steps may come between them.
        </p>
        <div className="actions">
          <button type="submit" className="primary">
            Save rule
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      <RulePreviewPanel input={previewInput} portfolioId={portfolioId} rule={rule} />
    </div>
  )
}
