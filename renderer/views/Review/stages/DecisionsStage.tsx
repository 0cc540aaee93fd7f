import { useId, useState } from 'react'
import type { PortfolioPeriodSummary } from '../../../../shared/analysis/analyze'
import { isDecimalString } from '../../../../shared/money/decimal'
import { PortfolioStatus } from '../../../../shared/records/portfolio'
import { PortfolioDecisionKind, type PortfolioDecision, type SplitPart } from '../../../../shared/records/review'
import { routeHref } from '../../../navigation/routes'
import { Money } from '../../../components/Money'
import { VoteBudget, VoteButton } from '../VoteButton'
import { SplitParts } from './SplitParts'
import type { StageProps } from './stageProps'

export const DECISION_LABELS: Record<PortfolioDecision['decision'], string> = {
  keep: 'Keep',
  grow: 'Grow',
  shrink: 'Shrink',
  split: 'Split',
  merge: 'Merge',
  retire: 'Retire',
}

/** Stage 5: for each portfolio, what happens next quarter and its envelope; votes mark what matters most. */
export function DecisionsStage(props: StageProps) {
  const { review, me, data } = props
  if (data.summaries.length === 0) {
    return (
      <div className="review-empty">
        <p>
          No portfolios to decide on. <a href={routeHref('portfolios', 'new')}>Create a portfolio</a> to fund a workflow next quarter.
        </p>
      </div>
    )
  }
  return (
    <div className="review-decisions">
      <VoteBudget review={review} me={me} stage="decisions" />
      <ul className="review-decision-list">
        {data.summaries.map((summary) => (
          <DecisionItem key={summary.portfolio.id} {...props} summary={summary} current={review.decisions.find((d) => d.portfolioId === summary.portfolio.id)} />
        ))}
      </ul>
    </div>
  )
}

