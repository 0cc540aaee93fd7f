import type { Recipe } from '../../../shared/records/recipe'
import { FIELD_HINTS, FIELD_LABELS, fieldsFor, type DraftCondition, type RuleTarget } from './ruleDraft'

interface Props {
  index: number
  condition: DraftCondition
  target: RuleTarget
  recipes: readonly Recipe[]
  error?: string
  onChange(condition: DraftCondition): void
  onRemove(): void
}

/** One condition of a rule: which field it reads, and the values it accepts. */
export function ConditionRow({ index, condition, target, recipes, error, onChange, onRemove }: Props) {
  const n = index + 1
  const base = `rule-condition-${index}`
  const set = (patch: Partial<DraftCondition>) => onChange({ ...condition, ...patch })
  const described = error ? `${base}-error` : undefined
  return (
    <li className="condition-row" data-testid="condition-row">
      <div className="field condition-field">
        <label htmlFor={`${base}-field`}>Condition {n} field</label>
        <select id={`${base}-field`} value={condition.field} onChange={(e) => set({ field: e.target.value as DraftCondition['field'] })}>
          {fieldsFor(target).map((field) => (
            <option key={field} value={field}>
              {FIELD_LABELS[field]}
            </option>
          ))}
        </select>
      </div>
      {condition.field === 'tag' && (
        <div className="field narrow-tag">
          <label htmlFor={`${base}-key`}>Condition {n} tag key</label>
          <input id={`${base}-key`} value={condition.key} placeholder="team (any key if empty)" onChange={(e) => set({ key: e.target.value })} />
        </div>
      )}
      {condition.field === 'dateRange' ? (
        <>
          <div className="field">
            <label htmlFor={`${base}-from`}>Condition {n} from</label>
            <input id={`${base}-from`} type="date" value={condition.from} aria-invalid={error ? true : undefined} aria-describedby={described} onChange={(e) => set({ from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${base}-to`}>Condition {n} to</label>
            <input id={`${base}-to`} type="date" value={condition.to} aria-invalid={error ? true : undefined} aria-describedby={described} onChange={(e) => set({ to: e.target.value })} />
          </div>
        </>
      ) : condition.field === 'recipe' ? (
        <div className="field">
          <label htmlFor={`${base}-values`}>Condition {n} recipe</label>
          <select id={`${base}-values`} value={condition.text} aria-invalid={error ? true : undefined} aria-describedby={described} onChange={(e) => set({ text: e.target.value })}>
            <option value="">{recipes.length ? 'Choose a promoted recipe' : 'No promoted recipes in the catalog yet'}</option>
            {recipes.map((recipe) => (
              <option key={recipe.id} value={recipe.id}>
                {recipe.name} ({recipe.steps.join(' → ')})
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${base}-values`}>Condition {n} values</label>
          <input
            id={`${base}-values`}
            value={condition.text}
            placeholder={FIELD_HINTS[condition.field]}
            aria-invalid={error ? true : undefined}
            aria-describedby={described}
            onChange={(e) => set({ text: e.target.value })}
          />
        </div>
      )}
      <button type="button" className="condition-remove" onClick={onRemove} aria-label={`Remove condition ${n}`}>
        Remove
      </button>
      {error && (
        <p className="field-error condition-error" id={`${base}-error`} role="alert">
          {error}
        </p>
      )}
    </li>
  )
}
