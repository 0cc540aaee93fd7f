import type { PortfolioPeriodSummary } from '../../../shared/analysis/analyze'
import { describeHighCostThreshold } from '../../../shared/analysis/metrics/highCostThreshold'
import { LINT_LABELS } from '../../components/portfolio/LintBadges'
import { percent } from '../../components/Money'
import { UtcDate } from '../../components/LocalTime'
import { formatCount, noun, plural } from '../../../shared/text/plural'

function share(part: number, whole: number): string {
  return whole === 0 ? '—' : percent(part / whole)
}

/** The thesis, measured for this portfolio and period, and its health checks. Counts only, never people. */
export function MetricsTab({ summary }: { summary: PortfolioPeriodSummary }) {
  const { adoption, recipeShare, highCost } = summary.metrics
  return (
    <div className="metrics-tab">
      <section className="page-section" aria-labelledby="adoption-heading">
        <h2 id="adoption-heading">Adoption, pilot to scale</h2>
        <dl className="figure-list" data-testid="adoption">
          <div><dt>Stage</dt><dd><span className={`badge status-${adoption.stage}`}>{adoption.stage}</span></dd></div>
          <div><dt>Runs</dt><dd data-testid="metric-runs">{adoption.runs}</dd></div>
          <div><dt>Runs per week</dt><dd data-testid="metric-runs-per-week">{adoption.runsPerWeek}</dd></div>
          <div><dt>Distinct repos</dt><dd data-testid="metric-repos">{adoption.distinctRepos}</dd></div>
          <div><dt>Active contributors (count)</dt><dd data-testid="metric-contributors">{adoption.distinctContributors}</dd></div>
        </dl>
        {adoption.weekly.length > 0 && (
          <table className="compact weekly">
            <caption className="visually-hidden">Runs, repos and contributors per week</caption>
            <thead>
              <tr>
                <th scope="col">Week of (Monday, UTC)</th>
                <th scope="col" className="numeric">Runs</th>
                <th scope="col" className="numeric">Repos</th>
                <th scope="col" className="numeric">Contributors</th>
              </tr>
            </thead>
            <tbody>
              {adoption.weekly.map((week) => (
                <tr key={week.week}>
                  <td><UtcDate date={week.week} /></td>
                  <td className="numeric">{week.runs}</td>
                  <td className="numeric">{week.repos}</td>
                  <td className="numeric">{week.contributors}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted small">Contributors are a count of pseudonymous actors: Workfolio never lists or ranks people.</p>
      </section>
      <section className="page-section" aria-labelledby="recipes-heading">
        <h2 id="recipes-heading">Repeatable workflows</h2>
        <p data-testid="recipe-share">
          {recipeShare.promotedRecipes === 0
            ? 'No recipe promoted to the catalog yet: the share is 0 until one is.'
            : `${percent(recipeShare.runs)} of runs (${formatCount(recipeShare.followingRuns)}) and ${percent(recipeShare.spend)} of their estimated spend follow ${recipeShare.promotedRecipes === 1 ? 'the one promoted recipe' : `one of ${plural(recipeShare.promotedRecipes, 'promoted recipe')}`}.`}
        </p>
      </section>
      <section className="page-section" aria-labelledby="high-cost-heading">
        <h2 id="high-cost-heading">High-cost runs</h2>
        <p data-testid="high-cost">
          {highCost.count === 0 ? (
            <>No high-cost run: high-cost means {describeHighCostThreshold(highCost.threshold)}.</>
          ) : (
            <>
              {plural(highCost.count, 'high-cost run')} ({describeHighCostThreshold(highCost.threshold)}): {share(highCost.inPortfolio, highCost.count)} inside a
              portfolio that expects them, {share(highCost.annotated, highCost.count)} with an outcome note.
              {highCost.unannotatedRunIds.length > 0 && ` ${formatCount(highCost.unannotatedRunIds.length)} ${noun(highCost.unannotatedRunIds.length, 'waits', 'wait')} for an outcome note in the review.`}
            </>
          )}
        </p>
        {summary.portfolio.expectedHighCostUSD === null && highCost.count > 0 && (
          <p className="muted small">Set “expected high-cost runs” in Definition when such runs are normal for this workflow.</p>
        )}
      </section>
      <section className="page-section" aria-labelledby="lints-heading">
        <h2 id="lints-heading">Health checks</h2>
        {summary.lints.length === 0 ? (
          <p className="lint-none">No health issues in {summary.period}.</p>
        ) : (
          <ul className="lint-list" data-testid="lint-list">
            {summary.lints.map((lint) => (
              <li key={lint.code}>
                <strong>{LINT_LABELS[lint.code] ?? lint.code}</strong>
                <p>{lint.message}</p>
                <p><span className="muted">Suggested fix:</span> {lint.fix}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
