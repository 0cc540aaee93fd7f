import { duration } from '../../../components/portfolio/OutcomeFigures'
import { routeHref } from '../../../navigation/routes'
import { percent } from '../../../components/Money'
import { PortfolioCard } from '../../../components/portfolio/PortfolioCard'
import type { StageProps } from './stageProps'
import { plural } from '../../../../shared/text/plural'

/** Stage 2: each portfolio's spend against its envelope, forecast, trend, outcomes and health checks. */
export function ScorecardsStage({ data }: StageProps) {
  if (data.summaries.length === 0) {
    return (
      <div className="review-empty">
        <p>
          No portfolios to score yet. <a href={routeHref('portfolios', 'new')}>Create a portfolio</a> for each workflow the
          team funds; until then everything is Unassigned.
        </p>
      </div>
    )
  }
  return (
    <div className="card-grid review-scorecards">
      {data.summaries.map((summary) => {
        const { highCost, recipeShare, adoption } = summary.metrics
        const tags = summary.portfolio.outcomeTags.filter((tag) => tag.trim() !== '')
        return (
          <div key={summary.portfolio.id} className="review-scorecard" data-testid="scorecard">
            <PortfolioCard summary={summary} />
            <dl className="review-outcomes">
              <div>
                <dt>Outcomes it should move</dt>
                <dd>{tags.length ? tags.join(', ') : 'none named'}</dd>
              </div>
              <div>
                <dt>High-cost runs with an outcome note</dt>
                <dd>{highCost.count === 0 ? 'no high-cost runs' : `${highCost.annotated} of ${highCost.count}`}</dd>
              </div>
              <div>
                <dt>Runs following a promoted recipe</dt>
                <dd>{recipeShare.promotedRecipes === 0 ? 'no promoted recipes yet' : percent(recipeShare.runs)}</dd>
              </div>
              {summary.outcomes && (
                <div>
                  <dt>Runs that reached a merged PR · incidents: time to resolve vs the team&apos;s others</dt>
                  <dd>
                    {summary.outcomes.pullRequests.mergedRunShare === null ? '—' : percent(summary.outcomes.pullRequests.mergedRunShare)} · {duration(summary.outcomes.incidents.resolveHours.worked)} vs {duration(summary.outcomes.incidents.resolveHours.others)}
                  </dd>
                </div>
              )}
              <div>
                <dt>Adoption</dt>
                <dd>
                  {plural(adoption.runs, 'run')}, {plural(adoption.distinctRepos, 'repo')}, {plural(adoption.distinctContributors, 'contributor')}
                </dd>
              </div>
            </dl>
          </div>
        )
      })}
    </div>
  )
}
