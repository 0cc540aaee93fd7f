import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react'
import type { EnvelopePeriod, PortfolioStatus } from '../../../shared/records/portfolio'
import {
  OUTCOME_TAG_SUGGESTIONS,
  rebaseForm,
  validatePortfolioForm,
  type PortfolioFormErrors,
  type PortfolioFormValues,
} from './portfolioForm'

const STATUSES: PortfolioStatus[] = ['pilot', 'scaling', 'standard', 'retired']
const PERIODS: EnvelopePeriod[] = ['quarter', 'month', 'half', 'year']

interface Props {
  initial: PortfolioFormValues
  title: string
  submitLabel: string
  /** `opened` is what the form showed when it opened, to tell which fields the person changed. */
  onSubmit(values: PortfolioFormValues, opened: PortfolioFormValues): void
  onCancel(): void
  /** For an existing portfolio: the choice of the period the change takes effect from. */
  effectiveFrom?: ReactNode
  /** The portfolio as stored now, when editing one: a teammate's save shows up in the open form. */
  saved?: PortfolioFormValues
}

const FIELD_LABELS: Record<keyof PortfolioFormValues, string> = {
  name: 'name',
  description: 'description',
  outcomeTags: 'outcome tags',
  owningTeam: 'owning team',
  status: 'stage',
  envelopeAmount: 'envelope amount',
  envelopeCurrency: 'currency',
  envelopePeriod: 'envelope period',
  rollover: 'rollover',
  expectedHighCost: 'expected high-cost threshold',
  outside: '"outside portfolios" mark',
}

const list = (keys: (keyof PortfolioFormValues)[]) => keys.map((key) => FIELD_LABELS[key]).join(', ')

/** The definition form of a portfolio: what it is for, who owns it, and its envelope. */
export function PortfolioEditor({ initial, title, submitLabel, onSubmit, onCancel, effectiveFrom, saved }: Props) {
  const [opened, setOpened] = useState(initial)
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<PortfolioFormErrors>({})
  const [incoming, setIncoming] = useState<string | null>(null)
  const savedKey = saved ? JSON.stringify(saved) : null
  useEffect(() => {
    if (!saved || JSON.stringify(saved) === JSON.stringify(opened)) return
    // A teammate saved while this form was open: show their change as it arrives, keep this person's edits.
    const rebased = rebaseForm(opened, values, saved)
    setOpened(rebased.opened)
    setValues(rebased.values)
    const parts = [rebased.updated.length > 0 && `updated ${list(rebased.updated)}`, rebased.conflicting.length > 0 && `also changed ${list(rebased.conflicting)} (your edit is kept and saved over theirs)`]
    setIncoming(`A teammate saved this portfolio: ${parts.filter(Boolean).join('; ') || 'no field you see changed'}.`)
    // Only a new saved version starts this; the person's own typing does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedKey])
  const id = useId()
  const field = <K extends keyof PortfolioFormValues>(key: K) => ({
    id: `${id}-${key}`,
    value: values[key] as string,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `${id}-${key}-error` : undefined,
    onChange: (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value })),
  })
  const error = (key: keyof PortfolioFormValues) =>
    errors[key] && (
      <p className="field-error" id={`${id}-${key}-error`} role="alert">
        {errors[key]}
      </p>
    )

  function submit(event: FormEvent) {
    event.preventDefault()
    const found = validatePortfolioForm(values)
    setErrors(found)
    if (Object.keys(found).length === 0) onSubmit(values, opened)
  }

  return (
    <form className="editor" onSubmit={submit} aria-label={title} noValidate>
      <h2>{title}</h2>
      {incoming && (
        <p className="form-incoming" role="status" data-testid="form-incoming">
          {incoming}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input {...field('name')} autoFocus placeholder="refactor + tests" />
        {error('name')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea {...field('description')} rows={3} placeholder="The workflow, and the outcome it should move" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-outcomeTags`}>Outcome tags</label>
        <input {...field('outcomeTags')} list={`${id}-tag-suggestions`} placeholder="MTTR, defects" />
        <datalist id={`${id}-tag-suggestions`}>
          {OUTCOME_TAG_SUGGESTIONS.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <p className="field-hint">Comma-separated: MTTR, defects, rework, lead time, or your own.</p>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-owningTeam`}>Owning team</label>
          <input {...field('owningTeam')} placeholder="Platform team" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Stage</label>
          <select {...field('status')}>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="field-row">
        <legend>Envelope</legend>
        <div className="field">
          <label htmlFor={`${id}-envelopeAmount`}>Amount</label>
          <input {...field('envelopeAmount')} inputMode="decimal" placeholder="12000" />
          {error('envelopeAmount')}
        </div>
        <div className="field narrow">
          <label htmlFor={`${id}-envelopeCurrency`}>Currency</label>
          <input {...field('envelopeCurrency')} maxLength={3} />
          {error('envelopeCurrency')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-envelopePeriod`}>Per</label>
          <select {...field('envelopePeriod')}>
            {PERIODS.map((period) => (
              <option key={period} value={period}>
                {period}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.rollover}
            onChange={(event) => setValues((v) => ({ ...v, rollover: event.target.checked }))}
          />
          Roll unspent or overspent amounts into the next period
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-expectedHighCost`}>Expected high-cost runs above (USD)</label>
        <input {...field('expectedHighCost')} inputMode="decimal" placeholder="25" aria-describedby={`${id}-expectedHighCost-hint${errors.expectedHighCost ? ` ${id}-expectedHighCost-error` : ''}`} />
        <p className="field-hint" id={`${id}-expectedHighCost-hint`}>
          Runs above this cost are normal operating procedure for this portfolio, not exceptions. Leave empty to set no
          expectation.
        </p>
        {error('expectedHighCost')}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={values.outside} onChange={(event) => setValues((v) => ({ ...v, outside: event.target.checked }))} />
        Outside portfolios: its rules catch spend that is not coding-agent work (a support bot's key, nightly evaluations), shown apart and never allocated into coding portfolios
      </label>
      {effectiveFrom}
      <div className="actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
