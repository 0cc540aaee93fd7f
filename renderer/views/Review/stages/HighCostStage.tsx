import { useMemo, useState } from 'react'
import { compareDecimal, parseDecimal } from '../../../../shared/money/decimal'
import { AnnotationEditor } from '../../../components/annotations/AnnotationEditor'
import { routeHref } from '../../../navigation/routes'
import { Money, UtcDate } from '../../Overview/money'
import { Steps } from '../Steps'
import type { StageProps } from './stageProps'

interface Group {
  portfolioId: string | null
  name: string
  runs: { id: string; costUSD: string; start: string; steps: string[]; annotated: boolean }[]
}

/**
 * Stage 3: the period's high-cost runs per portfolio, each with its outcome note. The ones
 * without a note form a queue the team fills in together. About runs and portfolios only:
 * who ran them is never shown.
 */
export function HighCostStage({ data }: StageProps) {
  const { scope, names, thresholdUSD } = data
  const groups = useMemo(() => {
    const threshold = parseDecimal(thresholdUSD)
    const byPortfolio = new Map<string | null, Group>()
    const high = scope.runs
      .filter((run) => compareDecimal(parseDecimal(run.costUSD), threshold) > 0)
      .sort((a, b) => compareDecimal(parseDecimal(b.costUSD), parseDecimal(a.costUSD)) || a.id.localeCompare(b.id))
    for (const run of high) {
      const portfolioId = scope.portfolioOf(run.id)
      let group = byPortfolio.get(portfolioId)
      if (!group) byPortfolio.set(portfolioId, (group = { portfolioId, name: portfolioId ? (names[portfolioId] ?? portfolioId) : 'Unassigned', runs: [] }))
      group.runs.push({ id: run.id, costUSD: run.costUSD, start: run.start, steps: run.steps, annotated: scope.isAnnotated(run.id) })
    }
    return [...byPortfolio.values()].sort((a, b) => (a.portfolioId === null ? 1 : b.portfolioId === null ? -1 : a.name.localeCompare(b.name)))
  }, [scope, names, thresholdUSD])
  const queue = groups.flatMap((group) => group.runs.filter((run) => !run.annotated))
  const total = groups.reduce((sum, group) => sum + group.runs.length, 0)
  // The run whose note is open stays open while it is written (it leaves the queue on the first key).
  const [selected, setSelected] = useState<string | null>(() => queue[0]?.id ?? groups[0]?.runs[0]?.id ?? null)
  const open = selected ?? queue[0]?.id ?? null

  if (total === 0) {
    return (
      <div className="review-empty">
        <p>
          No run in this period cost more than <Money amount={thresholdUSD} currency="USD" />, the team's high-cost threshold
          (<a href={routeHref('settings')}>Settings</a>). Nothing to explain here.
        </p>
      </div>
    )
  }
  const nextInQueue = queue.find((run) => run.id !== open)
  return (
    <div className="review-highcost">
      <div className="review-highcost-list">
        <p className="review-queue-status" role="status" data-testid="note-queue">
          {queue.length === 0
            ? `All ${total} high-cost run(s) carry an outcome note.`
            : `${queue.length} of ${total} high-cost run(s) still need an outcome note — fill them in together.`}{' '}
          {nextInQueue && (
            <button type="button" className="link-button" onClick={() => setSelected(nextInQueue.id)}>
              Next in the queue
            </button>
          )}
        </p>
        {groups.map((group) => (
          <section key={group.portfolioId ?? 'unassigned'} aria-label={group.name} className="review-highcost-group">
            <h3>
              {group.name} <span className="muted">· {group.runs.length} run(s) above <Money amount={thresholdUSD} currency="USD" /></span>
            </h3>
            <ul>
              {group.runs.map((run) => (
                <li key={run.id} className={run.id === open ? 'selected' : ''}>
                  <button type="button" className="review-run" aria-current={run.id === open ? 'true' : undefined} onClick={() => setSelected(run.id)}>
                    <strong><Money amount={run.costUSD} currency="USD" /></strong>
                    <span className="muted"><UtcDate date={run.start.slice(0, 10)} /></span>
                    <Steps steps={run.steps.slice(0, 8)} />
                    <span className={`badge ${run.annotated ? 'ok' : 'warn'}`}>{run.annotated ? 'Has a note' : 'Needs a note'}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {open && (
        <div className="review-highcost-note">
          <p className="muted">
            Run <a href={routeHref('runs', open)}>{open.slice(0, 12)}</a>
          </p>
          <AnnotationEditor subject={open} title="Why it paid off (or did not)" />
        </div>
      )}
    </div>
  )
}
