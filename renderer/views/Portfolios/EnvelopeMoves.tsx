import { useId, useState, type FormEvent } from 'react'
import { periodContaining, type Period } from '../../../shared/analysis/periods'
import { compareDecimal, isDecimalString, parseDecimal } from '../../../shared/money/decimal'
import { formatMoney } from '../../../shared/money/format'
import type { EnvelopeMove, Portfolio } from '../../../shared/records/portfolio'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { Money } from '../../components/Money'
import { LocalTime } from '../../components/LocalTime'
import { normalizeAmountInput } from './portfolioForm'

interface Props {
  portfolio: Portfolio
  portfolios: readonly Portfolio[]
  moves: readonly EnvelopeMove[]
  period: Period
  fiscalYearStartMonth: number
  /** A portfolio's envelope for one of its own periods, moves included. */
  envelopeOf(portfolio: Portfolio, period: Period): string
}

/**
 * Moves envelope between two portfolios for one of their periods. A move is one record with a
 * giver and a receiver, so the total of all envelopes never changes (zero-sum), and it stays
 * on record with its reason.
 */
export function EnvelopeMoves({ portfolio, portfolios, moves, period, fiscalYearStartMonth, envelopeOf }: Props) {
  const { governance } = useWorkspace()
  const id = useId()
  const own = periodContaining(portfolio.envelope.period, period.start, fiscalYearStartMonth)
  const partners = portfolios.filter(
    (p) => p.id !== portfolio.id && p.envelope.period === portfolio.envelope.period && p.envelope.currency === portfolio.envelope.currency,
  )
  const [direction, setDirection] = useState<'give' | 'take'>('give')
  const [partner, setPartner] = useState('')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const names = new Map(portfolios.map((p) => [p.id, p.name]))
  const recorded = moves
    .filter((m) => m.period === own.key && (m.fromPortfolio === portfolio.id || m.toPortfolio === portfolio.id))
    .sort((a, b) => a.at.localeCompare(b.at))

  function submit(event: FormEvent) {
    event.preventDefault()
    const value = normalizeAmountInput(amount)
    const other = partners.find((p) => p.id === partner)
    if (!other) return setError('Choose the other portfolio.')
    if (!isDecimalString(value) || parseDecimal(value).units <= 0n) return setError('Use a positive amount, like 500.')
    if (!reason.trim()) return setError('Say why, for the record (the review reads it).')
    const [from, to] = direction === 'give' ? [portfolio, other] : [other, portfolio]
    const available = envelopeOf(from, own)
    if (compareDecimal(parseDecimal(value), parseDecimal(available)) > 0) {
      return setError(`“${from.name}” has ${formatMoney(available, from.envelope.currency)} in its ${own.key} envelope: move at most that.`)
    }
    governance.envelopeMoves.put({
      id: 'move-' + crypto.randomUUID(),
      period: own.key,
      fromPortfolio: from.id,
      toPortfolio: to.id,
      amount: value,
      currency: portfolio.envelope.currency,
      reason: reason.trim(),
      at: new Date().toISOString(),
    })
    setError(null)
    setAmount('')
    setReason('')
    setDone(`Moved ${formatMoney(value, portfolio.envelope.currency)} from “${from.name}” to “${to.name}” for ${own.key}.`)
  }

  return (
    <section className="page-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Move envelope ({own.key})</h2>
      {partners.length === 0 ? (
        <p className="muted">
          No other portfolio has a {portfolio.envelope.period} envelope in {portfolio.envelope.currency}: moves go between
          envelopes of the same period and currency.
        </p>
      ) : (
        <form className="move-form" onSubmit={submit} noValidate aria-label="Move envelope">
          <div className="field">
            <label htmlFor={`${id}-direction`}>Direction</label>
            <select id={`${id}-direction`} value={direction} onChange={(e) => setDirection(e.target.value as 'give' | 'take')}>
              <option value="give">Give to</option>
              <option value="take">Take from</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-partner`}>Other portfolio</label>
            <select id={`${id}-partner`} value={partner} onChange={(e) => setPartner(e.target.value)}>
              <option value="">Choose…</option>
              {partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field narrow-amount">
            <label htmlFor={`${id}-amount`}>Amount ({portfolio.envelope.currency})</label>
            <input id={`${id}-amount`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>Reason</label>
            <input id={`${id}-reason`} value={reason} placeholder="Incident season: triage needs more" onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit">Move envelope</button>
          </div>
          {error && (
            <p className="field-error move-message" role="alert">
              {error}
            </p>
          )}
          {done && !error && (
            <p className="move-message" role="status">
              {done} Undo with Ctrl/Cmd+Z.
            </p>
          )}
        </form>
      )}
      {recorded.length > 0 && (
        <table className="compact" data-testid="envelope-moves">
          <caption className="visually-hidden">Envelope moves of {own.key}</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col" className="numeric">Amount</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {recorded.map((move) => (
              <tr key={move.id}>
                <td><LocalTime iso={move.at} /></td>
                <td>{names.get(move.fromPortfolio) ?? move.fromPortfolio}</td>
                <td>{names.get(move.toPortfolio) ?? move.toPortfolio}</td>
                <td className="numeric"><Money amount={move.amount} currency={move.currency} /></td>
                <td>{move.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
