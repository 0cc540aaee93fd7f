import { useId } from 'react'
import { setTodaysDefinitions, useTodaysDefinitions } from '../workspace/definitionsChoice'
import { describePeriodDays, setPeriodChoice, type PeriodChoice, type PeriodOptions } from '../workspace/periodChoice'
import './PeriodPicker.css'

const SOURCE_NOTE: Record<PeriodChoice['source'], string> = {
  requested: '',
  current: 'the current quarter',
  'latest-with-data': 'the latest quarter with data',
}

/** Chooses the period every card and page shows; "Automatic" follows the CLI report's choice. */
export function PeriodPicker({ options, choice }: { options: PeriodOptions; choice: PeriodChoice }) {
  const id = useId()
  const { quarters, months, years } = options
  const value = choice.chosen ?? ''
  const todaysDefinitions = useTodaysDefinitions()
  return (
    <div className="period-picker" data-period={choice.period.key}>
      <label htmlFor={id}>Period</label>
      <select id={id} value={value} onChange={(event) => setPeriodChoice(event.target.value || null)}>
        <option value="">Automatic ({choice.chosen ? 'quarter' : choice.period.key})</option>
        <optgroup label="Quarters">
          {quarters.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </optgroup>
        {months.length > 0 && (
          <optgroup label="Months">
            {months.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </optgroup>
        )}
        {years.length > 0 && (
          <optgroup label="Years">
            {years.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <span className="period-days">
        {describePeriodDays(choice.period)} (UTC)
        {!choice.chosen && SOURCE_NOTE[choice.source] ? ` · ${SOURCE_NOTE[choice.source]}` : ''}
      </span>
      <label className="checkbox todays-definitions">
        <input type="checkbox" checked={todaysDefinitions} onChange={(event) => setTodaysDefinitions(event.target.checked)} />
        With today's definitions
      </label>
    </div>
  )
}
