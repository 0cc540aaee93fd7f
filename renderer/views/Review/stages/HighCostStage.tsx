import { useMemo, useState } from 'react'
import { describeHighCostThreshold } from '../../../../shared/analysis/metrics/highCostThreshold'
import type { HighCostRun } from '../../../../shared/review'
import { AnnotationEditor } from '../../../components/annotations/AnnotationEditor'
import { routeHref } from '../../../navigation/routes'
import { Money } from '../../../components/Money'
import { UtcDate } from '../../../components/LocalTime'
import { Steps } from '../../../components/recipes/Steps'
import type { StageProps } from './stageProps'
import { formatCount, noun, plural } from '../../../../shared/text/plural'

/** "acme/api · feature/cart · Mar 3, 2026": a run named by where and when it ran, never by a hash or a person. */
function RunName({ run }: { run: HighCostRun }) {
  return (
    <>
      {run.repo ?? 'no repo'}
      {run.branch && <> · {run.branch}</>} · <UtcDate date={run.start.slice(0, 10)} />
    </>
  )
}

/**
 * Stage 3: the period's high-cost runs per portfolio, each portfolio judged against its own
 * runs (its top 5% by default), each run with its outcome note. The ones without a note form a
 * queue the team fills in together. About runs and portfolios only: who ran them is never shown.
 */
export function HighCostStage({ data }: StageProps) {
  const { names, summaries, highCostRule } = data
  const groups = useMemo(
    () =>
      data.highCost
        .map((group) => ({ ...group, name: group.portfolioId ? (names[group.portfolioId] ?? group.portfolioId) : 'Unassigned', runs: group.runs.map((run) => ({ ...run, annotated: data.scope.isAnnotated(run.runId) })) }))
        .sort((a, b) => (a.portfolioId === null ? 1 : b.portfolioId === null ? -1 : a.name.localeCompare(b.name))),
    [data.highCost, data.scope, names],
  )
  const expected = new Map(summaries.map((summary) => [summary.portfolio.id, summary.portfolio.expectedHighCostUSD]))
  const queue = groups.flatMap((group) => group.runs.filter((run) => !run.annotated))
  const total = groups.reduce((sum, group) => sum + group.runs.length, 0)
  // The run whose note is open stays open while it is written (it leaves the queue on the first key).
  const [selected, setSelected] = useState<string | null>(() => queue[0]?.runId ?? groups[0]?.runs[0]?.runId ?? null)
  const open = groups.flatMap((group) => group.runs).find((run) => run.runId === (selected ?? queue[0]?.runId))

  const ruleText =
    highCostRule === 'fixed'
      ? "High-cost: more than the team's fixed threshold"
      : "High-cost: each portfolio's own top 5% of runs by cost, so every portfolio's costliest runs get a look"
  if (total === 0) {
    return (
      <div className="review-empty">
        <p>
          {ruleText}. No run of this period qualifies (<a href={routeHref('settings')}>Settings</a>). Nothing to explain here.
        </p>
      </div>
    )
  }
  const nextInQueue = queue.find((run) => run.runId !== open?.runId)
  return (
    <div className="review-highcost">
      <div className="review-highcost-list">
        <p className="muted" data-testid="high-cost-rule">
          {ruleText} (<a href={routeHref('settings')}>Settings</a>).
        </p>
        <p className="review-queue-status" role="status" data-testid="note-queue">
          {queue.length === 0
            ? total === 1
              ? 'The 1 high-cost run carries an outcome note.'
              : `All ${plural(total, 'high-cost run')} carry an outcome note.`
            : `${formatCount(queue.length)} of ${plural(total, 'high-cost run')} still ${noun(queue.length, 'needs', 'need')} an outcome note — fill them in together.`}{' '}
          {nextInQueue && (
            <button type="button" className="link-button" onClick={() => setSelected(nextInQueue.runId)}>
              Next in the queue
            </button>
          )}
        </p>
        {groups.map((group) => {
          const own = group.portfolioId ? expected.get(group.portfolioId) : null
          return (
            <section key={group.portfolioId ?? 'unassigned'} aria-label={group.name} className="review-highcost-group" data-testid="high-cost-group">
              <h3>{group.name}</h3>
              <p className="muted small" data-testid="high-cost-threshold">
                {plural(group.runs.length, 'run')}: {describeHighCostThreshold(group.threshold)}.{' '}
                {group.portfolioId &&
                  (own ? (
                    <>
                      Expects high-cost runs above <Money amount={own} currency="USD" />.
                    </>
                  ) : (
                    'Sets no expected high-cost threshold.'
                  ))}
              </p>
              <ul>
                {group.runs.map((run) => (
                  <li key={run.runId} className={run.runId === open?.runId ? 'selected' : ''}>
                    <button type="button" className="review-run" aria-current={run.runId === open?.runId ? 'true' : undefined} onClick={() => setSelected(run.runId)}>
                      <strong>
                        <Money amount={run.costUSD} currency="USD" />
                      </strong>
                      <span className="review-run-where" data-testid="high-cost-run-where">
                        {run.repo ?? 'no repo'} · {run.tool}
                      </span>
                      <span className="muted">
                        <UtcDate date={run.start.slice(0, 10)} />
                      </span>
                      <Steps steps={run.steps.slice(0, 8)} />
                      <span className={`badge ${run.annotated ? 'ok' : 'warn'}`}>{run.annotated ? 'Has a note' : 'Needs a note'}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )
        })}
      </div>
      {open && (
        <div className="review-highcost-note">
          <p className="muted" data-testid="high-cost-note-run">
            Run in <a href={routeHref('runs', open.runId)}><RunName run={open} /></a>
          </p>
          <AnnotationEditor subject={open.runId} title="Why it paid off (or did not)" />
        </div>
      )}
    </div>
  )
}