function DecisionItem({ review, me, dispatch, readOnly, summary, current, data }: StageProps & { summary: PortfolioPeriodSummary; current: PortfolioDecision | undefined }) {
  const id = useId()
  const { portfolio, budget } = summary
  const [decision, setDecision] = useState<PortfolioDecision['decision']>(current?.decision ?? 'keep')
  const [amount, setAmount] = useState(current ? (current.nextEnvelope?.amount ?? '') : portfolio.envelope.amount)
  const [currency] = useState(current?.nextEnvelope?.currency ?? portfolio.envelope.currency)
  const [note, setNote] = useState(current?.note ?? '')
  const [nextStatus, setNextStatus] = useState(current?.nextStatus ?? portfolio.status)
  const [mergeInto, setMergeInto] = useState(current?.mergeInto ?? '')
  const [splitInto, setSplitInto] = useState<SplitPart[]>(current?.splitInto ?? [{ name: '', ruleIds: [], amount: '0' }])
  const [invalid, setInvalid] = useState<string | null>(null)
  const retiring = decision === 'retire' || decision === 'merge'
  const others = data.summaries.filter((s) => s.portfolio.id !== portfolio.id && s.portfolio.status !== 'retired').map((s) => s.portfolio)

  const save = (event: React.FormEvent) => {
    event.preventDefault()
    const cleaned = amount.replace(/[\s,$€£]/g, '')
    if (!retiring && cleaned !== '' && (!isDecimalString(cleaned) || cleaned.startsWith('-'))) {
      setInvalid('Use a positive amount, like 12000 or 1500.50.')
      return
    }
    const parts = splitInto.map((part) => ({ ...part, name: part.name.trim(), amount: part.amount.replace(/[\s,$€£]/g, '') || '0' }))
    if (decision === 'split' && parts.some((part) => part.name === '' || part.ruleIds.length === 0 || !isDecimalString(part.amount))) {
      setInvalid('Give each new portfolio a name, at least one rule and an amount.')
      return
    }
    setInvalid(null)
    dispatch({
      type: 'decidePortfolio',
      decision: {
        portfolioId: portfolio.id,
        decision,
        nextEnvelope: retiring || cleaned === '' ? null : { amount: cleaned, currency },
        note: note.trim(),
        ...(!retiring && nextStatus !== portfolio.status ? { nextStatus } : {}),
        ...(decision === 'merge' ? { mergeInto } : {}),
        ...(decision === 'split' ? { splitInto: parts } : {}),
      },
    })
  }

  return (
    <li className="review-decision" data-testid="portfolio-decision">
      <div className="review-decision-head">
        <h3 id={`${id}-title`}>{portfolio.name}</h3>
        <span className="muted">
          spent <Money amount={budget.spend[budget.currency] ?? '0'} currency={budget.currency} /> of <Money amount={budget.envelope} currency={budget.currency} />
          {' · '}forecast <Money amount={budget.forecast[budget.currency] ?? '0'} currency={budget.currency} />
        </span>
        <VoteButton review={review} me={me} stage="decisions" subject={portfolio.id} label={portfolio.name} dispatch={dispatch} disabled={readOnly} />
      </div>
      {current && (
        <p className="review-decided" data-testid="decision-recorded">
          <span className={`badge decision-${current.decision}`}>{DECISION_LABELS[current.decision]}</span>{' '}
          {current.nextEnvelope ? (
            <>
              next envelope <Money amount={current.nextEnvelope.amount} currency={current.nextEnvelope.currency} />
            </>
          ) : (
            'no envelope next quarter'
          )}
          {current.nextStatus && ` · stage → ${current.nextStatus}`}
          {current.mergeInto && ` · into ${data.names[current.mergeInto] ?? current.mergeInto}`}
          {current.splitInto && ` · into ${current.splitInto.map((part) => part.name).join(', ')}`}
          {current.note && ` — ${current.note}`}
        </p>
      )}
      {!readOnly && (
        <form className="review-decision-form" onSubmit={save} aria-labelledby={`${id}-title`}>
          <fieldset className="review-decision-kinds">
            <legend>Decision for {portfolio.name}</legend>
            {PortfolioDecisionKind.options.map((kind) => (
              <label key={kind} className="review-radio">
                <input type="radio" name={`${id}-kind`} value={kind} checked={decision === kind} onChange={() => setDecision(kind)} /> {DECISION_LABELS[kind]}
              </label>
            ))}
          </fieldset>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-amount`}>Next quarter's envelope ({currency})</label>
              <input id={`${id}-amount`} inputMode="decimal" value={retiring ? '' : amount} disabled={retiring} aria-invalid={invalid ? true : undefined} onChange={(event) => setAmount(event.target.value)} />
              {invalid && <p className="field-error" role="alert">{invalid}</p>}
            </div>
            {!retiring && (
              <div className="field">
                <label htmlFor={`${id}-status`}>Stage next quarter</label>
                <select id={`${id}-status`} value={nextStatus} onChange={(event) => setNextStatus(PortfolioStatus.parse(event.target.value))}>
                  {PortfolioStatus.options.filter((status) => status !== 'retired').map((status) => (
                    <option key={status} value={status}>
                      {status}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {decision === 'merge' && (
              <div className="field">
                <label htmlFor={`${id}-merge`}>Merge into</label>
                <select id={`${id}-merge`} value={mergeInto} onChange={(event) => setMergeInto(event.target.value)} required>
                  <option value="">Choose a portfolio…</option>
                  {others.map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="field">
              <label htmlFor={`${id}-note`}>Why</label>
              <input id={`${id}-note`} value={note} onChange={(event) => setNote(event.target.value)} />
            </div>
          </div>
          {decision === 'split' && <SplitParts rules={portfolio.rules} parts={splitInto} onChange={setSplitInto} />}
          <div className="actions">
            <button type="submit" className="primary" disabled={decision === 'merge' && !mergeInto}>
              {current ? 'Update decision' : 'Record decision'}
            </button>
            {current && (
              <button type="button" onClick={() => dispatch({ type: 'withdrawPortfolioDecision', portfolioId: portfolio.id })}>
                Withdraw
              </button>
            )}
          </div>
        </form>
      )}
    </li>
  )
}
