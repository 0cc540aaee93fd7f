import { isDecimalString } from '../../money/decimal'
import { parseInstant } from '../billing/dates'
import { columnReader } from './csvColumns'
import { OutcomeRowError, type CsvOutcomeFormat } from './outcomeFormat'

/**
 * The team's own measures: `date, metric, value, portfolio` and/or `repo`, one per row
 * ("2026-02-03, deploys, 4, , harbor-ui"). The date is a day (ISO `2026-02-03`, or an ISO
 * date-time whose UTC day counts); the value a plain decimal ("4", "-1.5").
 */
export const outcomeMetricsCsv: CsvOutcomeFormat<'metrics'> = {
  input: 'csv',
  id: 'outcome-metrics',
  label: 'Outcome metrics (CSV)',
  kind: 'metrics',
  matches: (header) => header.has('date') && header.has('metric') && header.has('value') && header.has('portfolio', 'repo'),
  reader(header) {
    const date = columnReader(header, 'date')
    const metric = columnReader(header, 'metric')
    const value = columnReader(header, 'value')
    const portfolio = columnReader(header, 'portfolio')
    const repo = columnReader(header, 'repo')
    return (fields) => {
      const day = parseInstant(date(fields), 'iso')?.slice(0, 10)
      if (!day) throw new OutcomeRowError(`"date" is ${JSON.stringify(date(fields))}, not a date like 2026-02-03`)
      const name = metric(fields)
      if (!name) throw new OutcomeRowError('"metric" is missing')
      const amount = value(fields)
      if (!isDecimalString(amount)) throw new OutcomeRowError(`"value" is ${JSON.stringify(amount)}, not a number like 4 or -1.5`)
      const scope = { portfolio: portfolio(fields) || null, repo: repo(fields) || null }
      if (!scope.portfolio && !scope.repo) throw new OutcomeRowError('neither "portfolio" nor "repo" says what the measure is of')
      return { id: `${day}|${name}|${scope.portfolio ?? ''}|${scope.repo ?? ''}`, date: day, metric: name, value: amount, ...scope }
    }
  },
}
